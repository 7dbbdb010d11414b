/**
 * Typed client for the Essays API.
 *
 * Every call goes through openapi-fetch with the types openapi-typescript generated from the committed spec
 * (`schema.d.ts`), so paths, parameters and bodies are checked by `tsc --strict`. On top of that this module adds what a
 * hand-written SDK would: `Link` pagination as async iterators, an optional ETag cache (conditional requests that reuse
 * the body on 304), problem+json errors thrown as {@link ProblemError}, and the mobile sync protocol (`/sync`: initial
 * sync, deltas from a token, tombstones, restart on 410) kept in a {@link SyncReplica}.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";
import type { FullEssayDetail, FullEssaySummary } from "./full.js";
import { EtagCache } from "./etag-cache.js";
import { ProblemError, type Problem } from "./problem.js";
import { nextLink } from "./link-header.js";
import { isTombstone, type SyncOutcome, type SyncPage, type SyncReplica } from "./sync.js";

export type { components, paths, operations } from "./schema.js";
export { EtagCache, type EtagCacheStats } from "./etag-cache.js";
export { ProblemError, type Problem } from "./problem.js";
export { parseLinkHeader, nextLink } from "./link-header.js";
export { SyncReplica, isTombstone, syncKey, type SyncAsset, type SyncItem, type SyncOutcome, type SyncPage } from "./sync.js";

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
export type { FullEssayDetail, FullEssaySummary } from "./full.js";
/** A page of essays requested without `fields`: every item whole. */
export type FullEssayPage = Omit<EssayPage, "items"> & { items: FullEssaySummary[] };
/** A series with its essays, each whole (the series resource has no `fields`). */
export type FullSeriesDetail = Omit<SeriesDetail, "essays"> & { essays: FullEssaySummary[] };
/** A query without `fields`: its answer carries every property of the full form (see `full.ts`). */
export type Untrimmed<Q> = Q & { fields?: undefined };

type Query<P extends keyof paths> = paths[P]["get"] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
export type ListEssaysQuery = Query<"/api/v1/essays">;
export type SearchQuery = Query<"/api/v1/search">;
export type SyncQuery = Query<"/api/v1/sync">;
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

/** The query parameters the spec types as integers (counts and page numbers): a next link's are numbers again. */
const INTEGER_PARAMETERS: ReadonlySet<string> = new Set(["page", "size", "limit"]);

/**
 * Resolves a `Link` target against the response it came with and keeps only its query, for the typed call: integer
 * parameters as numbers, every other one as the string it is.
 */
function queryOf(target: string, response: Response): Record<string, string | number> {
  const url = new URL(target, response.url || "http://invalid/");
  const query: Record<string, string | number> = {};
  for (const [name, value] of url.searchParams) {
    const number = Number(value);
    query[name] = INTEGER_PARAMETERS.has(name) && value.trim() !== "" && Number.isInteger(number) ? number : value;
  }
  return query;
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

  async getSeries(slug: string): Promise<FullSeriesDetail> {
    return (await unwrap(this.raw.GET("/api/v1/series/{slug}", { params: { path: { slug } } }))) as FullSeriesDetail;
  }

  listTags(): Promise<TagCount[]> {
    return unwrap(this.raw.GET("/api/v1/tags"));
  }

  /**
   * One page of essay summaries, with the `Link` header's `next` target if there is one. Without `fields` every item
   * is whole ({@link FullEssaySummary}); with it, only the fields asked for are there.
   */
  listEssaysPage(
    query?: Untrimmed<ListEssaysQuery>,
  ): Promise<{ page: FullEssayPage; next: Untrimmed<ListEssaysQuery> | undefined }>;
  listEssaysPage(query?: ListEssaysQuery): Promise<{ page: EssayPage; next: ListEssaysQuery | undefined }>;
  async listEssaysPage(query: ListEssaysQuery = {}): Promise<{ page: EssayPage; next: ListEssaysQuery | undefined }> {
    const outcome = await this.raw.GET("/api/v1/essays", { params: { query } });
    const page = await unwrap(Promise.resolve(outcome));
    const next = nextLink(outcome.response.headers.get("Link"));
    return { page, next: next ? (queryOf(next, outcome.response) as unknown as ListEssaysQuery) : undefined };
  }

  /** Every essay matching the query, following the `Link: rel="next"` header page after page. */
  essays(query?: Untrimmed<ListEssaysQuery>): AsyncGenerator<FullEssaySummary, void, undefined>;
  essays(query?: ListEssaysQuery): AsyncGenerator<EssaySummary, void, undefined>;
  async *essays(query: ListEssaysQuery = {}): AsyncGenerator<EssaySummary, void, undefined> {
    let current: ListEssaysQuery | undefined = query;
    while (current) {
      const { page, next }: { page: EssayPage; next: ListEssaysQuery | undefined } = await this.listEssaysPage(current);
      yield* page.items;
      current = next;
    }
  }

  /** One essay; without `fields` whole ({@link FullEssayDetail}), with it only the fields asked for. */
  getEssay(slug: string, query?: Untrimmed<{ math?: MathFormat }>): Promise<FullEssayDetail>;
  getEssay(slug: string, query?: { fields?: string; math?: MathFormat }): Promise<EssayDetail>;
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
    return { results, next: next ? (queryOf(next, outcome.response) as unknown as SearchQuery) : undefined };
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
      yield* results.items;
      current = next;
    }
  }

  /** The pages of one sync (initial without a token, else the changes since it), following `next` until a page carries `nextSyncToken`. */
  async *syncPages(query: SyncQuery = {}): AsyncGenerator<SyncPage, void, undefined> {
    let current: SyncQuery | undefined = query;
    while (current) {
      const outcome = await this.raw.GET("/api/v1/sync", { params: { query: current } });
      const page: SyncPage = await unwrap(Promise.resolve(outcome));
      yield page;
      if (page.nextSyncToken) {
        return;
      }
      if (!page.next) {
        throw new Error("a sync page carried neither next nor nextSyncToken");
      }
      current = queryOf(page.next, outcome.response) as unknown as SyncQuery;
    }
  }

  private async syncAll(query: SyncQuery): Promise<{ pages: SyncPage[]; token: string }> {
    const pages: SyncPage[] = [];
    for await (const page of this.syncPages(query)) {
      pages.push(page);
    }
    return { pages, token: pages.at(-1)?.nextSyncToken ?? "" };
  }

  /**
   * Brings a replica up to date: an initial sync when it has no token, else only what changed since its token. Every
   * page is fetched before any item is applied, so the replica moves from one release to the next in one step (a
   * failure midway leaves it as it was). A 410 (`sync-restart-required`: the token is older than the history the
   * service keeps, or from another deployment) clears the replica and runs an initial sync.
   */
  async sync(replica: SyncReplica, options: { fields?: string; limit?: number } = {}): Promise<SyncOutcome> {
    const base: SyncQuery = {
      ...(options.fields ? { fields: options.fields } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    };
    let restarted = false;
    let result: { pages: SyncPage[]; token: string };
    try {
      result = await this.syncAll(replica.token ? { ...base, token: replica.token } : base);
    } catch (error) {
      if (!(error instanceof ProblemError && error.status === 410 && replica.token)) {
        throw error;
      }
      restarted = true;
      result = await this.syncAll(base);
    }
    if (restarted) {
      replica.clear();
    }
    let stored = 0;
    let deleted = 0;
    for (const page of result.pages) {
      for (const item of page.items) {
        replica.apply(item);
        if (isTombstone(item)) {
          deleted++;
        } else {
          stored++;
        }
      }
    }
    replica.token = result.token;
    replica.release = result.pages.at(-1)?.release ?? replica.release;
    return { release: replica.release, stored, deleted, pages: result.pages.length, restarted };
  }

  suggest(q: string): Promise<Suggestion[]> {
    return unwrap(this.raw.GET("/api/v1/search/suggest", { params: { query: { q } } }));
  }
}

export function createEssaysClient(options: EssaysClientOptions): EssaysClient {
  return new EssaysClient(options);
}
