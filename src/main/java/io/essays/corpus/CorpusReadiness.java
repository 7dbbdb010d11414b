package io.essays.corpus;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready only once a corpus release is loaded (the datasource check covers the database). */
@Readiness
@ApplicationScoped
public class CorpusReadiness implements HealthCheck {
    private final CorpusState state;

    CorpusReadiness(CorpusState state) {
        this.state = state;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("corpus");
        return state.loaded()
                .map(s -> builder.up().withData("release", s.releaseId()).withData("essays", s.essays().size()).build())
                .orElseGet(() -> builder.down().withData("reason", "no corpus imported").build());
    }
}
