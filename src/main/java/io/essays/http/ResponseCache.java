package io.essays.http;

import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The response bodies of one release and the URIs bound to them, in one Caffeine cache bounded by an estimate of the
 * bytes it retains (bodies, gzip variants, headers, keys). Eviction is Caffeine's W-TinyLFU: a flood of one-off
 * entries (cache-busting query strings, every subset of {@code fields}) is admitted only if it is used more than
 * what it would evict, so popular representations stay. A binding holds the key of its representation, not the
 * representation itself, so an evicted body is really freed and its URIs fall back to JAX-RS, which recomputes it.
 */
public class ResponseCache implements ReleaseCache {
    /** What a {@link Representation} costs beyond its bytes: object headers, ETags, the key record. */
    static final int ENTRY_OVERHEAD = 256;

    private sealed interface Key permits ByKey, ByUri {
        String text();
    }

    private record ByKey(String text) implements Key {
    }

    private record ByUri(String text) implements Key {
    }

    private record Binding(String key, String route) {
    }

    private final Instant importedAt;
    private final String lastModified;
    private final long budget;
    private final Cache<Key, Object> entries;

    public ResponseCache(Instant importedAt, long budgetBytes) {
        this.importedAt = importedAt;
        this.lastModified = HttpDates.format(importedAt);
        this.budget = budgetBytes;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher(ResponseCache::weigh)
                .build();
    }

    @Override
    public Instant importedAt() {
        return importedAt;
    }

    @Override
    public String lastModified() {
        return lastModified;
    }

    @Override
    public Representation representation(String key, Supplier<Representation> compute) {
        ByKey k = new ByKey(key);
        Object cached = entries.getIfPresent(k);
        if (cached != null) {
            return (Representation) cached;
        }
        // computed outside the cache's lock: a slow body must not block other keys; a race computes it twice
        Representation fresh = compute.get();
        Object raced = entries.asMap().putIfAbsent(k, fresh);
        return raced == null ? fresh : (Representation) raced;
    }

    @Override
    public void bind(String uri, String key, String route) {
        entries.asMap().putIfAbsent(new ByUri(uri), new Binding(key, route));
    }

    @Override
    public Bound boundTo(String uri) {
        Object binding = entries.getIfPresent(new ByUri(uri));
        if (binding == null) {
            return null;
        }
        Binding b = (Binding) binding;
        Object representation = entries.getIfPresent(new ByKey(b.key()));
        return representation == null ? null : new Bound((Representation) representation, b.route());
    }

    /** The byte budget. */
    public long budget() {
        return budget;
    }

    /** The estimated bytes retained now, after pending evictions. */
    public long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Cached representations and URI bindings, after pending evictions. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** How many request URIs are bound for the fast path (counts every entry: for tests and diagnostics). */
    public long boundUris() {
        return entries.asMap().keySet().stream().filter(ByUri.class::isInstance).count();
    }

    private static int weigh(Key key, Object value) {
        long keyBytes = 48L + 2L * key.text().length();
        long valueBytes = value instanceof Representation r ? r.retainedBytes()
                : 48L + 2L * ((Binding) value).key().length();
        return (int) Math.min(Integer.MAX_VALUE, keyBytes + valueBytes);
    }
}
