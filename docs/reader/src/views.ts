import type { EssayDetail, EssaySummary, LinkedEssay, RelatedEssay, SeriesDetail } from "essays-api-client";
import { api, apiBase } from "./api";
import { essayPath, h, trustedFragment } from "./dom";
import { drawGraph } from "./graph";

function essayList(essays: EssaySummary[]): HTMLOListElement {
  return h(
    "ol",
    { class: "essays" },
    ...essays.map((essay) =>
      h(
        "li",
        {},
        h("a", { href: essayPath(essay.slug ?? "") }, essay.title ?? ""),
        h("span", { class: "meta" }, ` · ${essay.readingMinutes ?? "?"} min`),
        h("p", { class: "summary" }, essay.summary ?? ""),
      ),
    ),
  );
}

function seriesSection(series: SeriesDetail, level: "h1" | "h2"): HTMLElement {
  const id = `series-${series.slug ?? ""}`;
  return h(
    "section",
    { class: "series", "aria-labelledby": id },
    h(level, { id }, level === "h2" ? h("a", { href: `/series/${encodeURIComponent(series.slug ?? "")}` }, series.title ?? "") : series.title ?? ""),
    h("p", { class: "description" }, series.description ?? ""),
    essayList(series.essays ?? []),
  );
}

/** Every series in order, each with its essays in reading order. */
export async function homeView(main: HTMLElement): Promise<void> {
  const summaries = await api.listSeries();
  const details = await Promise.all(summaries.map((s) => api.getSeries(s.slug ?? "")));
  document.title = "Essays — reader";
  main.replaceChildren(h("h1", { class: "visually-hidden" }, "Series"), ...details.map((s) => seriesSection(s, "h2")));
}

export async function seriesView(main: HTMLElement, slug: string): Promise<void> {
  const series = await api.getSeries(slug);
  document.title = `${series.title ?? slug} — Essays`;
  main.replaceChildren(seriesSection(series, "h1"));
}

function toc(essay: EssayDetail): HTMLElement {
  return h(
    "nav",
    { class: "toc", "aria-labelledby": "toc-heading" },
    h("h2", { id: "toc-heading" }, "Contents"),
    h(
      "ol",
      {},
      ...(essay.toc ?? []).map((entry) =>
        h("li", { class: `level-${entry.level ?? 2}` }, h("a", { href: `#${entry.id ?? ""}` }, entry.text ?? "")),
      ),
    ),
  );
}

function previousNext(essay: EssayDetail): HTMLElement {
  const previous = essay.previous;
  const next = essay.next;
  return h(
    "nav",
    { class: "prev-next", "aria-label": "Previous and next in the series" },
    previous ? h("a", { href: essayPath(previous.slug ?? ""), rel: "prev" }, h("span", {}, "← Previous"), previous.title ?? "") : h("span", {}),
    next ? h("a", { href: essayPath(next.slug ?? ""), rel: "next" }, h("span", {}, "Next →"), next.title ?? "") : h("span", {}),
  );
}

function backlinks(incoming: LinkedEssay[]): HTMLElement {
  return h(
    "section",
    { class: "backlinks", "aria-labelledby": "backlinks-heading" },
    h("h2", { id: "backlinks-heading" }, `Linked from ${incoming.length} essay${incoming.length === 1 ? "" : "s"}`),
    h(
      "ul",
      {},
      ...incoming.map((source) =>
        h(
          "li",
          { "data-source": source.slug },
          h("a", { href: essayPath(source.slug ?? "", source.links?.[0]?.sectionId) }, source.title ?? ""),
          h("span", { class: "meta" }, ` · ${source.series?.title ?? ""}`),
          ...(source.links ?? []).map((place) =>
            h("blockquote", { class: "context" }, trustedFragment(place.context?.html ?? "", apiBase)),
          ),
        ),
      ),
    ),
  );
}

const REASON_TEXT: Record<string, (values: string[]) => string> = {
  "links-to": () => "this essay links to it",
  "linked-from": () => "it links here",
  "co-cited-by": (v) => `both cited by ${v.length} essay${v.length === 1 ? "" : "s"}`,
  "both-link-to": (v) => `both link to ${v.length} essay${v.length === 1 ? "" : "s"}`,
  "shared-tags": (v) => `shared tags: ${v.join(", ")}`,
  "same-series": () => "same series",
};

function related(essays: RelatedEssay[]): HTMLElement {
  return h(
    "section",
    { class: "related", "aria-labelledby": "related-heading" },
    h("h2", { id: "related-heading" }, "Related"),
    h(
      "ul",
      {},
      ...essays.map((essay) =>
        h(
          "li",
          {},
          h("a", { href: essayPath(essay.slug ?? "") }, essay.title ?? ""),
          h(
            "ul",
            { class: "reasons" },
            ...(essay.reasons ?? []).map((r) => h("li", {}, (REASON_TEXT[r.reason ?? ""] ?? (() => r.reason ?? ""))(r.values ?? []))),
          ),
        ),
      ),
    ),
  );
}

/** An essay: MathML and figures, TOC, previous/next, backlinks with context, related essays, the local graph. */
export async function essayView(main: HTMLElement, slug: string): Promise<void> {
  const [essay, links, relatedEssays, graph] = await Promise.all([
    api.getEssay(slug),
    api.getEssayLinks(slug),
    api.getRelatedEssays(slug, 5),
    api.getEssayGraph(slug, 1),
  ]);
  document.title = `${essay.title ?? slug} — Essays`;
  const published = essay.published ? ` · ${essay.published}` : "";
  main.replaceChildren(
    h(
      "article",
      { "data-slug": slug, "aria-labelledby": "essay-title" },
      h(
        "p",
        { class: "crumbs" },
        h("a", { href: `/series/${encodeURIComponent(essay.series?.slug ?? "")}` }, essay.series?.title ?? ""),
        ` · ${essay.readingMinutes ?? "?"} min read${published}`,
      ),
      h("h1", { id: "essay-title" }, essay.title ?? slug),
      h(
        "div",
        { class: "essay-layout" },
        toc(essay),
        h("div", { class: "essay-html" }, trustedFragment(essay.html ?? "", apiBase)),
        h(
          "aside",
          { class: "essay-aside", "aria-label": "Around this essay" },
          h(
            "section",
            { class: "local-graph", "aria-labelledby": "graph-heading" },
            h("h2", { id: "graph-heading" }, "Link graph"),
            drawGraph(graph, slug, `Essays linked with ${essay.title ?? slug}`),
          ),
          related(relatedEssays),
        ),
      ),
      previousNext(essay),
      backlinks(links.incoming ?? []),
    ),
  );
}
