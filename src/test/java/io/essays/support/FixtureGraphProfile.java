package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Serves the link-graph fixture corpus (src/test/resources/fixture-graph) from its own in-memory H2 database, with page
 * sizes other than the defaults ({@code ConfiguredBoundsTest}; the link-graph tests page nothing) and the start-up
 * warm-up on, as in production ({@code WarmUpTest}; nothing here imports, so its warmed cache stays). Every profile costs
 * the suite a build and a start of its own, so settings that do not interfere share one.
 */
public class FixtureGraphProfile implements QuarkusTestProfile {
    public static final int DEFAULT_SIZE = 2;
    public static final int MAX_SIZE = 40;
    public static final int DEFAULT_LIMIT = 3;
    public static final int MAX_LIMIT = 70;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("essays.content-dir", "src/test/resources/fixture-graph",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:fixture-graph;DB_CLOSE_DELAY=-1",
                "essays.paging.default-size", Integer.toString(DEFAULT_SIZE),
                "essays.paging.max-size", Integer.toString(MAX_SIZE),
                "essays.sync.default-limit", Integer.toString(DEFAULT_LIMIT),
                "essays.sync.max-limit", Integer.toString(MAX_LIMIT),
                "essays.http.warm-up", "300ms");
    }
}
