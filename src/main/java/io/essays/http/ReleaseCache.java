package io.essays.http;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The representations of one corpus release, computed at most once each while they stay in the cache, and the URIs
 * bound to them for {@link FastPath}. See the package documentation for the rule that decides what may be bound.
 */
public interface ReleaseCache {

    /** When the release was imported: the {@code Last-Modified} of every representation of it. */
    Instant importedAt();

    /** {@link #importedAt()} as an HTTP date, formatted once per release by {@link HttpDates}. */
    String lastModified();

    /**
     * The representation for the canonical {@code key}, computed by {@code compute} when it is not cached. The key
     * must name everything the body depends on, in one spelling (sorted fields, defaults filled in).
     */
    Representation representation(String key, Supplier<Representation> compute);

    /**
     * Remembers that the request URI {@code uri} (path and raw query) is answered by the representation cached under
     * {@code key}; {@code route} is the route template the request is recorded under in metrics.
     */
    void bind(String uri, String key, String route);

    /** The representation a request URI is bound to and its route template, or null: JAX-RS answers it. */
    Bound boundTo(String uri);

    /** A bound URI's representation and the route template of the resource that produced it. */
    record Bound(Representation representation, String route) {
    }
}
