/**
 * The client against a running service with the real corpus (`ESSAYS_API_URL`, started by run-e2e.sh). Expected
 * values are read from the service through a second path (raw fetch) where they depend on the corpus, so the tests
 * check the client, not the essays.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createEssaysClient, EtagCache, ProblemError, type EssaysClient } from "../src/index.js";

const baseUrl = process.env["ESSAYS_API_URL"] ?? "http://localhost:8080";

interface Exchange {
  url: string;
  ifNoneMatch: string | null;
  status: number;
}

/** A client whose fetch records every exchange on the wire. */
function recordingClient(cache?: EtagCache): { client: EssaysClient; wire: Exchange[] } {
  const wire: Exchange[] = [];
  const client = createEssaysClient({
    baseUrl,
    ...(cache ? { cache } : {}),
    fetch: async (request: Request) => {
      const response = await fetch(request);
      wire.push({ url: request.url, ifNoneMatch: request.headers.get("If-None-Match"), status: response.status });
      return response;
    },
  });
  return { client, wire };
}

async function rawJson(path: string): Promise<unknown> {
  const response = await fetch(baseUrl + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

describe("Essays API client", () => {
  before(async () => {
    const ready = await fetch(baseUrl + "/q/health/ready");
    assert.equal(ready.status, 200, `service at ${baseUrl} is not ready`);
  });

  test("series come in order with their essay counts", async () => {
    const { client } = recordingClient();
    const series = await client.listSeries();
    assert.ok(series.length >= 3);
    assert.deepEqual(
      series.map((s) => s.order),
      [...series.map((s) => s.order ?? 0)].sort((a, b) => a - b),
    );
    const first = await client.getSeries(series[0]!.slug!);
    assert.equal(first.title, series[0]!.title);
    assert.equal(first.essays?.length, series[0]!.essayCount);
    assert.deepEqual(
      first.essays?.map((e) => e.order),
      [...(first.essays ?? []).map((e) => e.order ?? 0)].sort((a, b) => a - b),
    );
  });

  test("the essay iterator follows Link rel=next through every page, once each", async () => {
    const { client, wire } = recordingClient();
    const firstPage = await client.listEssaysPage({ size: 3, sort: "title" });
    const total = firstPage.page.page?.totalItems ?? 0;
    const pages = firstPage.page.page?.totalPages ?? 0;
    assert.ok(pages >= 3, "the corpus spans at least three pages of three");
    assert.deepEqual(firstPage.next, { sort: "title", page: 2, size: 3 });
    wire.length = 0;

    const slugs: string[] = [];
    for await (const essay of client.essays({ size: 3, sort: "title" })) {
      slugs.push(essay.slug!);
    }
    assert.equal(slugs.length, total);
    assert.equal(new Set(slugs).size, total);
    const titles = (await rawJson("/api/v1/essays?size=100&sort=title")) as { items: { slug: string }[] };
    assert.deepEqual(slugs, titles.items.map((e) => e.slug));
    assert.equal(wire.length, pages);
    assert.match(wire.at(-1)!.url, new RegExp(`[?&]page=${pages}(&|$)`));
  });

  test("essay detail carries TOC, MathML, figures, links and previous/next", async () => {
    const { client } = recordingClient();
    const essay = await client.getEssay("softmax");
    assert.equal(essay.slug, "softmax");
    assert.equal(essay.series?.slug, "foundations");
    assert.ok((essay.toc ?? []).length > 5);
    assert.match(essay.html ?? "", /<math[\s>]/);
    assert.ok((essay.assets ?? []).every((a) => a.url?.startsWith("/api/v1/assets/")));
    assert.ok((essay.links ?? []).some((l) => l.slug === "boltzmann-distribution"));
    const sparse = await client.getEssay("softmax", { fields: "slug,title" });
    assert.deepEqual(Object.keys(sparse).sort(), ["slug", "title"]);
  });

  test("answers without fields are typed whole and carry every property the spec lists for them", async () => {
    const { client } = recordingClient();
    type Spec = { components: { schemas: Record<string, Record<string, unknown>> } };
    const schemas = ((await rawJson("/q/openapi?format=json")) as Spec).components.schemas;
    const summaryKeys = schemas["EssaySummary"]!["x-required-without-fields"] as string[];
    const detailKeys = schemas["EssayDetail"]!["x-required-without-fields"] as string[];
    assert.ok(summaryKeys.includes("title") && detailKeys.includes("html"));
    let count = 0;
    for await (const essay of client.essays()) {
      for (const key of summaryKeys) {
        assert.ok(key in essay, `${essay.slug}.${key}`);
      }
      const title: string = essay.title; // FullEssaySummary: no `?`, so this compiles only if the type says so
      assert.ok(title.length > 0);
      count++;
    }
    const { page, next } = await client.listEssaysPage({ size: 2 });
    assert.equal(page.page.totalItems, count);
    const second = await client.listEssaysPage(next); // the next link of an untrimmed page is untrimmed too
    const slug: string = second.page.items[0]!.slug;
    assert.ok(slug.length > 0);
    // a query that may be absent still type-checks (the optional form)
    const withQuery = (q?: { fields?: string }) => client.getEssay("softmax", q);
    const pageWith = (q?: { size?: number }) => client.listEssaysPage(q);
    assert.ok((await withQuery()).slug);
    assert.ok((await pageWith()).page.items.length > 0);
    const series = await client.getSeries("foundations");
    const order: number = series.essays[0]!.order;
    assert.equal(order, 1);
    const essay = await client.getEssay("softmax", { math: "tex" });
    for (const key of detailKeys) {
      assert.ok(key in essay, key);
    }
    const html: string = essay.html;
    assert.doesNotMatch(html, /<math[\s>]/); // the TeX variant, typed whole all the same
    const trimmed = await client.getEssay("softmax", { fields: "slug" });
    assert.deepEqual(Object.keys(trimmed), ["slug"]);
  });

  test("the HTML fragment is text, with MathML or TeX on request", async () => {
    const { client } = recordingClient();
    const html = await client.getEssayHtml("softmax");
    assert.equal(typeof html, "string");
    assert.match(html, /<math[\s>]/);
    const detail = await client.getEssay("softmax", { fields: "html" });
    assert.equal(html, detail.html);
    const tex = await client.getEssayHtml("softmax", { math: "tex" });
    assert.doesNotMatch(tex, /<math[\s>]/);
  });

  test("search ranks the matching essay first with highlighted snippets, and pages via Link", async () => {
    const { client } = recordingClient();
    const results = await client.search({ q: "softmax temperature" });
    assert.equal(results.query, "softmax temperature");
    assert.equal(results.items?.[0]?.slug, "softmax");
    assert.match(results.items?.[0]?.snippets?.[0]?.html ?? "", /<mark>/);
    const all: string[] = [];
    for await (const hit of client.searchHits({ q: "softmax", size: 2 })) {
      all.push(hit.slug!);
    }
    const firstPage = await client.search({ q: "softmax", size: 2 });
    assert.equal(all.length, firstPage.page?.totalItems);
    assert.equal(new Set(all).size, all.length);
  });

  test("suggest completes titles and headings with where they lead", async () => {
    const { client } = recordingClient();
    const suggestions = await client.suggest("soft");
    assert.ok(suggestions.length > 0 && suggestions.length <= 10);
    assert.deepEqual(suggestions[0], { text: "The Softmax Function", kind: "title", slug: "softmax" });
    const heading = suggestions.find((s) => s.kind === "heading");
    assert.ok(heading?.slug && heading.anchor);
  });

  test("links give backlinks with context, the link marked", async () => {
    const { client } = recordingClient();
    const links = await client.getEssayLinks("boltzmann-distribution");
    const fromSoftmax = links.incoming?.find((e) => e.slug === "softmax");
    assert.ok(fromSoftmax, "softmax links to boltzmann-distribution");
    const place = fromSoftmax.links?.[0];
    assert.match(place?.context?.html ?? "", /<mark>.+<\/mark>/);
    assert.ok((place?.context?.text ?? "").includes(place?.text ?? "\u0000"));
  });

  test("graph nodes cover every essay and edges join known nodes; the neighbourhood starts at distance 0", async () => {
    const { client } = recordingClient();
    const graph = await client.getGraph();
    const essays = (await rawJson("/api/v1/essays?size=100&fields=slug")) as { items: unknown[] };
    assert.equal(graph.nodes?.length, essays.items.length);
    const slugs = new Set(graph.nodes?.map((n) => n.slug));
    assert.ok((graph.edges ?? []).length > 0);
    assert.ok((graph.edges ?? []).every((e) => slugs.has(e.source) && slugs.has(e.target)));
    const local = await client.getEssayGraph("softmax", 1);
    assert.equal(local.nodes?.find((n) => n.slug === "softmax")?.distance, 0);
    assert.ok((local.nodes ?? []).every((n) => n.distance === 0 || n.distance === 1));
  });

  test("preview, section preview, related and mentions", async () => {
    const { client } = recordingClient();
    const preview = await client.getEssayPreview("boltzmann-distribution");
    assert.equal(preview.slug, "boltzmann-distribution");
    assert.equal(preview.section ?? null, null);
    const section = await client.getEssayPreview("boltzmann-distribution", "maximum-entropy");
    assert.equal(section.section?.anchor, "maximum-entropy");
    assert.ok((section.section?.text ?? "").length > 0);
    const related = await client.getRelatedEssays("softmax", 2);
    assert.equal(related.length, 2);
    assert.ok(related.every((r) => (r.reasons ?? []).length > 0));
    assert.ok(Array.isArray(await client.getEssayMentions("softmax")));
  });

  test("an unknown essay rejects with a typed 404 problem", async () => {
    const { client } = recordingClient();
    await assert.rejects(client.getEssay("no-such-essay"), (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 404);
      assert.equal(error.type, "https://essays.dev/problems/not-found");
      assert.equal(error.title, "Not Found");
      assert.equal(error.detail, "No essay with slug 'no-such-essay'");
      assert.equal(error.instance, "/api/v1/essays/no-such-essay");
      return true;
    });
  });

  test("an invalid parameter rejects with a 400 problem naming it", async () => {
    const { client } = recordingClient();
    await assert.rejects(client.listEssaysPage({ size: 0 }), (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 400);
      assert.match(error.detail ?? "", /size/);
      return true;
    });
  });

  test("the ETag cache sends If-None-Match and reuses the body on 304", async () => {
    const cache = new EtagCache();
    const { client, wire } = recordingClient(cache);
    const first = await client.getEssay("softmax");
    const again = await client.getEssay("softmax");
    assert.deepEqual(again, first);
    assert.equal(wire.length, 2);
    assert.equal(wire[0]!.ifNoneMatch, null);
    assert.equal(wire[0]!.status, 200);
    assert.match(wire[1]!.ifNoneMatch ?? "", /^"[^"]+"$/);
    assert.equal(wire[1]!.status, 304);
    assert.deepEqual(cache.stats, { stored: 1, conditional: 1, revalidated: 1 });

    const html = await client.getEssayHtml("softmax");
    assert.equal(await client.getEssayHtml("softmax"), html);
    assert.equal(wire.at(-1)!.status, 304);
    assert.equal(cache.stats.revalidated, 2);
    assert.equal(cache.size, 2);
  });
});
