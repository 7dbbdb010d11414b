package io.essays.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Serves the real corpus (content/) from its own in-memory H2 database. */
public class RealCorpusProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("essays.content-dir", "content",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:real-corpus;DB_CLOSE_DELAY=-1");
    }
}
