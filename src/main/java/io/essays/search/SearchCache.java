package io.essays.search;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import io.essays.http.Representation;
import io.essays.http.ResponseCache;

/**
 * The search and suggest responses of one release, in a Caffeine cache of their own bounded by a byte budget. Kept
 * apart from the snapshot's cache so that an unbounded variety of queries never crowds out essay representations.
 * Search URIs are never bound for the fast path: {@link SearchResource} does not opt in, because every spelling of a
 * query would be a binding of its own; each search goes through the resource and this cache.
 */
final class SearchCache extends ResponseCache {
    static final long MAX_BYTES = 32L << 20;

    /**
     * Every search that is not cached yet runs under the read lock, so searches never wait for each other; a test
     * takes the write lock to stall them all and prove that a stalled search stalls nothing else.
     */
    final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

    SearchCache(Instant importedAt, long maxBytes) {
        super(importedAt, maxBytes);
    }

    @Override
    public Representation representation(String key, Supplier<Representation> compute) {
        return super.representation(key, () -> {
            gate.readLock().lock();
            try {
                return compute.get();
            } finally {
                gate.readLock().unlock();
            }
        });
    }
}
