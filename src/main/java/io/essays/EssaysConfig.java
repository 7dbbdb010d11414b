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

    /**
     * The absolute URL of an essay's page on the site that shows it ({@code {slug}} is replaced): the canonical URL in
     * oEmbed, feeds, the sitemap, page metadata and embeds' "Read the whole essay" link. An oEmbed request names an
     * essay by this URL (with {@code #headingId} for a section).
     */
    @WithDefault("https://essays.example.org/essays/{slug}")
    String pageUrlTemplate();

    /**
     * The absolute URL at which clients reach this service (scheme, host, port, and a path prefix if behind one): embed
     * iframes, {@code /embed.js}, feed self links and relative asset URLs in feeds are made absolute with it.
     */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Import the content directory at startup (replicas that only serve can turn this off). */
    @WithDefault("true")
    boolean importOnStart();

    /**
     * At startup, serve the release already in the database at once and import in the background (readiness does not
     * wait); when off, or when the database has no release yet, the startup import runs before the service is ready.
     */
    @WithDefault("true")
    boolean backgroundStartImport();

    /**
     * Refuse to import content whose release hash is that of a release older than the newest: a replica with an
     * out-of-date copy of the content (a stale git-sync volume, an old image restarted) must not undo a newer
     * release. An admin import can allow it once ({@code ?allowOlder=true}), to go back on purpose.
     */
    @WithDefault("true")
    boolean refuseOlderContent();

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

        /** The defaults of the sync page size, also the bounds the spec states for {@code limit}. */
        String DEFAULT_LIMIT = "50";
        String MAX_LIMIT = "200";
        String LIMIT = "Items per page";
        /** {@link EssaysConfig#bounds} of the defaults, as a constant the annotations can use. */
        String LIMIT_DESCRIPTION = LIMIT + ", 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")";

        /** Items per sync page when {@code limit} is not given. */
        @WithDefault(DEFAULT_LIMIT)
        int defaultLimit();

        /** Most items per sync page. */
        @WithDefault(MAX_LIMIT)
        int maxLimit();
    }

    Embed embed();

    /** oEmbed provider details and the embed pages' framing policy. */
    interface Embed {
        /** The CSP {@code frame-ancestors} sources of embed pages: who may frame them ({@code *}: any site). */
        @WithDefault("*")
        String frameAncestors();

        /** oEmbed {@code provider_name}, the feeds' title and Open Graph {@code og:site_name}. */
        @WithDefault("Essays")
        String providerName();

        /** oEmbed {@code provider_url}: the home page of the site showing the essays. */
        @WithDefault("https://essays.example.org/")
        String providerUrl();

        /** oEmbed {@code author_name}, the feeds' author and the JSON-LD author. */
        @WithDefault("The Essays authors")
        String authorName();

        /** oEmbed {@code cache_age}: how long a consumer may keep a response. */
        @WithDefault("1d")
        Duration cacheAge();

        /** Default iframe width of oEmbed responses, in CSS pixels ({@code maxwidth} may lower it). */
        @WithDefault("640")
        int width();

        /** Default iframe height of oEmbed responses, before {@code /embed.js} resizes it ({@code maxheight} may lower it). */
        @WithDefault("480")
        int height();

        /**
         * The most entries a feed holds, the newest: a feed reader fetches the whole document on every change, and a
         * corpus of thousands of essays, each with its full HTML, would make it a download of hundreds of megabytes.
         */
        @WithDefault("50")
        int feedEntries();
    }

    Webhooks webhooks();

    /** Where a new release is announced; see the README for the signature scheme. */
    interface Webhooks {
        /** URLs that receive a POST for each new release; none by default. */
        Optional<java.util.List<String>> targets();

        /** Shared secret of the HMAC-SHA256 signature; deliveries are unsigned without one. */
        Optional<String> secret();

        /** How long one attempt may take (connect and answer). */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts per release and target before the delivery is recorded as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** Wait before the first retry; each further retry waits twice as long as the previous one. */
        @WithDefault("1s")
        Duration backoff();
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
         * Off-heap memory for copies of the largest bodies the fast path serves, written to the socket without the
         * copy Netty makes of a body on the heap; {@code 0} turns the copies off. Counted apart from
         * {@link #cacheBudget()}.
         */
        @WithDefault("16M")
        MemorySize directBudget();

        /** Bodies at least this large get an off-heap copy ({@link #directBudget()}). */
        @WithDefault("16K")
        MemorySize directThreshold();

        /**
         * Longest request URI (path and query) answered; a longer one is a 414 problem. Must stay below
         * {@code quarkus.http.limits.max-initial-line-length}, beyond which the server answers a bare 414 itself.
         */
        @WithDefault("4096")
        int maxUriLength();

        /**
         * How long the service sends requests to itself after the HTTP server starts and before it reports ready, so
         * that the JIT has compiled the request path and the hot representations are built before clients arrive
         * ({@code corpus/WarmUp}); {@code 0s} reports ready without warming up.
         */
        @WithDefault("500ms")
        Duration warmUp();
    }

    /**
     * How the spec describes a page-size parameter ({@code what}) with the bounds a deployment configured; for the
     * defaults, {@link Paging#SIZE_DESCRIPTION} and {@link Sync#LIMIT_DESCRIPTION}.
     */
    static String bounds(String what, int max, int defaultValue) {
        return what + ", 1 to " + max + " (default " + defaultValue + ")";
    }

    /** Pagination of lists. */
    interface Paging {
        /** The defaults, also the bounds the spec states for {@code page} and {@code size} (said once, here). */
        String DEFAULT_SIZE = "20";
        String MAX_SIZE = "100";
        String PAGE_DESCRIPTION = "Page number, from 1";
        String SIZE = "Page size";
        /** {@link EssaysConfig#bounds} of the defaults, as a constant the annotations can use. */
        String SIZE_DESCRIPTION = SIZE + ", 1 to " + MAX_SIZE + " (default " + DEFAULT_SIZE + ")";

        @WithDefault(DEFAULT_SIZE)
        int defaultSize();

        @WithDefault(MAX_SIZE)
        int maxSize();
    }
}
