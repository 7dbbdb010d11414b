package io.essays.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Search and suggest latency over a corpus directory, in process (service calls: parse, analyze, search, best
 * sections, highlighting; no HTTP, JSON or response cache). Not part of the build: runs only with
 * {@code -Dbench.content=DIR}, see bench/search-bench.sh.
 */
@QuarkusTest
@TestProfile(SearchBenchmark.Profile.class)
@EnabledIfSystemProperty(named = "bench.content", matches = ".+")
class SearchBenchmark {
    static final List<String> SEARCHES = List.of("temperature", "query key value", "softmax temperature",
            "\"cross entropy\"", "gradient descent", "normaliz*", "attention -transformer", "log_softmax",
            "torch.device", "layer normalization", "temprature", "probability distribution",
            "matrix multiplication", "learning rate schedule", "\"partition function\" energy", "kl divergence");
    static final List<String> SUGGESTS = List.of("t", "te", "tem", "temp", "tempe", "s", "so", "sof", "soft", "a",
            "at", "att", "atte", "attention m", "g", "gr", "grad", "cross e", "q", "layer n");
    static final int WARMUP_ROUNDS = 30;
    static final int ROUNDS = Integer.getInteger("bench.rounds", 100);

    /** The corpus under test. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("essays.content-dir", System.getProperty("bench.content", "content"));
        }
    }

    @Inject
    CorpusState state;
    @Inject
    SearchService search;

    @Test
    void measure() throws IOException {
        Path content = Path.of(System.getProperty("bench.content"));
        CorpusSnapshot snapshot = state.current();
        long files;
        try (Stream<Path> essays = Files.list(content.resolve("essays"))) {
            files = essays.filter(p -> p.toString().endsWith(".md")).count();
        }
        if (snapshot.essays().size() != files) {
            throw new IllegalStateException("imported " + snapshot.essays().size() + " of " + files + " essays");
        }
        long started = System.nanoTime();
        SearchIndex fresh = SearchIndex.build(snapshot);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        SearchIndex index = search.index(snapshot);

        var report = new StringBuilder();
        report.append(String.format("corpus %s: %d essays, %d sections, %d words; index %.1f MB built in %d ms%n",
                content, snapshot.essays().size(), fresh.sectionTotal(),
                snapshot.essays().stream().mapToLong(CorpusSnapshot.EssayData::wordCount).sum(), fresh.bytes() / 1048576.0,
                buildMillis));
        int[] hits = new int[1];
        Stats searches = measure(SEARCHES, q -> hits[0] += search.search(index,
                search.request(index, q, null, null, null, null)).items().size());
        Stats suggestions = measure(SUGGESTS, q -> hits[0] += search.suggest(index, search.suggestQuery(q)).size());
        report.append(String.format("search  (%d queries x %d rounds): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                SEARCHES.size(), ROUNDS, searches.p50(), searches.p99(), searches.max()));
        report.append(String.format("suggest (%d prefixes x %d rounds): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                SUGGESTS.size(), ROUNDS, suggestions.p50(), suggestions.p99(), suggestions.max()));
        for (int i = 0; i < SEARCHES.size(); i++) {
            String q = SEARCHES.get(i);
            var r = search.search(index, search.request(index, q, null, null, null, null));
            report.append(String.format("  %-32s p50 %6.2f ms %6d hits%s%n", q, searches.perQueryP50()[i],
                    r.page().totalItems(), r.didYouMean() == null ? "" : " (did you mean " + r.didYouMean() + ")"));
        }
        System.out.print(report);
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("search-" + content.getFileName() + ".txt"), report);
    }

    private static Stats measure(List<String> queries, Consumer<String> call) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            queries.forEach(call);
        }
        long[] nanos = new long[queries.size() * ROUNDS];
        long[][] perQuery = new long[queries.size()][ROUNDS];
        int i = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int q = 0; q < queries.size(); q++) {
                long t = System.nanoTime();
                call.accept(queries.get(q));
                nanos[i++] = perQuery[q][round] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        double[] medians = new double[queries.size()];
        for (int q = 0; q < queries.size(); q++) {
            Arrays.sort(perQuery[q]);
            medians[q] = perQuery[q][ROUNDS / 2] / 1e6;
        }
        return new Stats(nanos[nanos.length / 2] / 1e6, nanos[(int) Math.ceil(nanos.length * 0.99) - 1] / 1e6,
                nanos[nanos.length - 1] / 1e6, medians);
    }

    record Stats(double p50, double p99, double max, double[] perQueryP50) {
    }
}
