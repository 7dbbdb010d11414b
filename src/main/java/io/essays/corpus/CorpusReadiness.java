package io.essays.corpus;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready once a corpus release is loaded, what start-up builds beside it (the search index) is built, and the start-up
 * {@link WarmUp} has finished (the datasource check covers the database).
 */
@Readiness
@ApplicationScoped
public class CorpusReadiness implements HealthCheck {
    private final CorpusState state;
    private final WarmUp warmUp;

    CorpusReadiness(CorpusState state, WarmUp warmUp) {
        this.state = state;
        this.warmUp = warmUp;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("corpus");
        if (state.loaded().isPresent() && !state.loaded().get().prepared()) {
            return builder.down().withData("reason", "building the search index").build();
        }
        if (state.loaded().isPresent() && !warmUp.done()) {
            return builder.down().withData("reason", "warming up").withData("requests", warmUp.requests()).build();
        }
        var unreadable = state.newestUnreadable();
        if (state.loaded().isEmpty()) {
            return builder.down().withData("reason", unreadable.orElse("no corpus imported")).build();
        }
        CorpusSnapshot served = state.loaded().get();
        builder.up().withData("release", served.releaseId()).withData("essays", served.essays().size());
        // still serving during a rolling update, but the newest release is for the newer replicas
        unreadable.ifPresent(reason -> builder.withData("newestRelease", reason));
        return builder.build();
    }
}
