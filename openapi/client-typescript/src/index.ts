/**
 * Typed client for the Essays API.
 *
 * Every call goes through openapi-fetch with the types openapi-typescript generated from the committed spec
 * (`schema.d.ts`), so paths, parameters and bodies are checked by `tsc --strict`. On top of that this module adds what a
 * hand-written SDK would: `Link` pagination as async iterators, an optional ETag cache (conditional requests that reuse
 * the body on 304), and problem+json errors thrown as {@link ProblemError}.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";
import { EtagCache } from "./etag-cache.js";
import { ProblemError, type Problem } from "./problem.js";
import { nextLink } from "./link-header.js";

export type { components, paths, operations } from "./schema.js";
export { EtagCache, type EtagCacheStats } from "./etag-cache.js";
export { ProblemError, type Problem } from "./problem.js";
export { parseLinkHeader, nextLink } from "./link-header.js";

type Schemas = components["schemas"];
export type SeriesSummary = Schemas["SeriesSummary"];
export type SeriesDetail = Schemas["SeriesDetail"];
export type EssaySummary = Schemas["EssaySummary"];
export type EssayDetail = Schemas["EssayDetail"];
export type EssayPage = Schemas["EssayPage"];
export type EssayLinks = Schemas["EssayLinks"];
export type EssayGraph = Schemas["EssayGraph"];
export type GraphNode = Schemas["GraphNode"];
export type GraphEdge = Schemas["GraphEdge"];
export type LinkedEssay = Schemas["LinkedEssay"];
export type LinkPlace = Schemas["LinkPlace"];
export type RelatedEssay = Schemas["RelatedEssay"];
export type Preview = Schemas["Preview"];
export type MentioningEssay = Schemas["MentioningEssay"];
export type SearchResults = Schemas["SearchResults"];
export type SearchHit = Schemas["SearchHit"];
export type Suggestion = Schemas["Suggestion"];
export type TagCount = Schemas["TagCount"];
export type TocEntry = Schemas["TocEntry"];

type Query<P extends keyof paths> = paths[P]["get"] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type ListEssaysQuery = Query<"/api/v1/essays">;
export type SearchQuery = Query<"/api/v1/search">;
export type MathFormat = NonNullable<Query<"/api/v1/essays/{slug}">["math"]>;

export interface EssaysClientOptions {
  /** Origin of the service, e.g. `http://localhost:8080` (paths in the spec start with `/api/v1`). */
  baseUrl: string;
  /** A fetch implementation; defaults to `globalThis.fetch`. */
  fetch?: (input: Request) => Promise<Response>;
  /** An ETag cache: GETs then send `If-None-Match` and a 304 is answered from the cached body. */
  cache?: EtagCache;
}

/** What every call resolves to on success; failures reject with {@link ProblemError}. */
interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw ProblemError.from(response, error as Problem | string | undefined);
  }
  return data;
}

/** Resolves a `Link` target against the response it came with and keeps only its query, for the typed call. */
function queryOf(target: string, response: Response): Record<string, string> {
  const url = new URL(target, response.url || "http://invalid/");
  return Object.fromEntries(url.searchParams);
}

/** The typed Essays API client. `raw` is the underlying openapi-fetch client for anything not wrapped here. */
export class EssaysClient {
  readonly raw: Client<paths>;
  readonly cache: EtagCache | undefined;
  readonly baseUrl: string;

  constructor(options: EssaysClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.cache = options.cache;
    this.raw = createClient<paths>({
      baseUrl: this.baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (options.cache) {
      this.raw.use(options.cache.middleware() satisfies Middleware);
    }
  }

  /** Absolute URL of a path the API returned (asset URLs, cross-links), resolved against the service's origin. */
  url(path: string): string {
    return new URL(path, this.baseUrl + "/").toString();
  }

  listSeries(): Promise<SeriesSummary[]> {
    return unwrap(this.raw.GET("/api/v1/series"));
  }

  getSeries(slug: string): Promise<SeriesDetail> {
    return unwrap(this.raw.GET("/api/v1/series/{slug}", { params: { path: { slug } } }));
  }

  listTags(): Promise<TagCount[]> {
    return unwrap(this.raw.GET("/api/v1/tags"));
  }

  /** One page of essay summaries, with the `Link` header's `next` target if there is one. */
  async listEssaysPage(query: ListEssaysQuery = {}): Promise<{ page: EssayPage; next: ListEssaysQuery | undefined }> {
    const outcome = await this.raw.GET("/api/v1/essays", { params: { query } });
    const page = await unwrap(Promise.resolve(outcome));
    const next = nextLink(outcome.response.headers.get("Link"));
    return { page, next: next ? (queryOf(next, outcome.response) as ListEssaysQuery) : undefined };
  }

  /** Every essay matching the query, following the `Link: rel="next"` header page after page. */
  async *essays(query: ListEssaysQuery = {}): AsyncGenerator<EssaySummary, void, undefined> {
    let current: ListEssaysQuery | undefined = query;
    while (current) {
      const { page, next }: { page: EssayPage; next: ListEssaysQuery | undefined } = await this.listEssaysPage(current);
      yield* page.items ?? [];
      current = next;
    }
  }

  getEssay(slug: string, query: { fields?: string; math?: MathFormat } = {}): Promise<EssayDetail> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}", { params: { path: { slug }, query } }));
  }

  /** The sanitized HTML fragment (`text/html`). */
  getEssayHtml(slug: string, query: { math?: MathFormat } = {}): Promise<string> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}/html", { params: { path: { slug }, query }, parseAs: "text" }));
  }

  /** The Markdown file as authored. */
  getEssaySource(slug: string): Promise<string> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}/source", { params: { path: { slug } }, parseAs: "text" }));
  }

  getEssayLinks(slug: string): Promise<EssayLinks> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}/links", { params: { path: { slug } } }));
  }

  getEssayGraph(slug: string, depth: 1 | 2 = 1): Promise<EssayGraph> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}/graph", { params: { path: { slug }, query: { depth } } }));
  }

  getGraph(series?: string): Promise<EssayGraph> {
    return unwrap(this.raw.GET("/api/v1/graph", { params: { query: series ? { series } : {} } }));
  }

  getRelatedEssays(slug: string, limit?: number): Promise<RelatedEssay[]> {
    return unwrap(
      this.raw.GET("/api/v1/essays/{slug}/related", {
        params: { path: { slug }, query: limit === undefined ? {} : { limit } },
      }),
    );
  }

  /** A hover card; with `anchor`, the heading and first paragraph of that section too. */
  getEssayPreview(slug: string, anchor?: string): Promise<Preview> {
    return unwrap(
      this.raw.GET("/api/v1/essays/{slug}/preview", {
        params: { path: { slug }, query: anchor ? { anchor } : {} },
      }),
    );
  }

  getEssayMentions(slug: string): Promise<MentioningEssay[]> {
    return unwrap(this.raw.GET("/api/v1/essays/{slug}/mentions", { params: { path: { slug } } }));
  }

  /** One page of search results, with the `Link` header's `next` target if there is one. */
  async searchPage(query: SearchQuery): Promise<{ results: SearchResults; next: SearchQuery | undefined }> {
    const outcome = await this.raw.GET("/api/v1/search", { params: { query } });
    const results = await unwrap(Promise.resolve(outcome));
    const next = nextLink(outcome.response.headers.get("Link"));
    return { results, next: next ? (queryOf(next, outcome.response) as SearchQuery) : undefined };
  }

  /** The first page of search results. */
  async search(query: SearchQuery): Promise<SearchResults> {
    return (await this.searchPage(query)).results;
  }

  /** Every search hit, following `Link: rel="next"`. */
  async *searchHits(query: SearchQuery): AsyncGenerator<SearchHit, void, undefined> {
    let current: SearchQuery | undefined = query;
    while (current) {
      const { results, next }: { results: SearchResults; next: SearchQuery | undefined } = await this.searchPage(current);
      yield* results.items ?? [];
      current = next;
    }
  }

  suggest(q: string): Promise<Suggestion[]> {
    return unwrap(this.raw.GET("/api/v1/search/suggest", { params: { query: { q } } }));
  }
}

export function createEssaysClient(options: EssaysClientOptions): EssaysClient {
  return new EssaysClient(options);
}
