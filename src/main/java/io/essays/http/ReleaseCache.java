package io.essays.http;

import java.time.Instant;
import java.util.function.Supplier;

/** The representations of one corpus release, computed at most once each, and the release's import time. */
public interface ReleaseCache {

    /** When the release was imported: the {@code Last-Modified} of every representation of it. */
    Instant importedAt();

    /** The representation for {@code key}, computed by {@code compute} the first time it is asked for. */
    Representation representation(String key, Supplier<Representation> compute);

    /** Remembers that the request URI {@code uri} (path and raw query) is answered by {@code representation}. */
    void bindUri(String uri, Representation representation);

    /** The representation a request URI was bound to, or null: the fast path answers it without JAX-RS. */
    Representation boundTo(String uri);
}
