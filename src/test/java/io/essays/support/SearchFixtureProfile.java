package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Serves the search fixture corpus (src/test/resources/fixture-search) on H2. */
public class SearchFixtureProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("essays.content-dir", "src/test/resources/fixture-search");
    }
}
