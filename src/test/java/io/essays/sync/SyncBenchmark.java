package io.essays.sync;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.importer.ImportService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Sizes and latencies of sync and the bundle over HTTP on loopback, in process: an initial sync (every page, identity
 * and gzip), the delta after editing one essay, the bundle's size and build time, and request latency. Not part of the
 * build: runs only with {@code -Dbench.content=DIR}, see bench/sync-bench.sh.
 */
@QuarkusTest
@TestProfile(SyncBenchmark.Profile.class)
@EnabledIfSystemProperty(named = "bench.content", matches = ".+")
class SyncBenchmark {
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2000);

    /** The corpus under test, with the history kept in memory like the tests'. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("essays.content-dir", System.getProperty("bench.content", "content"),
                    "quarkus.transaction-manager.default-transaction-timeout", "3600s");
        }
    }

    @Inject
    CorpusState state;
    @Inject
    ImportService imports;
    @Inject
    Bundles bundles;
    @Inject
    SyncHistory history;
    @TestHTTPResource("/")
    URL base;

    final HttpClient http = HttpClient.newHttpClient();

    record Fetched(int status, byte[] body) {
    }

    Fetched get(String path, boolean gzip) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Accept-Encoding", gzip ? "gzip" : "identity").build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Fetched(response.statusCode(), response.body());
    }

    /** Every page of a sync from {@code token}: bytes as sent identity and gzip, pages, items, the next token. */
    record Walk(long identity, long gzip, int pages, int items, String token, double millis) {
    }

    Walk walk(String token) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String url = token == null ? "/api/v1/sync" : "/api/v1/sync?token=" + token;
        long identity = 0;
        long gzip = 0;
        int pages = 0;
        int items = 0;
        String next = null;
        while (url != null) {
            Fetched plain = get(url, false);
            if (plain.status() != 200) {
                throw new IllegalStateException(url + " → " + plain.status() + " " + new String(plain.body()));
            }
            identity += plain.body().length;
            gzip += get(url, true).body().length;
            JsonNode page = SyncClient.JSON.readTree(plain.body());
            pages++;
            items += page.get("items").size();
            url = page.has("next") ? page.get("next").asText() : null;
            next = page.has("nextSyncToken") ? page.get("nextSyncToken").asText() : next;
        }
        return new Walk(identity, gzip, pages, items, next, (System.nanoTime() - started) / 1e6);
    }

    double[] latency(String path, int rounds) throws IOException, InterruptedException {
        for (int i = 0; i < Math.min(200, rounds); i++) {
            get(path, true);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            get(path, true);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return new double[] {nanos[rounds / 2] / 1e6, nanos[(int) Math.ceil(rounds * 0.99) - 1] / 1e6};
    }

    @Test
    void measure() throws Exception {
        Path content = Path.of(System.getProperty("bench.content"));
        CorpusSnapshot snapshot = state.current();
        long files;
        try (Stream<Path> essays = Files.list(content.resolve("essays"))) {
            files = essays.filter(p -> p.toString().endsWith(".md")).count();
        }
        if (snapshot.essays().size() != files) {
            throw new IllegalStateException("imported " + snapshot.essays().size() + " of " + files + " essays");
        }
        var report = new StringBuilder();
        report.append(String.format("corpus %s: %d series, %d essays, %d assets%n", content, snapshot.series().size(),
                snapshot.essays().size(), snapshot.assets().size()));

        Walk initial = walk(null);
        report.append(String.format("initial sync (limit 50): %d items in %d pages, %.2f MB identity, %.2f MB gzip; "
                + "first walk (pages built) %.0f ms%n", initial.items(), initial.pages(), initial.identity() / 1048576.0,
                initial.gzip() / 1048576.0, initial.millis()));
        Walk again = walk(null);
        report.append(String.format("initial sync again (pages cached): %.0f ms for both encodings%n", again.millis()));

        long started = System.nanoTime();
        Fetched bundle = get("/api/v1/bundle", false);
        double firstBundle = (System.nanoTime() - started) / 1e6;
        Bundle built = bundles.bundle(state.current());
        report.append(String.format("bundle: %.2f MB (%d files), built in %d ms; first GET %.0f ms%n",
                bundle.body().length / 1048576.0, built.manifest().files().size() + 1, built.buildMillis(), firstBundle));

        double[] empty = latency("/api/v1/sync?token=" + initial.token(), ROUNDS);
        report.append(String.format("empty delta (token of the current release): p50 %.2f ms, p99 %.2f ms (%d requests)%n",
                empty[0], empty[1], ROUNDS));
        double[] firstPage = latency("/api/v1/sync", ROUNDS);
        report.append(String.format("initial sync, first page (cached, gzip): p50 %.2f ms, p99 %.2f ms%n", firstPage[0], firstPage[1]));

        // edit one essay's text, in the middle of reading order, and import
        Path copy = Files.createTempDirectory("sync-bench");
        try (Stream<Path> all = Files.walk(content)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = copy.resolve(content.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        var edited = snapshot.essays().get(snapshot.essays().size() / 2);
        Path file = copy.resolve("essays/" + edited.slug() + ".md");
        Files.writeString(file, Files.readString(file) + "\nOne more sentence, added for the benchmark.\n");
        long importStarted = System.nanoTime();
        imports.importFrom(copy);
        double importMillis = (System.nanoTime() - importStarted) / 1e6;
        long oldRelease = snapshot.releaseId();

        started = System.nanoTime();
        Fetched cold = get("/api/v1/sync?token=" + initial.token(), true);
        double coldMillis = (System.nanoTime() - started) / 1e6;
        Walk delta = walk(initial.token());
        report.append(String.format("edit of '%s' imported in %.0f ms; delta: %d item(s), %d page(s), %d bytes "
                        + "identity, %d bytes gzip; first request (reads the old release's hashes) %.1f ms%n",
                edited.slug(), importMillis, delta.items(), delta.pages(), delta.identity(), delta.gzip(), coldMillis));
        if (cold.status() != 200) {
            throw new IllegalStateException("delta → " + cold.status());
        }
        double[] warm = latency("/api/v1/sync?token=" + initial.token(), ROUNDS);
        report.append(String.format("delta after the edit (cached): p50 %.2f ms, p99 %.2f ms%n", warm[0], warm[1]));
        long[] reads = new long[50];
        for (int i = 0; i < reads.length; i++) {
            long t = System.nanoTime();
            history.hashes(oldRelease).orElseThrow();
            reads[i] = System.nanoTime() - t;
        }
        Arrays.sort(reads);
        report.append(String.format("reading one release's %d hashes from the database: p50 %.1f ms, max %.1f ms%n",
                history.hashes(oldRelease).orElseThrow().size(), reads[reads.length / 2] / 1e6, reads[reads.length - 1] / 1e6));

        System.out.print(report);
        Path out = Path.of("bench/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("sync-" + content.getFileName() + ".txt"), report);
    }
}
