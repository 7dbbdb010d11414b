/**
 * The sync helper: against the running service (initial sync into a replica, a delta from its token, a forged token)
 * and, for the 410 restart that the real service only gives for a token older than its history, against a scripted
 * fetch.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { createEssaysClient, ProblemError, SyncReplica } from "../src/index.js";

const baseUrl = process.env["ESSAYS_API_URL"] ?? "http://localhost:8080";

async function rawJson(path: string): Promise<any> {
  const response = await fetch(baseUrl + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

describe("sync against the service", () => {
  before(async () => {
    assert.equal((await fetch(baseUrl + "/q/health/ready")).status, 200, `service at ${baseUrl} is not ready`);
  });

  test("an initial sync fills a replica page by page with every series, asset and essay", async () => {
    const requests: string[] = [];
    const client = createEssaysClient({
      baseUrl,
      fetch: (request: Request) => {
        requests.push(request.url);
        return fetch(request);
      },
    });
    const replica = new SyncReplica();
    const outcome = await client.sync(replica, { limit: 10 });
    const series: { slug: string }[] = await rawJson("/api/v1/series");
    const essays = await rawJson("/api/v1/essays?size=100&fields=slug");
    assert.deepEqual([...replica.series.keys()].sort(), series.map((s) => s.slug).sort());
    assert.deepEqual([...replica.essays.keys()].sort(), essays.items.map((e: { slug: string }) => e.slug).sort());
    assert.ok(replica.assets.size > 0);
    assert.equal(outcome.stored, replica.series.size + replica.essays.size + replica.assets.size);
    assert.equal(outcome.deleted, 0);
    assert.equal(outcome.restarted, false);
    assert.equal(outcome.pages, Math.ceil(outcome.stored / 10));
    assert.equal(requests.length, outcome.pages);
    assert.ok(requests.slice(1).every((url) => new URL(url).searchParams.has("token")));
    assert.ok(replica.token && replica.token.length > 0);
    assert.deepEqual(replica.essays.get("softmax"), await rawJson("/api/v1/essays/softmax"));
    const asset = [...replica.assets.values()][0]!;
    const bytes = await fetch(client.url(asset.url!));
    assert.equal(bytes.status, 200);
    const body = new Uint8Array(await bytes.arrayBuffer());
    assert.equal(body.byteLength, asset.bytes);
    assert.equal(createHash("sha256").update(body).digest("hex"), asset.hash);
  });

  test("a sync from the replica's token brings nothing new and keeps the token", async () => {
    const client = createEssaysClient({ baseUrl });
    const replica = new SyncReplica();
    await client.sync(replica, { fields: "slug,title" });
    assert.deepEqual(Object.keys(replica.essays.get("softmax") ?? {}).sort(), ["slug", "title"]);
    const token = replica.token;
    const again = await client.sync(replica, { fields: "slug,title" });
    assert.deepEqual(again, { release: replica.release, stored: 0, deleted: 0, pages: 1, restarted: false });
    assert.equal(replica.token, token);
  });

  test("a forged token is a 400 problem, not a restart", async () => {
    const client = createEssaysClient({ baseUrl });
    const replica = new SyncReplica();
    replica.token = "forged";
    await assert.rejects(client.sync(replica), (error: unknown) => {
      assert.ok(error instanceof ProblemError);
      assert.equal(error.status, 400);
      assert.match(error.type, /sync-token/);
      return true;
    });
    assert.equal(replica.token, "forged");
  });
});

describe("sync restart on 410", () => {
  function json(body: unknown, status = 200, type = "application/json"): Response {
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });
  }

  test("a token the service no longer knows clears the replica and syncs from scratch", async () => {
    const seen: (string | null)[] = [];
    const client = createEssaysClient({
      baseUrl: "http://sync.test",
      fetch: async (request: Request) => {
        const token = new URL(request.url).searchParams.get("token");
        seen.push(token);
        if (token === "old") {
          return json(
            { type: "https://essays.dev/problems/sync-restart-required", title: "Gone", status: 410, detail: "Token too old" },
            410,
            "application/problem+json",
          );
        }
        if (token === null) {
          return json({
            release: 7,
            items: [{ type: "series", slug: "s", series: { slug: "s", title: "S" } }],
            next: "http://sync.test/api/v1/sync?token=page2",
          });
        }
        return json({ release: 7, items: [{ type: "essay", slug: "e", essay: { slug: "e", title: "E" } }], nextSyncToken: "t7" });
      },
    });
    const replica = new SyncReplica();
    replica.token = "old";
    replica.release = 3;
    replica.essays.set("gone", { slug: "gone" });
    const outcome = await client.sync(replica);
    assert.deepEqual(seen, ["old", null, "page2"]);
    assert.deepEqual(outcome, { release: 7, stored: 2, deleted: 0, pages: 2, restarted: true });
    assert.deepEqual([...replica.essays.keys()], ["e"]);
    assert.deepEqual([...replica.series.keys()], ["s"]);
    assert.equal(replica.token, "t7");
  });

  test("tombstones delete, and a failure midway leaves the replica as it was", async () => {
    let calls = 0;
    const client = createEssaysClient({
      baseUrl: "http://sync.test",
      fetch: async () => {
        calls++;
        if (calls === 1) {
          return json({
            release: 8,
            items: [
              { type: "essay", slug: "a", deletedInRelease: 8 },
              { type: "asset", path: "x.svg", asset: { path: "x.svg", bytes: 3 } },
            ],
            nextSyncToken: "t8",
          });
        }
        if (calls === 2) {
          return json({ release: 9, items: [{ type: "essay", slug: "b", essay: { slug: "b" } }], next: "/api/v1/sync?token=p2" });
        }
        return new Response("upstream down", { status: 502 });
      },
    });
    const replica = new SyncReplica();
    replica.token = "t7";
    replica.essays.set("a", { slug: "a" });
    assert.deepEqual(await client.sync(replica), { release: 8, stored: 1, deleted: 1, pages: 1, restarted: false });
    assert.deepEqual([...replica.essays.keys()], []);
    assert.deepEqual([...replica.assets.keys()], ["x.svg"]);
    await assert.rejects(client.sync(replica), (error: unknown) => error instanceof ProblemError && error.status === 502);
    assert.equal(replica.token, "t8");
    assert.deepEqual([...replica.essays.keys()], []);
  });
});
