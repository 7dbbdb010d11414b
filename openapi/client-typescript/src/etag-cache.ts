import type { Middleware } from "openapi-fetch";

interface Entry {
  etag: string;
  body: ArrayBuffer;
  headers: [string, string][];
}

export interface EtagCacheStats {
  /** 200 responses whose body was stored. */
  stored: number;
  /** Conditional requests sent (`If-None-Match`). */
  conditional: number;
  /** 304 answers turned back into the stored 200. */
  revalidated: number;
}

/** Headers that describe the bytes on the wire, not the representation, and so are not replayed. */
const WIRE_HEADERS = new Set(["content-encoding", "content-length", "transfer-encoding", "connection"]);

/**
 * An in-memory ETag cache for GET requests, keyed by URL and `Accept`, least recently used first out once it holds
 * `maxEntries`. As openapi-fetch middleware it adds `If-None-Match` to a GET it has a body for, stores each 200 that
 * carries an `ETag`, and answers a 304 with the stored body as a 200 (with the 304's fresher headers on top), so callers
 * never see a 304. It is not an HTTP cache: every call still asks the server; it saves the transfer and the parsing
 * the server's 304 lets a client skip.
 */
export class EtagCache {
  private readonly entries = new Map<string, Entry>();
  readonly stats: EtagCacheStats = { stored: 0, conditional: 0, revalidated: 0 };

  constructor(private readonly maxEntries = 500) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private static key(request: Request): string {
    return `${request.url}\u0000${request.headers.get("Accept") ?? ""}`;
  }

  middleware(): Middleware {
    return {
      onRequest: ({ request }) => {
        if (request.method !== "GET" || request.headers.has("If-None-Match")) {
          return undefined;
        }
        const entry = this.entries.get(EtagCache.key(request));
        if (!entry) {
          return undefined;
        }
        this.stats.conditional++;
        const headers = new Headers(request.headers);
        headers.set("If-None-Match", entry.etag);
        return new Request(request, { headers });
      },
      onResponse: async ({ request, response }) => {
        if (request.method !== "GET") {
          return undefined;
        }
        const key = EtagCache.key(request);
        if (response.status === 304) {
          const entry = this.entries.get(key);
          if (!entry) {
            return undefined;
          }
          this.entries.delete(key);
          this.entries.set(key, entry);
          this.stats.revalidated++;
          const headers = new Headers(entry.headers);
          response.headers.forEach((value, name) => {
            if (!WIRE_HEADERS.has(name)) {
              headers.set(name, value);
            }
          });
          return new Response(entry.body.slice(0), { status: 200, statusText: "OK", headers });
        }
        const etag = response.headers.get("ETag");
        if (response.status === 200 && etag) {
          const body = await response.clone().arrayBuffer();
          const headers: [string, string][] = [];
          response.headers.forEach((value, name) => {
            if (!WIRE_HEADERS.has(name)) {
              headers.push([name, value]);
            }
          });
          this.entries.delete(key);
          this.entries.set(key, { etag, body, headers });
          this.stats.stored++;
          while (this.entries.size > this.maxEntries) {
            const oldest = this.entries.keys().next().value;
            if (oldest === undefined) {
              break;
            }
            this.entries.delete(oldest);
          }
        }
        return undefined;
      },
    };
  }
}
