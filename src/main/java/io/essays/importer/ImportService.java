package io.essays.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.essays.content.Corpus;
import io.essays.content.CorpusReader;
import io.essays.content.InvalidCorpusException;
import io.essays.corpus.CorpusState;
import io.essays.links.LinkAnalysis;
import io.essays.markdown.MarkdownRenderer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Imports a content directory: read and validate the whole corpus, render it, write it in one transaction, then serve
 * it. An invalid corpus changes nothing: the release being served stays. Triggers: startup, the admin endpoint, tests.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Bump when rendering changes, so that unchanged content is re-rendered on the next import. */
    static final String PIPELINE_VERSION = "5";

    private final EssaysConfig config;
    private final CorpusReader reader;
    private final CorpusWriter writer;
    private final CorpusState state;
    private final FormulaCache math;

    ImportService(EssaysConfig config, CorpusWriter writer, CorpusState state, FormulaCache math) {
        this.config = config;
        this.math = math;
        this.reader = new CorpusReader(new MarkdownRenderer(config.essayUrlTemplate(), config.assetBaseUrl(), math),
                config.assets().maxFileSize().asLongValue(), config.assets().maxTotalSize().asLongValue());
        this.writer = writer;
        this.state = state;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.importOnStart()) {
            try {
                importFrom(Path.of(config.contentDir()));
            } catch (InvalidCorpusException e) {
                LOG.error(e.getMessage());
                LOG.warn(state.loaded().isPresent()
                        ? "Content has problems: still serving release " + state.loaded().get().releaseId()
                        : "Content has problems and no earlier release exists: the service is not ready");
            }
        }
        state.refresh();
    }

    /** Picks up releases imported by other replicas. */
    @Scheduled(every = "${essays.refresh-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        state.refresh();
    }

    /** Imports {@code contentDir}; throws {@link InvalidCorpusException} with every problem when it is invalid. */
    public ImportOutcome importFrom(Path contentDir) {
        long started = System.nanoTime();
        Corpus corpus = reader.read(contentDir);
        corpus.warnings().forEach(w -> LOG.warn(w.toString()));
        long read = System.nanoTime();
        String hash = releaseHash(corpus);
        long[] analysed = {read};
        CorpusWriter.WriteResult result = writer.current(hash)
                .map(release -> new CorpusWriter.WriteResult(release.id, false, release.linkCount))
                .orElseGet(() -> {
                    LinkAnalysis analysis = LinkAnalysis.of(corpus);
                    analysed[0] = System.nanoTime();
                    return writer.write(corpus, analysis, hash);
                });
        long written = System.nanoTime();
        state.refresh();
        long done = System.nanoTime();
        long millis = (done - started) / 1_000_000;
        LOG.infof("Imported %s: %d series, %d essays, %d assets, %d links in %d ms (%s; read, validate and render %d ms, "
                        + "link analysis %d ms, write %d ms, load %d ms)", contentDir, corpus.series().size(),
                corpus.essays().size(), corpus.assets().size(), result.links(), millis, result.changed() ? "release " + result.releaseId()
                        : "unchanged, release " + result.releaseId(), (read - started) / 1_000_000,
                (analysed[0] - read) / 1_000_000, (written - analysed[0]) / 1_000_000, (done - written) / 1_000_000);
        return new ImportOutcome(result.releaseId(), result.changed(), hash, corpus.series().size(),
                corpus.essays().size(), result.links(), millis);
    }

    private String releaseHash(Corpus corpus) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((corpus.contentHash() + "\n" + config.essayUrlTemplate() + "\n" + config.assetBaseUrl() + "\n"
                    + PIPELINE_VERSION + "\n" + math.version())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
