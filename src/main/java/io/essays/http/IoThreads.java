package io.essays.http;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The default number of HTTP I/O threads (Vert.x event loops serving HTTP): one fewer than the cores, at least one,
 * where Quarkus starts two per core. The event loops only route requests and write bodies encoded at import (the fast
 * path) or hand them to worker threads (JAX-RS, searches, imports); leaving a core to those, to the garbage collector
 * and to the JIT keeps the loops from taking turns on a core with them. On two cores one loop answered 304s, essay
 * details and HTML fragments faster than four in {@code bench/http-bench.sh} (figures in the README's "Performance at
 * scale"). Any {@code quarkus.http.io-threads} set in {@code application.properties}, the environment
 * ({@code QUARKUS_HTTP_IO_THREADS}) or a system property wins: this source has the lowest ordinal of them.
 */
public final class IoThreads implements ConfigSource {
    static final String PROPERTY = "quarkus.http.io-threads";

    private final String value = Integer.toString(forCores(Runtime.getRuntime().availableProcessors()));

    /** {@code cores - 1}, at least 1. */
    static int forCores(int cores) {
        return Math.max(1, cores - 1);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PROPERTY, value);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTY.equals(propertyName) ? value : null;
    }

    @Override
    public String getName() {
        return "essays-io-threads";
    }

    @Override
    public int getOrdinal() {
        // below application.properties (250), the environment (300) and system properties (400)
        return 50;
    }
}
