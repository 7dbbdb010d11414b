package io.essays.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two replicas of the packaged PostgreSQL build ({@code target/quarkus-app-postgresql}, separate processes) over one
 * embedded PostgreSQL: an import through one is served by the other, both serve identical bytes and ETags,
 * concurrent imports leave one release, an invalid corpus changes nothing, and a database outage is survived
 * without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
    static final String TOKEN = "Bearer it-admin-token-0123";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path APP = Path.of("target/quarkus-app-postgresql");

    static Path data;
    static int pgPort;
    static EmbeddedPostgres postgres;
    static Path corpus;
    static Replica a;
    static Replica b;
    static WebhookReceiver receiver;
    static Map<String, String> env;
    static Path logs;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(Boolean.getBoolean("skipPostgresBuild"), "the PostgreSQL build was skipped");
        assertThat(APP.resolve("quarkus-run.jar")).as("run ./mvnw package first").exists();
        data = Files.createTempDirectory("essays-replicas-pg");
        pgPort = Replica.freePort();
        postgres = startPostgres();
        corpus = Files.createTempDirectory("essays-replicas-corpus");
        OpsResource.copy(Path.of("src/test/resources/fixture"), corpus);
        logs = Files.createDirectories(Path.of("target/replicas"));
        receiver = new WebhookReceiver();
        env = Map.of(
                "ESSAYS_SYNC_SECRET", "it-sync-secret-shared-by-both-replicas",
                "ESSAYS_WEBHOOK_TARGETS", receiver.url(),
                "ESSAYS_WEBHOOK_SECRET", "it-webhook-secret-0123",
                "ESSAYS_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "ESSAYS_DB_USER", "postgres",
                "ESSAYS_DB_PASSWORD", "postgres",
                "ESSAYS_CONTENT_DIR", corpus.toString(),
                "ESSAYS_REFRESH_INTERVAL", "1s",
                "ESSAYS_ADMIN_TOKEN", "it-admin-token-0123");
        a = new Replica("a", APP, logs.resolve("a.log"), env);
        awaitReady(a);
        b = new Replica("b", APP, logs.resolve("b.log"), env);
        awaitReady(b);
    }

    static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(data).setCleanDataDirectory(false).start();
    }

    @AfterAll
    static void stop() throws IOException {
        for (Replica r : new Replica[] {a, b}) {
            if (r != null) {
                r.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
    }

    @Test
    @Order(1)
    void bothReplicasServeOneReleaseWithByteIdenticalBodiesAndETags() throws Exception {
        assertThat(json(a, "/api/v1/releases")).hasSize(1);
        assertSameRepresentations();
    }

    @Test
    @Order(2)
    void anImportThroughOneReplicaIsServedByTheOtherWithinItsRefreshInterval() throws Exception {
        Files.writeString(corpus.resolve("essays/first-steps.md"), "\nA paragraph for the replicas.\n",
                java.nio.file.StandardOpenOption.APPEND);
        JsonNode done = importThrough(a);
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        long release = done.get("result").get("releaseId").asLong();
        long asked = System.nanoTime();
        await(() -> served(b), id -> id == release);
        long millis = (System.nanoTime() - asked) / 1_000_000;
        System.out.printf("replica b served release %d %d ms after replica a finished importing it%n", release, millis);
        assertSameRepresentations();
        assertThat(new String(b.get("/api/v1/essays/first-steps/source").body()))
                .contains("A paragraph for the replicas.");
    }

    @Test
    @Order(3)
    void concurrentImportsOnBothReplicasSerialiseAndLeaveExactlyOneNewRelease() throws Exception {
        long before = json(a, "/api/v1/releases").get(0).get("id").asLong();
        Files.writeString(corpus.resolve("essays/second-look.md"), "\nImported twice at once.\n",
                java.nio.file.StandardOpenOption.APPEND);
        var onA = CompletableFuture.supplyAsync(() -> importThrough(a));
        var onB = CompletableFuture.supplyAsync(() -> importThrough(b));
        JsonNode doneA = onA.join();
        JsonNode doneB = onB.join();
        assertThat(doneA.get("state").asText()).isEqualTo("succeeded");
        assertThat(doneB.get("state").asText()).isEqualTo("succeeded");
        assertThat(doneA.get("result").get("releaseId").asLong()).isEqualTo(before + 1);
        assertThat(doneB.get("result").get("releaseId").asLong()).isEqualTo(before + 1);
        assertThat(doneA.get("result").get("changed").asBoolean() ^ doneB.get("result").get("changed").asBoolean())
                .as("exactly one of them wrote the release").isTrue();
        JsonNode releases = json(b, "/api/v1/releases");
        assertThat(releases.get(0).get("id").asLong()).isEqualTo(before + 1);
        assertThat(releases.get(1).get("id").asLong()).isEqualTo(before);
        await(() -> served(a), id -> id == before + 1);
        await(() -> served(b), id -> id == before + 1);
        assertSameRepresentations();
    }

    @Test
    @Order(4)
    void anInvalidCorpusImportedIntoARunningReplicaChangesNothingOnEither() throws Exception {
        Map<String, String> etags = etags(a);
        String releases = new String(a.get("/api/v1/releases").body());
        Path broken = corpus.resolve("essays/broken.md");
        Files.writeString(broken, "---\nseries: alpha\norder: 9\n---\nNo title.\n");
        try {
            JsonNode done = importThrough(a);
            assertThat(done.get("state").asText()).isEqualTo("failed");
            assertThat(done.get("problems").get(0).get("file").asText()).endsWith("broken.md");
        } finally {
            Files.delete(broken);
        }
        // no release row was written, so there is nothing another replica could pick up
        assertThat(new String(b.get("/api/v1/releases").body())).isEqualTo(releases);
        assertThat(etags(a)).isEqualTo(etags);
        assertThat(etags(b)).isEqualTo(etags);
    }

    @Test
    @Order(5)
    void aDatabaseOutageKeepsReadsServedTurnsReadinessDownAndRecoversWithoutARestart() throws Exception {
        Map<String, String> etags = etags(a);
        long release = served(a);
        long logBefore = Files.size(a.log);
        postgres.close();
        try {
            JsonNode ready = await(() -> readiness(a), r -> "DOWN".equals(r.get("status").asText()));
            assertThat(ready.toString()).containsIgnoringCase("database");
            assertThat(a.get("/q/health/live").statusCode()).isEqualTo(200);
            // what needs the database says so, as a 503 to retry, not a 500 with a stack trace in the log
            HttpResponse<byte[]> releases = a.get("/api/v1/releases");
            assertThat(releases.statusCode()).isEqualTo(503);
            assertThat(releases.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(JSON.readTree(releases.body()).get("type").asText()).endsWith("/database-unavailable");
            sleep(3_000); // three ticks of the 1 s refresh poll
            String during = Files.readString(a.log).substring((int) logBefore);
            assertThat(during).doesNotContain("Error occurred while executing task", "Unexpected error on");
            assertThat(during.split("so no newer release can be looked for", -1)).hasSize(2);
            for (Replica r : List.of(a, b)) {
                for (String uri : etags.keySet()) {
                    HttpResponse<byte[]> response = r.get(uri);
                    assertThat(response.statusCode()).as(r.name + " " + uri).isEqualTo(200);
                    assertThat(response.headers().firstValue("ETag").orElse(null)).isEqualTo(etags.get(uri));
                }
            }
            HttpResponse<byte[]> refused = a.send(HttpRequest.newBuilder(a.uri("/api/v1/admin/import"))
                    .header("Authorization", TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(JSON.readTree(refused.body()).get("type").asText()).endsWith("/database-unavailable");
        } finally {
            postgres = startPostgres();
        }
        await(() -> readiness(a), r -> "UP".equals(r.get("status").asText()));
        await(() -> readiness(b), r -> "UP".equals(r.get("status").asText()));
        await(() -> readString(a.log), log -> log.contains("The database answers again"));
        // polling resumed: an import through b reaches a
        Files.writeString(corpus.resolve("essays/third-way.md"), "\nAfter the outage.\n",
                java.nio.file.StandardOpenOption.APPEND);
        JsonNode done = importThrough(b);
        assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("result").get("releaseId").asLong()).isEqualTo(release + 1);
        await(() -> served(a), id -> id == release + 1);
        assertSameRepresentations();
    }

    @Test
    @Order(6)
    void tenImportsUnderLoadFailNoRequestAndEveryResponseIsConsistent() throws Exception {
        List<String> uris = List.of("/api/v1/essays?series=alpha", "/api/v1/essays/first-steps",
                "/api/v1/essays/first-steps/html", "/api/v1/search?q=first", "/api/v1/series/alpha");
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        var bodyByEtag = new java.util.concurrent.ConcurrentHashMap<String, String>();
        var listSummary = new java.util.concurrent.ConcurrentHashMap<String, java.util.Set<String>>();
        var detailSummary = new java.util.concurrent.ConcurrentHashMap<String, java.util.Set<String>>();
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int maxRequests = 20_000;
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 3; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                for (int i = offset; !stop.get() && System.nanoTime() < deadline && requests.incrementAndGet() <= maxRequests; i++) {
                    String uri = uris.get(i % uris.size());
                    try {
                        HttpResponse<byte[]> r = a.get(uri);
                        if (r.statusCode() != 200) {
                            failures.add(uri + " -> " + r.statusCode());
                            continue;
                        }
                        String etag = r.headers().firstValue("ETag").orElse("none");
                        String digest = java.util.HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(r.body()));
                        String earlier = bodyByEtag.putIfAbsent(uri + " " + etag, digest);
                        if (earlier != null && !earlier.equals(digest)) {
                            failures.add(uri + ": two bodies under ETag " + etag);
                        }
                        String release = r.headers().firstValue("Last-Modified").orElse("none");
                        if (uri.startsWith("/api/v1/essays?")) {
                            for (JsonNode item : JSON.readTree(r.body()).get("items")) {
                                if ("first-steps".equals(item.get("slug").asText())) {
                                    listSummary.computeIfAbsent(release, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                            .add(item.get("summary").asText());
                                }
                            }
                        } else if (uri.equals("/api/v1/essays/first-steps")) {
                            detailSummary.computeIfAbsent(release, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                    .add(JSON.readTree(r.body()).get("summary").asText());
                        }
                    } catch (Exception e) {
                        failures.add(uri + " -> " + e);
                    }
                }
            }, "load-" + t);
            thread.start();
            threads.add(thread);
        }
        Path essay = corpus.resolve("essays/first-steps.md");
        long first = served(a);
        try {
            for (int n = 1; n <= 10; n++) {
                String text = Files.readString(essay).replaceFirst("(?m)^summary: .*$", "summary: Release under load " + n + ".");
                Files.writeString(essay, text);
                JsonNode done = importThrough(a);
                assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
                assertThat(done.get("result").get("changes").get("changed").get(0).asText()).isEqualTo("first-steps");
            }
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60).toMillis());
            }
        }
        System.out.printf("load: %d requests during 10 imports (releases %d..%d)%n", requests.get(), first + 1, served(a));
        assertThat(failures).isEmpty();
        assertThat(served(a)).isEqualTo(first + 10);
        assertThat(requests.get()).isGreaterThan(uris.size());
        // a release has one summary, and the list and the essay agree on it
        listSummary.forEach((release, summaries) -> assertThat(summaries).as(release).hasSize(1));
        detailSummary.forEach((release, summaries) -> {
            assertThat(summaries).as(release).hasSize(1);
            if (listSummary.containsKey(release)) {
                assertThat(listSummary.get(release)).as(release).isEqualTo(summaries);
            }
        });
        assertThat(detailSummary.size()).as("responses from several releases were seen").isGreaterThan(1);
    }

    @Test
    @Order(7)
    void aRestartedReplicaServesTheStoredReleaseAtOnceAndSwapsWhenItsStartupImportFinishes() throws Exception {
        long stored = served(a);
        b.close();
        Files.writeString(corpus.resolve("essays/third-way.md"), "\nChanged while b was down.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path log = logs.resolve("b-restarted.log");
        b = new Replica("b", APP, log, env);
        awaitReady(b);
        assertThat(Files.readString(log)).contains("Serving stored release " + stored + " while the startup import runs");
        await(() -> served(b), id -> id == stored + 1);
        await(() -> served(a), id -> id == stored + 1);
        // the release is served as soon as it is loaded; the job records its result a moment later
        JsonNode imports = await(() -> {
            try {
                return JSON.readTree(b.send(HttpRequest.newBuilder(b.uri("/api/v1/admin/imports"))
                        .header("Authorization", TOKEN).GET().build()).body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, list -> list.size() > 0 && !"running".equals(list.get(0).get("state").asText()));
        assertThat(imports.get(0).get("state").asText()).isEqualTo("succeeded");
        assertThat(imports.get(0).get("trigger").asText()).isEqualTo("startup");
        assertThat(imports.get(0).get("result").get("changes").get("changed").get(0).asText()).isEqualTo("third-way");
        assertSameRepresentations();
    }

    @Test
    @Order(8)
    void everyReleaseWasAnnouncedOnceWhicheverReplicasImported() throws Exception {
        long newest = served(a);
        JsonNode log = await(() -> {
            try {
                return JSON.readTree(a.send(HttpRequest.newBuilder(a.uri("/api/v1/admin/webhooks/deliveries"))
                        .header("Authorization", TOKEN).GET().build()).body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, l -> l.size() == newest && java.util.stream.StreamSupport.stream(l.spliterator(), false)
                .allMatch(d -> "delivered".equals(d.get("state").asText())));
        var releases = new java.util.TreeSet<Long>();
        log.forEach(d -> releases.add(d.get("releaseId").asLong()));
        assertThat(releases).hasSize((int) newest).first().isEqualTo(1L);
        var announced = new ArrayList<Long>();
        for (WebhookReceiver.Received r : receiver.received()) {
            announced.add(JSON.readTree(r.body()).get("releaseId").asLong());
            assertThat(BackgroundImportTest.signatureVerifies(r, "it-webhook-secret-0123")).isTrue();
        }
        assertThat(announced).as("no release announced twice, none left out").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(releases);
    }

    @Test
    @Order(9)
    void aSyncTokenIssuedByOneReplicaWorksOnTheOther() throws Exception {
        // an initial sync through replica a, page by page, to its token
        String next = "/api/v1/sync?limit=2";
        String token = null;
        int items = 0;
        while (next != null) {
            JsonNode page = json(a, next);
            items += page.get("items").size();
            token = page.path("nextSyncToken").isNull() ? null : page.path("nextSyncToken").asText(null);
            next = page.path("next").isNull() ? null : pathOf(page.path("next").asText(null));
        }
        assertThat(items).as("series, assets and essays of the fixture").isGreaterThan(5);
        assertThat(token).isNotBlank();
        // replica b accepts it: nothing changed since
        JsonNode nothing = json(b, "/api/v1/sync?token=" + token);
        assertThat(nothing.get("items")).isEmpty();
        assertThat(nothing.get("nextSyncToken").asText()).isEqualTo(token);
        // a change imported through a reaches a client that continues on b, and both replicas answer alike
        Files.writeString(corpus.resolve("essays/second-look.md"), "\nA paragraph for syncing clients.\n",
                java.nio.file.StandardOpenOption.APPEND);
        long release = importThrough(a).get("result").get("releaseId").asLong();
        await(() -> served(b), id -> id == release);
        HttpResponse<byte[]> fromB = b.get("/api/v1/sync?token=" + token);
        HttpResponse<byte[]> fromA = a.get("/api/v1/sync?token=" + token);
        assertThat(fromB.statusCode()).isEqualTo(200);
        assertThat(fromB.body()).isEqualTo(fromA.body());
        JsonNode delta = JSON.readTree(fromB.body());
        assertThat(delta.get("items")).hasSize(1);
        assertThat(delta.get("items").get(0).get("essay").get("slug").asText()).isEqualTo("second-look");
        assertThat(delta.get("nextSyncToken").asText()).isNotEqualTo(token);
        assertThat(json(a, "/api/v1/sync?token=" + delta.get("nextSyncToken").asText()).get("items")).isEmpty();
    }

    @Test
    @Order(10)
    void aReplicaWithAWrongPageUrlStopsBeforeItImportsOrWritesAnything() throws Exception {
        int releases = json(a, "/api/v1/releases?limit=100").size();
        // a change the replica would import at startup, were it started
        Path essay = corpus.resolve("essays/third-way.md");
        String original = Files.readString(essay);
        Files.writeString(essay, original + "\nChanged for a replica that must not start.\n");
        Path log = logs.resolve("c-wrong-page-url.log");
        var withWrongUrl = new java.util.HashMap<>(env);
        withWrongUrl.put("ESSAYS_PAGE_URL_TEMPLATE", "/essays/{slug}");
        try (var c = new Replica("c", APP, log, withWrongUrl)) {
            java.util.OptionalInt exit = c.awaitExit(java.time.Duration.ofSeconds(60));
            assertThat(exit).as("the replica stopped by itself").isPresent();
            assertThat(exit.getAsInt()).isNotZero();
        } finally {
            Files.writeString(essay, original);
        }
        assertThat(Files.readString(log))
                .contains("essays.page-url-template (env ESSAYS_PAGE_URL_TEMPLATE) must be an absolute http(s) URL with {slug} once, "
                        + "got '/essays/{slug}'")
                .doesNotContain("Imported");
        assertThat(json(a, "/api/v1/releases?limit=100")).hasSize(releases);
    }

    /** The path and query of a URL the service wrote, absolute or not. */
    static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Every content URI answers both replicas with the same status, bytes, ETag and Last-Modified. */
    static void assertSameRepresentations() throws IOException {
        List<String> uris = contentUris();
        for (String uri : uris) {
            HttpResponse<byte[]> fromA = a.get(uri);
            HttpResponse<byte[]> fromB = b.get(uri);
            assertThat(fromA.statusCode()).as(uri).isEqualTo(200);
            assertThat(fromB.statusCode()).as(uri).isEqualTo(200);
            assertThat(fromB.body()).as(uri).isEqualTo(fromA.body());
            assertThat(fromB.headers().firstValue("ETag")).as(uri).isEqualTo(fromA.headers().firstValue("ETag"))
                    .isPresent();
            assertThat(fromB.headers().firstValue("Last-Modified")).as(uri)
                    .isEqualTo(fromA.headers().firstValue("Last-Modified"));
        }
    }

    static List<String> contentUris() throws IOException {
        var uris = new ArrayList<>(List.of("/api/v1/series", "/api/v1/essays", "/api/v1/tags", "/api/v1/graph",
                "/api/v1/search?q=first", "/api/v1/search/suggest?q=fir"));
        for (JsonNode s : json(a, "/api/v1/series")) {
            uris.add("/api/v1/series/" + s.get("slug").asText());
        }
        for (JsonNode e : json(a, "/api/v1/essays").get("items")) {
            String slug = "/api/v1/essays/" + e.get("slug").asText();
            uris.addAll(List.of(slug, slug + "/html", slug + "/source", slug + "/links", slug + "/graph",
                    slug + "/related", slug + "/preview", slug + "/mentions", slug + "/meta"));
            for (JsonNode asset : json(a, slug).path("assets")) {
                uris.add(asset.get("url").asText());
            }
        }
        return uris;
    }

    static Map<String, String> etags(Replica r) throws IOException {
        var etags = new java.util.TreeMap<String, String>();
        for (String uri : contentUris()) {
            etags.put(uri, r.get(uri).headers().firstValue("ETag").orElse(null));
        }
        return etags;
    }

    static JsonNode importThrough(Replica r) {
        HttpResponse<byte[]> accepted = r.send(HttpRequest.newBuilder(r.uri("/api/v1/admin/import"))
                .header("Authorization", TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(accepted.statusCode()).as(new String(accepted.body())).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        return await(() -> {
            try {
                return JSON.readTree(r.send(HttpRequest.newBuilder(r.uri(location))
                        .header("Authorization", TOKEN).GET().build()).body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, s -> !"running".equals(s.get("state").asText()));
    }

    static long served(Replica r) {
        JsonNode corpus = null;
        for (JsonNode check : readiness(r).get("checks")) {
            if ("corpus".equals(check.get("name").asText())) {
                corpus = check;
            }
        }
        return corpus == null || corpus.get("data") == null ? -1 : corpus.get("data").get("release").asLong();
    }

    static JsonNode readiness(Replica r) {
        try {
            return JSON.readTree(r.get("/q/health/ready").body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode json(Replica r, String path) throws IOException {
        HttpResponse<byte[]> response = r.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void awaitReady(Replica r) {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(r.alive()).as("replica " + r.name + " exited; see target/replicas/" + r.name + ".log").isTrue();
            try {
                if (r.get("/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            sleep(200);
        }
        throw new AssertionError("replica " + r.name + " not ready after 3 minutes; see target/replicas/" + r.name + ".log");
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            T value;
            try {
                value = probe.get();
            } catch (RuntimeException e) {
                value = null;
            }
            if (value != null && done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not done after 60 s: " + value);
            }
            sleep(100);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
