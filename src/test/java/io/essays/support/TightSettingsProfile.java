package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A deployment with tight settings: CORS restricted to one origin, a response cache of 48 KiB, so that eviction shows
 * over HTTP, every fast-path body of 256 bytes or more written from an off-heap copy within 8 KiB of them, and the
 * sync history of only the two newest releases kept. One profile for all of them, since each profile costs the test
 * suite an application start.
 */
public class TightSettingsProfile implements QuarkusTestProfile {
    public static final int RETAINED_RELEASES = 2;
    public static final String ORIGIN = "https://app.example";
    public static final long CACHE_BUDGET = 48 << 10;
    public static final long DIRECT_BUDGET = 8 << 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", ORIGIN,
                "essays.http.cache-budget", Long.toString(CACHE_BUDGET),
                "essays.http.direct-budget", Long.toString(DIRECT_BUDGET),
                "essays.http.direct-threshold", "256",
                "essays.sync.retained-releases", Integer.toString(RETAINED_RELEASES));
    }
}
