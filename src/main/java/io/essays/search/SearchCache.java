package io.essays.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.essays.http.ReleaseCache;
import io.essays.http.Representation;

/**
 * The search and suggest responses of one release, least recently used evicted first once their bodies pass a byte
 * budget. Kept apart from the snapshot's own cache so that an unbounded variety of queries never crowds out essay
 * representations.
 */
final class SearchCache implements ReleaseCache {
    static final long MAX_BYTES = 32L << 20;

    private final Instant importedAt;
    private final long maxBytes;
    private final LinkedHashMap<String, Representation> entries = new LinkedHashMap<>(64, 0.75f, true);
    /** Guards {@link #entries} and {@link #bytes}; never held while a search runs. */
    final ReentrantLock lock = new ReentrantLock();
    private long bytes;

    SearchCache(Instant importedAt, long maxBytes) {
        this.importedAt = importedAt;
        this.maxBytes = maxBytes;
    }

    @Override
    public Instant importedAt() {
        return importedAt;
    }

    @Override
    public Representation representation(String key, Supplier<Representation> compute) {
        lock.lock();
        try {
            Representation cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        } finally {
            lock.unlock();
        }
        Representation fresh = compute.get();
        long size = size(fresh);
        if (size > maxBytes) {
            return fresh;
        }
        lock.lock();
        try {
            Representation raced = entries.putIfAbsent(key, fresh);
            if (raced != null) {
                return raced;
            }
            bytes += size;
            var eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                Map.Entry<String, Representation> e = eldest.next();
                bytes -= size(e.getValue());
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
        return fresh;
    }

    /** Search URIs are too varied to bind for the fast path: every search goes through the resource and this LRU. */
    @Override
    public void bindUri(String uri, Representation representation) {
    }

    @Override
    public Representation boundTo(String uri) {
        return null;
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    private static long size(Representation r) {
        return r.body().length + (r.gzip() == null ? 0 : r.gzip().length) + 256L;
    }
}
