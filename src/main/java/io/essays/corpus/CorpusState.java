package io.essays.corpus;

import io.essays.DomainException;

import java.util.Optional;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Holds the snapshot being served and replaces it, atomically for readers, when the database has a newer release.
 */
@ApplicationScoped
public class CorpusState implements io.essays.http.CurrentRelease {
    private static final Logger LOG = Logger.getLogger(CorpusState.class);

    private final Event<CorpusLoaded> loaded;
    private final SnapshotSource source;
    private final long cacheBudget;
    private volatile CorpusSnapshot current;

    public CorpusState(Event<CorpusLoaded> loaded, SnapshotSource source, EssaysConfig config,
                       MeterRegistry registry) {
        this.loaded = loaded;
        this.source = source;
        this.cacheBudget = config.http().cacheBudget().asLongValue();
        Gauge.builder("essays.http.cache.bytes", this, s -> s.loaded().map(c -> c.responses().weight()).orElse(0L))
                .description("Estimated heap held by the response cache of the release being served")
                .baseUnit("bytes").register(registry);
        Gauge.builder("essays.http.cache.entries", this, s -> s.loaded().map(c -> c.responses().size()).orElse(0L))
                .description("Response bodies and bound URIs cached for the release being served")
                .register(registry);
        Gauge.builder("essays.http.cache.budget", () -> cacheBudget)
                .description("essays.http.cache-budget").baseUnit("bytes").register(registry);
        Gauge.builder("essays.release.served", this, s -> s.loaded().map(CorpusSnapshot::releaseId).orElse(0L))
                .description("Id of the release this replica serves; 0 before the first").register(registry);
    }

    /** The snapshot being served; a 503 problem when no corpus has been imported yet. */
    public CorpusSnapshot current() {
        CorpusSnapshot snapshot = current;
        if (snapshot == null) {
            throw new DomainException.NoCorpus("No corpus has been imported yet; check the service log for content problems");
        }
        return snapshot;
    }

    @Override
    public io.essays.http.ReleaseCache release() {
        return current;
    }

    public Optional<CorpusSnapshot> loaded() {
        return Optional.ofNullable(current);
    }

    /** Why the newest release in the database is not the one loaded, when this version cannot read it. */
    public Optional<String> newestUnreadable() {
        return source.unreadable();
    }

    /**
     * Loads the newest release from the database if it differs from the one served. Returns true if it swapped.
     * The database is read in a transaction (by the {@link SnapshotSource}); observers of {@link CorpusLoaded} run after it, since they need no
     * database and may take a while (the search index of a large corpus), which would otherwise hold a connection
     * and could outlast the transaction timeout.
     */
    public synchronized boolean refresh() {
        return load(false);
    }

    /**
     * {@link #refresh()} at start-up, before anything is served: observers may then build what they derive in the
     * background ({@link CorpusLoaded#startUp()}), since readiness waits for it. Any later load (an import, a newer
     * release of another replica) builds everything before the snapshot is served.
     */
    public synchronized boolean refreshAtStartUp() {
        return load(true);
    }

    private boolean load(boolean startUp) {
        long started = System.nanoTime();
        CorpusSnapshot snapshot = source.newer(current);
        if (snapshot == null) {
            return false;
        }
        loaded.fire(new CorpusLoaded(snapshot, startUp && current == null));
        current = snapshot;
        LOG.infof("Serving corpus release %d (%d series, %d essays) loaded in %d ms", snapshot.releaseId(),
                snapshot.series().size(), snapshot.essays().size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }
}
