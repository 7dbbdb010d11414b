package io.essays.importer;

import io.essays.store.CorpusWriter;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.essays.content.InvalidCorpusException;
import io.essays.content.Problem;
import io.essays.corpus.CorpusState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * Runs imports in the background, one at a time on this replica (single flight: asking while one runs returns the
 * running one, so the corpus is never rendered twice at once). Imports across replicas are serialised by the
 * database's import lock ({@link CorpusWriter}). Keeps the most recent imports for the admin API.
 */
@ApplicationScoped
public class ImportJobs {
    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    static final int KEPT = 50;
    /**
     * Problems an import's status keeps, and the log lists: a corpus can have a problem per link, and 50 failed imports
     * of tens of thousands each would hold hundreds of megabytes; the count is always complete.
     */
    static final int KEPT_PROBLEMS = 1_000;
    static final int LOGGED_PROBLEMS = 100;

    private final ImportService imports;
    private final CorpusState state;
    private final EssaysConfig config;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Deque<ImportStatus> recent = new ArrayDeque<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "essays-import");
        t.setDaemon(true);
        return t;
    });
    private ImportStatus running;
    /** Set at shutdown: an import that fails from then on was stopped (its transaction rolls back), not broken. */
    private volatile boolean stopping;

    ImportJobs(ImportService imports, CorpusState state, EssaysConfig config, Clock clock, MeterRegistry registry) {
        this.imports = imports;
        this.state = state;
        this.config = config;
        this.clock = clock;
        // what an operator alerts on: content that no longer imports keeps the old release served, and says so only here
        Gauge.builder("essays.import.failed", this, ImportJobs::lastFailed)
                .description("1 when the newest finished import on this replica failed (content problems or an error), "
                        + "else 0").register(registry);
    }

    private synchronized double lastFailed() {
        return recent.stream().filter(s -> !"running".equals(s.state())).findFirst()
                .map(s -> "failed".equals(s.state()) ? 1.0 : 0.0).orElse(0.0);
    }

    /**
     * At startup, a replica whose database already has a release serves it at once and imports in the background,
     * swapping when the import finishes; without a release (nothing to serve anyway) it imports before it is ready,
     * unless {@code essays.background-start-import} is off, in which case it always waits. No failure stops the
     * service: problems are logged and the previous release, if any, is served. Observed after the {@code @Startup}
     * beans, which check the settings: a wrong one stops the service before anything is imported or written.
     */
    void onStart(@Observes @Priority(ObserverMethod.DEFAULT_PRIORITY + 100) StartupEvent event) {
        try {
            state.refreshAtStartUp();
        } catch (RuntimeException e) {
            LOG.error("Loading the newest release failed: " + ImportFailedException.describe(e), e);
        }
        if (!config.importOnStart()) {
            return;
        }
        if (config.backgroundStartImport() && state.loaded().isPresent()) {
            LOG.infof("Serving stored release %d while the startup import runs", state.loaded().get().releaseId());
            submit("startup");
        } else {
            run(start("startup"), false);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        worker.shutdownNow();
    }

    /** Starts an import unless one is running; returns the import now running (a new one or the one found). */
    public ImportStatus submit(String trigger) {
        return submit(trigger, false);
    }

    /** As {@link #submit(String)}; with {@code allowOlder}, content that is an older release's is imported too. */
    public ImportStatus submit(String trigger, boolean allowOlder) {
        ImportStatus job;
        synchronized (this) {
            if (running != null) {
                return running;
            }
            job = start(trigger);
        }
        worker.execute(() -> run(job, allowOlder));
        return job;
    }

    /** The import with {@code id}, if it is among the recent ones. */
    public synchronized Optional<ImportStatus> find(long id) {
        return recent.stream().filter(s -> s.id() == id).findFirst();
    }

    /** Recent imports, newest first. */
    public synchronized List<ImportStatus> recent() {
        return List.copyOf(recent);
    }

    private synchronized ImportStatus start(String trigger) {
        running = new ImportStatus(ids.incrementAndGet(), "running", trigger, clock.instant(), null, null, null, null);
        remember(running);
        return running;
    }

    private ImportStatus run(ImportStatus job, boolean allowOlder) {
        ImportStatus done;
        try {
            ImportOutcome outcome = imports.importFrom(Path.of(config.contentDir()), allowOlder);
            done = finished(job, "succeeded", outcome, null, null);
        } catch (OlderContentException e) {
            // not a fault of this replica's code or data: one line, no trace
            LOG.warn(e.getMessage());
            done = finished(job, "failed", null, null, e.getMessage() + "; nothing changed");
        } catch (InvalidCorpusException e) {
            List<Problem> problems = e.problems();
            LOG.error(listed(problems, LOGGED_PROBLEMS));
            Path contentDir = Path.of(config.contentDir());
            done = finished(job, "failed", null, kept(problems, contentDir), problems.size() + " problem(s) in the corpus"
                    + (problems.size() > KEPT_PROBLEMS ? "; the first " + KEPT_PROBLEMS + " are listed" : ""));
        } catch (ImportFailedException e) {
            if (!stopping) {
                LOG.error("Import of " + config.contentDir() + ": " + e.getMessage(), e);
            }
            done = stopping ? stopped(job) : finished(job, "failed", null, null, e.getMessage() + "; nothing changed, "
                    + imports.served().map(id -> "release " + id + " is still served").orElse("no release is served yet"));
        } catch (RuntimeException | Error e) {
            if (!stopping) {
                LOG.error("Import of " + config.contentDir() + " failed", e);
            }
            done = stopping ? stopped(job) : finished(job, "failed", null, null, ImportFailedException.describe(e));
        }
        if (done.error() != null && !stopping) {
            // every failed import, at startup (in the foreground or not) or asked for: what the replica serves now
            LOG.warn(imports.stillServing(done.problems() != null ? "Content has problems" : "The import failed"));
        }
        synchronized (this) {
            recent.removeIf(s -> s.id() == job.id());
            remember(done);
            running = null;
        }
        return done;
    }

    /** An import the shutdown stopped halfway (KaTeX cancelled, the pool interrupted): said once, without a trace. */
    private ImportStatus stopped(ImportStatus job) {
        LOG.info("Import stopped by the shutdown; its transaction is rolled back, nothing changed");
        return finished(job, "failed", null, null, "stopped by the shutdown; nothing changed");
    }

    private ImportStatus finished(ImportStatus job, String outcome, ImportOutcome result,
                                  List<Problem> problems, String error) {
        return new ImportStatus(job.id(), outcome, job.trigger(), job.started(), clock.instant(), result, problems, error);
    }

    private void remember(ImportStatus status) {
        recent.removeIf(s -> s.id() == status.id());
        recent.addFirst(status);
        while (recent.size() > KEPT) {
            recent.removeLast();
        }
    }

    /** The problems an import's status keeps: the first {@link #KEPT_PROBLEMS}, named relative to the content directory. */
    static List<Problem> kept(List<Problem> problems, Path contentDir) {
        return problems.stream().limit(KEPT_PROBLEMS).map(p -> p.relativeTo(contentDir)).toList();
    }

    /** The problems' count, then at most {@code max} of them, a line each. */
    static String listed(List<Problem> problems, int max) {
        var text = new StringBuilder().append(problems.size()).append(" problem(s) in the corpus:");
        problems.stream().limit(max).forEach(p -> text.append('\n').append(p));
        if (problems.size() > max) {
            text.append("\n… and ").append(problems.size() - max).append(" more");
        }
        return text.toString();
    }
}
