package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Serves the real corpus (content/) on H2. */
public class RealCorpusProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("essays.content-dir", "content");
    }
}
