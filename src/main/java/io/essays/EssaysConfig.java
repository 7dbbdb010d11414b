package io.essays;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code essays.*} configuration key. */
@ConfigMapping(prefix = "essays")
public interface EssaysConfig {

    /** Directory holding {@code series/} and {@code essays/}. */
    @WithDefault("content")
    String contentDir();

    /** Where rendered cross-links point; {@code {slug}} is replaced, a {@code #anchor} is appended. */
    @WithDefault("/essays/{slug}")
    String essayUrlTemplate();

    /**
     * Where rendered images point: {@code <base>/<hash>/<path>}; the default is this service's asset endpoint, a CDN in
     * front of it can be named instead.
     */
    @WithDefault("/api/v1/assets")
    String assetBaseUrl();

    /** Import the content directory at startup (replicas that only serve can turn this off). */
    @WithDefault("true")
    boolean importOnStart();

    /** How often a replica checks the database for a newer release imported elsewhere ({@code off} disables). */
    @WithDefault("10s")
    String refreshInterval();

    /** Bearer token that enables {@code POST /api/v1/admin/import}; unset disables the endpoint. */
    Optional<String> adminToken();

    Http http();

    Paging paging();

    Assets assets();

    Sync sync();

    /** Delta sync and the offline bundle. */
    interface Sync {
        /**
         * HMAC-SHA256 key that signs sync tokens; replicas of one deployment must share it. Required in production
         * (the service refuses to start without it); dev and test have a default of their own.
         */
        Optional<String> secret();

        /** How many releases (the newest ones) keep the per-item hashes that delta syncs are answered from. */
        @WithDefault("100")
        int retainedReleases();

        /** Items per sync page when {@code limit} is not given. */
        @WithDefault("50")
        int defaultLimit();

        /** Most items per sync page. */
        @WithDefault("200")
        int maxLimit();
    }

    /** Limits on the files of {@code content/assets/}. */
    interface Assets {
        /** Largest asset file. */
        @WithDefault("2M")
        MemorySize maxFileSize();

        /** Most bytes all assets may add up to. */
        @WithDefault("50M")
        MemorySize maxTotalSize();
    }

    /** Caching and compression of content responses. */
    interface Http {
        /** {@code max-age} of content responses. */
        @WithDefault("60s")
        Duration maxAge();

        /** {@code stale-while-revalidate} of content responses. */
        @WithDefault("1h")
        Duration staleWhileRevalidate();

        /** Bodies at least this large are gzip-compressed for clients that accept it. */
        @WithDefault("1024")
        int compressionThreshold();

        /**
         * Heap for the response bodies of the release being served (with their gzip variants) and the URIs bound to
         * them; beyond it the least valuable entries are evicted and rebuilt on demand. Search responses have a cache
         * of their own.
         */
        @WithDefault("64M")
        MemorySize cacheBudget();

        /**
         * Longest request URI (path and query) answered; a longer one is a 414 problem. Must stay below
         * {@code quarkus.http.limits.max-initial-line-length}, beyond which the server answers a bare 414 itself.
         */
        @WithDefault("4096")
        int maxUriLength();
    }

    /** Pagination of lists. */
    interface Paging {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();
    }
}
