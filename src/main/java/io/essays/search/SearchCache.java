package io.essays.search;

import java.time.Instant;

import io.essays.http.ResponseCache;

/**
 * The search and suggest responses of one release, in a Caffeine cache of their own bounded by a byte budget. Kept
 * apart from the snapshot's cache so that an unbounded variety of queries never crowds out essay representations.
 * Search URIs are never bound for the fast path: {@link SearchResource} does not opt in, because every spelling of a
 * query would be a binding of its own; each search goes through the resource and this cache.
 */
final class SearchCache extends ResponseCache {
    static final long MAX_BYTES = 32L << 20;

    SearchCache(Instant importedAt, long maxBytes) {
        super(importedAt, maxBytes);
    }
}
