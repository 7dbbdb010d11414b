package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Serves the link-graph fixture corpus (src/test/resources/fixture-graph) from its own in-memory H2 database. */
public class FixtureGraphProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("essays.content-dir", "src/test/resources/fixture-graph",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:fixture-graph;DB_CLOSE_DELAY=-1");
    }
}
