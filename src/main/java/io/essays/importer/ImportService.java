package io.essays.importer;

import io.essays.Sha256;
import io.essays.store.ReleaseChanges;

import io.essays.store.CorpusRelease;
import io.essays.store.CorpusWriter;
import io.essays.DatabaseOutage;

import java.nio.file.Path;
import java.util.List;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.content.InvalidCorpusException;
import io.essays.corpus.CorpusState;
import io.essays.links.LinkAnalysis;
import io.essays.links.RelatedReasons;
import io.essays.markdown.MarkdownRenderer;
import io.essays.markdown.RenderingFingerprint;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/**
 * Imports a content directory: read and validate the whole corpus, render it, write it in one transaction, then serve
 * it. An invalid corpus changes nothing: the release being served stays. Triggers: startup, the admin endpoint, tests.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private final EssaysConfig config;
    private final CorpusReader reader;
    private final CorpusWriter writer;
    private final CorpusState state;
    private final FormulaCache math;
    private final RenderingFingerprint fingerprint;

    private final Event<ReleaseImported> imported;

    ImportService(EssaysConfig config, CorpusWriter writer, CorpusState state, FormulaCache math,
                  Event<ReleaseImported> imported) {
        this.config = config;
        this.imported = imported;
        this.math = math;
        this.reader = new CorpusReader(new MarkdownRenderer(config.essayUrlTemplate(), config.assetBaseUrl(), math),
                config.assets().maxFileSize().asLongValue(), config.assets().maxTotalSize().asLongValue());
        this.writer = writer;
        this.state = state;
        // what is stored at import is also derived by the reader (front matter, summaries) and the link analysis
        var code = new java.util.ArrayList<>(CorpusReader.CODE);
        code.addAll(List.of(LinkAnalysis.class, RelatedReasons.class));
        this.fingerprint = RenderingFingerprint.current(config.essayUrlTemplate(), code.toArray(Class<?>[]::new))
                .with("asset-base-url", config.assetBaseUrl())
                .with("katex", math.version());
        LOG.infof("Rendering fingerprint %s (%s)", fingerprint.hash().substring(0, 12), fingerprint);
    }

    /** Says what is served after a failed startup import. */
    String stillServing(String what) {
        return state.loaded().isPresent()
                ? what + ": still serving release " + state.loaded().get().releaseId()
                : what + " and no earlier release exists: the service is not ready";
    }

    /** The id of the release being served, if any. */
    java.util.Optional<Long> served() {
        return state.loaded().map(snapshot -> snapshot.releaseId());
    }

    /** Everything besides the content that the release hash covers. */
    public RenderingFingerprint fingerprint() {
        return fingerprint;
    }

    /** Picks up releases imported by other replicas. */
    @Scheduled(every = "${essays.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try {
            state.refresh();
            if (pollFailing) {
                pollFailing = false;
                LOG.info("The database answers again: looking for newer releases every " + config.refreshInterval());
            }
        } catch (RuntimeException e) {
            var outage = DatabaseOutage.of(e);
            if (outage.isEmpty()) {
                throw e;
            }
            // readiness already says so; one line when it starts, not a stack trace on every tick of the outage
            if (!pollFailing) {
                pollFailing = true;
                LOG.warn(stillServing("The database does not answer (" + outage.get() + "), so no newer release can "
                        + "be looked for until it does"));
            }
        }
    }

    private volatile boolean pollFailing;

    /**
     * Imports {@code contentDir}; throws {@link InvalidCorpusException} with every problem when it is invalid and
     * {@link ImportFailedException}, naming the step, when anything else fails. Either way nothing changed.
     */
    public ImportOutcome importFrom(Path contentDir) {
        return importFrom(contentDir, false);
    }

    /**
     * Imports {@code contentDir}, as {@link #importFrom(Path)}; with {@code allowOlder}, also content that is an older
     * release's, which {@link OlderContentException} refuses otherwise (unless {@code essays.refuse-older-content} is
     * off).
     */
    public ImportOutcome importFrom(Path contentDir, boolean allowOlder) {
        long started = System.nanoTime();
        // an unchanged corpus costs one pass over its bytes: no parsing, rendering, analysis or write; with no release
        // stored yet (a first start) nothing can be unchanged, and the read below hashes the files anyway
        var newest = step("reading the newest release", writer::newest);
        var hash = newest.flatMap(n -> step("hashing " + contentDir, () -> CorpusReader.contentHash(contentDir)))
                .map(contentHash -> releaseHash(contentHash, fingerprint));
        var stored = newest.filter(n -> hash.isPresent() && n.contentHash.equals(hash.get()));
        if (stored.isEmpty() && hash.isPresent() && !allowOlder && config.refuseOlderContent()) {
            // a release written since `newest` was read (another replica importing this very content) is not older
            var older = step("reading the release history", () -> writer.releaseWithHash(hash.get()))
                    .filter(id -> id < newest.get().id);
            if (older.isPresent()) {
                throw new OlderContentException(contentDir, older.get(), newest.get().id);
            }
        }
        if (stored.isPresent()) {
            CorpusRelease release = stored.get();
            long hashed = System.nanoTime();
            step("loading the release", state::refresh);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.infof("Imported %s: unchanged, release %d (%d series, %d essays, %d links; hashed in %d ms, "
                            + "nothing read, rendered or written) in %d ms", contentDir, release.id,
                    release.seriesCount, release.essayCount, release.linkCount, (hashed - started) / 1_000_000, millis);
            return new ImportOutcome(release.id, false, release.contentHash, release.seriesCount, release.essayCount,
                    release.linkCount, millis, ReleaseChanges.NONE);
        }
        Written written;
        long done;
        try (var growth = HeapGrowth.widen()) {
            written = readAnalyseAndWrite(contentDir);
            // the corpus read and its analysis are garbage by now: the release is loaded without them in the heap
            step("loading the new release", state::refresh);
            done = System.nanoTime();
        }
        long millis = (done - started) / 1_000_000;
        CorpusWriter.WriteResult result = written.result();
        LOG.infof("Imported %s: %d series, %d essays, %d assets, %d links in %d ms (%s; read, validate and render %d ms, "
                        + "link analysis %d ms, write %d ms, load %d ms)", contentDir, written.series(),
                written.essays(), written.assets(), result.links(), millis, result.changed() ? "release " + result.releaseId()
                        : "unchanged, release " + result.releaseId(), (written.read() - started) / 1_000_000,
                (written.analysed() - written.read()) / 1_000_000, (written.written() - written.analysed()) / 1_000_000,
                (done - written.written()) / 1_000_000);
        if (result.changed()) {
            // only the replica that wrote the release announces it (webhooks)
            imported.fire(new ReleaseImported(result.releaseId(), written.hash(), result.importedAt(), result.changes()));
        }
        return new ImportOutcome(result.releaseId(), result.changed(), written.hash(), written.series(),
                written.essays(), result.links(), millis, result.changes());
    }

    /** What an import wrote, with the times (System.nanoTime) its steps ended; nothing of the corpus itself. */
    private record Written(CorpusWriter.WriteResult result, String hash, int series, int essays, int assets, long read,
                           long analysed, long written) {
    }

    /**
     * Reads, renders and validates {@code contentDir}, analyses its links and writes it; returns only counts, so that
     * the rendered corpus (the size of the release again) is unreachable while the new release is loaded. The writer
     * holds the only reference to it while writing ({@link CorpusWriter.Pending}), and lets it go essay by essay.
     */
    private Written readAnalyseAndWrite(Path contentDir) {
        Analysed analysed = readAndAnalyse(contentDir);
        CorpusWriter.WriteResult result = step("writing to the database",
                () -> writer.write(analysed.pending(), analysed.hash()));
        return new Written(result, analysed.hash(), analysed.series(), analysed.essays(), analysed.assets(),
                analysed.read(), analysed.analysed(), System.nanoTime());
    }

    /**
     * A corpus read, rendered and analysed, handed over to the writer, with its counts and the times
     * (System.nanoTime) its steps ended.
     */
    private record Analysed(CorpusWriter.Pending pending, String hash, int series, int essays, int assets, long read,
                            long analysed) {
    }

    /**
     * Reads, renders and validates {@code contentDir} and analyses its links. The corpus handed over has no prose
     * blocks, the analysis's input: they are unreachable (with this method's frame) while the release is written.
     */
    private Analysed readAndAnalyse(Path contentDir) {
        Corpus corpus = step("reading and rendering the content directory", () -> reader.read(contentDir));
        corpus.warnings().forEach(w -> LOG.warn(w.toString()));
        long read = System.nanoTime();
        String hash = releaseHash(corpus.contentHash(), fingerprint);
        // the files differed from the newest release when hashed; should another replica have stored this very
        // content meanwhile, the writer sees it under the import lock and writes nothing
        LinkAnalysis analysis = step("analysing links", () -> LinkAnalysis.of(corpus));
        return new Analysed(new CorpusWriter.Pending(corpus.withoutProseBlocks(), analysis), hash,
                corpus.series().size(), corpus.essays().size(), corpus.assets().size(), read, System.nanoTime());
    }

    /** Runs one step of an import; a failure other than content problems becomes an {@link ImportFailedException}. */
    private static <T> T step(String what, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidCorpusException | ImportFailedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImportFailedException(what, e);
        }
    }

    /** The hash that identifies a release: the content files and everything else that decides what is stored. */
    static String releaseHash(String contentHash, RenderingFingerprint fingerprint) {
        return Sha256.hex(contentHash + "\n" + fingerprint.hash());
    }
}
