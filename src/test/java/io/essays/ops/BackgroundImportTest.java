package io.essays.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import static io.essays.ops.Imports.await;
import static io.essays.ops.Imports.awaitFinished;

/**
 * Background imports (202, Location, status, list, single flight), the change summary, {@code GET /releases} and
 * webhooks (signature, retries on 500 and time-outs, the delivery log) against a receiver on loopback.
 */
@QuarkusTest
@TestProfile(BackgroundImportTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackgroundImportTest {
    static final String TOKEN = "Bearer test-admin-token-0123";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:background-import;DB_CLOSE_DELAY=-1");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpsResource.class));
        }
    }

    @Test
    @Order(1)
    void adminImportIsAcceptedWithLocationAndSucceedsUnchanged() {
        // the startup import wrote release 1 and announced it
        await(() -> given().header("Authorization", TOKEN).get("/api/v1/admin/webhooks/deliveries").jsonPath(),
                l -> "delivered".equals(l.getString("[0].state")) && l.getLong("[0].releaseId") == 1);
        OpsResource.receiver.clear();
        Response accepted = given().header("Authorization", TOKEN).post("/api/v1/admin/import");
        accepted.then().statusCode(202)
                .contentType("application/json")
                .header("Location", matchesPattern("/api/v1/admin/imports/\\d+"))
                .header("Cache-Control", "no-store")
                .body("trigger", equalTo("admin"));
        JsonPath done = awaitFinished(accepted.header("Location"));
        assertThat(done.getString("state")).isEqualTo("succeeded");
        assertThat(done.getBoolean("result.changed")).isFalse();
        assertThat(done.getLong("result.releaseId")).isEqualTo(1);
        assertThat(done.getList("result.changes.added")).isEmpty();
        assertThat(done.getString("finished")).isNotNull();
        assertThat(OpsResource.receiver.received()).as("an unchanged import announces nothing").isEmpty();
    }

    @Test
    @Order(2)
    void aChangedCorpusIsANewReleaseWithItsChangesAnnouncedBySignedRetriedWebhook() throws Exception {
        Path essays = OpsResource.corpus.resolve("essays");
        Files.writeString(essays.resolve("first-steps.md"), "\nA paragraph added for release two.\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(essays.resolve("fourth-path.md"), """
                ---
                title: A Fourth Path
                series: gamma
                order: 1
                summary: Added for release two.
                tags: [basics]
                published: 2026-04-01
                ---
                New essay text.
                """);
        OpsResource.receiver.script(500, -1); // an error status, then an answer after the time-out, then 204

        JsonPath done = awaitFinished(given().header("Authorization", TOKEN).post("/api/v1/admin/import")
                .then().statusCode(202).extract().header("Location"));
        assertThat(done.getString("state")).isEqualTo("succeeded");
        assertThat(done.getLong("result.releaseId")).isEqualTo(2);
        assertThat(done.getList("result.changes.added")).containsExactly("fourth-path");
        assertThat(done.getList("result.changes.changed")).containsExactly("first-steps");
        assertThat(done.getList("result.changes.deleted")).isEmpty();
        String hash = done.getString("result.contentHash");

        given().get("/api/v1/essays/fourth-path").then().statusCode(200).body("title", equalTo("A Fourth Path"));
        given().get("/api/v1/releases").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("id", contains(2, 1))
                .body("[0].contentHash", equalTo(hash))
                .body("[0].essays", equalTo(4))
                .body("[0].essaysAdded", equalTo(1))
                .body("[0].essaysChanged", equalTo(1))
                .body("[0].essaysDeleted", equalTo(0))
                .body("[0].importedAt", notNullValue())
                .body("[1].essaysAdded", equalTo(3));
        given().get("/api/v1/releases?limit=1").then().statusCode(200).body("id", contains(2));

        JsonPath log = await(() -> given().header("Authorization", TOKEN).get("/api/v1/admin/webhooks/deliveries")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath(),
                l -> "delivered".equals(l.getString("[0].state")));
        assertThat(log.getList("releaseId", Long.class)).as("one delivery per release").containsExactly(2L, 1L);
        assertThat(log.getLong("[0].releaseId")).isEqualTo(2);
        assertThat(log.getString("[0].target")).isEqualTo(OpsResource.receiver.url());
        assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        assertThat(log.getInt("[0].lastStatus")).isEqualTo(204);
        // what the spec says every delivery carries, every delivery carries (ResponseContractTest, for the rest)
        List<String> required = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getList("components.schemas.DeliveryStatus.required", String.class);
        assertThat(required).contains("id", "releaseId", "state", "createdAt");
        for (Map<String, Object> delivery : log.<Map<String, Object>>getList("$")) {
            assertThat(delivery).as("a delivery").containsKeys(required.toArray(String[]::new));
        }

        List<WebhookReceiver.Received> received = OpsResource.receiver.received();
        assertThat(received).hasSize(3);
        for (WebhookReceiver.Received r : received) {
            assertThat(r.event()).isEqualTo("release");
            assertThat(r.delivery()).isEqualTo(log.getString("[0].id"));
            assertThat(signatureVerifies(r, OpsResource.SECRET)).as(r.signature()).isTrue();
            assertThat(signatureVerifies(r, "another secret")).isFalse();
            assertThat(r.body()).isEqualTo(received.get(0).body());
        }
        // exponential backoff: 100 ms before the second attempt, then 200 ms after the 500 ms time-out. Arrival times
        // are taken by the receiver, whose thread may note an arrival late on a busy machine (676 ms was seen for the
        // 700 ms gap), so the second gap only has to prove that the time-out and the backoff both passed
        assertThat(received.get(1).receivedAtMillis() - received.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(100);
        assertThat(received.get(2).receivedAtMillis() - received.get(1).receivedAtMillis()).isGreaterThanOrEqualTo(600);
        JsonNode body = new ObjectMapper().readTree(received.get(0).body());
        assertThat(body.get("event").asText()).isEqualTo("release");
        assertThat(body.get("releaseId").asLong()).isEqualTo(2);
        assertThat(body.get("contentHash").asText()).isEqualTo(hash);
        assertThat(body.get("importedAt").asText()).isEqualTo(given().get("/api/v1/releases").jsonPath().getString("[0].importedAt"));
        assertThat(body.get("changes").get("added").get(0).asText()).isEqualTo("fourth-path");
        assertThat(body.get("changes").get("changed").get(0).asText()).isEqualTo("first-steps");
    }

    @Test
    @Order(3)
    void aSecondImportWhileOneRunsIsTheRunningOne() {
        var first = CompletableFuture.supplyAsync(() -> given().header("Authorization", TOKEN).post("/api/v1/admin/import"));
        var second = CompletableFuture.supplyAsync(() -> given().header("Authorization", TOKEN).post("/api/v1/admin/import"));
        Response a = first.join();
        Response b = second.join();
        a.then().statusCode(202);
        b.then().statusCode(202);
        JsonPath doneA = awaitFinished(a.header("Location"));
        JsonPath doneB = awaitFinished(b.header("Location"));
        if (!a.header("Location").equals(b.header("Location"))) {
            // two imports only if one had finished before the other was asked for: never two at once
            boolean aFirst = doneA.getLong("id") < doneB.getLong("id");
            JsonPath earlier = aFirst ? doneA : doneB;
            JsonPath later = aFirst ? doneB : doneA;
            assertThat(java.time.Instant.parse(earlier.getString("finished")))
                    .isBeforeOrEqualTo(java.time.Instant.parse(later.getString("started")));
        }
        assertThat(doneA.getLong("result.releaseId")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void anInvalidCorpusFailsWithEveryProblemAndChangesNothing() throws Exception {
        String before = given().get("/api/v1/essays/first-steps").then().statusCode(200).extract().header("ETag");
        assertThat(metrics()).contains("\nessays_import_failed 0.0\n").contains("\nessays_release_served 2.0\n");
        Files.writeString(OpsResource.corpus.resolve("essays/broken.md"), """
                ---
                series: alpha
                order: 9
                ---
                No title.
                """);
        try {
            JsonPath done = awaitFinished(given().header("Authorization", TOKEN).post("/api/v1/admin/import")
                    .then().statusCode(202).extract().header("Location"));
            assertThat(done.getString("state")).isEqualTo("failed");
            assertThat(done.getString("error")).endsWith("problem(s) in the corpus");
            // named relative to the content directory, wherever that is on the server
            assertThat(done.getList("problems.file", String.class)).isNotEmpty().containsOnly("essays/broken.md");
            assertThat(done.getList("problems.line", Integer.class)).allMatch(line -> line >= 0);
            assertThat(done.getString("result")).isNull();
        } finally {
            Files.delete(OpsResource.corpus.resolve("essays/broken.md"));
        }
        given().get("/api/v1/essays/first-steps").then().statusCode(200).header("ETag", equalTo(before));
        given().get("/api/v1/releases").then().body("id", contains(2, 1));
        // what an operator alerts on: the newest import failed, the old release is still served
        assertThat(metrics()).contains("\nessays_import_failed 1.0\n").contains("\nessays_release_served 2.0\n");
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    @Order(5)
    void importsAreListedNewestFirstAndUnknownOnesAre404() {
        List<Long> ids = given().header("Authorization", TOKEN).get("/api/v1/admin/imports").then().statusCode(200)
                .contentType("application/json").body("$", org.hamcrest.Matchers.hasSize(org.hamcrest.Matchers.greaterThanOrEqualTo(5)))
                .body("[0].state", equalTo("failed"))
                .extract().jsonPath().getList("id", Long.class);
        assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(given().header("Authorization", TOKEN).get("/api/v1/admin/imports").jsonPath().getString("[-1].trigger"))
                .isEqualTo("startup");
        given().header("Authorization", TOKEN).get("/api/v1/admin/imports/999999").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No recent import 999999 on this replica; GET /api/v1/admin/imports lists them"));
    }

    @Test
    void everyAdminEndpointNeedsTheToken() {
        for (String path : List.of("/api/v1/admin/imports", "/api/v1/admin/imports/1", "/api/v1/admin/webhooks/deliveries")) {
            given().get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\""));
            given().header("Authorization", "Bearer wrong").get(path).then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\", error=\"invalid_token\""));
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveButTheTokenIsNot() {
        String token = TOKEN.substring("Bearer ".length());
        for (String scheme : List.of("bearer ", "BEARER ", "bEaReR ")) {
            given().header("Authorization", scheme + token).get("/api/v1/admin/imports").then().statusCode(200)
                    .body("[0].id", greaterThanOrEqualTo(1));
        }
        given().header("Authorization", "Bearer " + token.toUpperCase(java.util.Locale.ROOT)).get("/api/v1/admin/imports")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\", error=\"invalid_token\""));
        given().header("Authorization", "Basic " + token).get("/api/v1/admin/imports").then().statusCode(401);
    }

    @Test
    void releasesLimitOutsideItsRangeIsProblem400() {
        given().get("/api/v1/releases?limit=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://essays.dev/problems/invalid-parameter"))
                .body("detail", equalTo("'limit' must be a whole number from 1 to 100, got '0'"));
        given().get("/api/v1/releases?limit=101").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'limit' must be a whole number from 1 to 100, got '101'"));
        given().header("Authorization", TOKEN).get("/api/v1/admin/webhooks/deliveries?limit=501").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'limit' must be a whole number from 1 to 500, got '501'"));
    }

    /** Answers read from the database on each request are negotiated and typed as the content is. */
    @Test
    void releasesAndAdminListsAreApplicationJsonAndAnExplicitRefusalOfJsonIs406() {
        for (String path : java.util.List.of("/api/v1/releases", "/api/v1/admin/imports",
                "/api/v1/admin/webhooks/deliveries")) {
            given().header("Authorization", TOKEN).get(path).then().statusCode(200)
                    .header("Content-Type", equalTo("application/json"));
            given().header("Authorization", TOKEN).header("Accept", "application/json;q=0, */*").get(path).then()
                    .statusCode(406).contentType("application/problem+json");
        }
    }

    @Test
    void aLimitThatIsNoNumberIsProblem400NamingItNot404() {
        given().get("/api/v1/releases?limit=abc").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo("'limit' must be a whole number from 1 to 100, got 'abc'"));
        given().header("Authorization", TOKEN).get("/api/v1/admin/webhooks/deliveries?limit=ten").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'limit' must be a whole number from 1 to 500, got 'ten'"));
        // a blank limit is a left-out one
        given().get("/api/v1/releases?limit=").then().statusCode(200).body("$", hasSize(greaterThanOrEqualTo(1)));
    }

    @Test
    void anImportIdThatIsNoNumberIsA400ButOnlyToTheTokenHolder() {
        given().get("/api/v1/admin/imports/abc").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\""));
        for (String id : List.of("abc", "0", "-1", "99999999999999999999")) {
            given().header("Authorization", TOKEN).get("/api/v1/admin/imports/" + id).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("'id' must be a whole number from 1 to 9223372036854775807, got '" + id + "'"));
        }
        // the spec types the id int64: one beyond 32 bits is a well-formed id of no recent import
        for (String id : List.of("987654", "99999999999")) {
            given().header("Authorization", TOKEN).get("/api/v1/admin/imports/" + id).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No recent import " + id + " on this replica; GET /api/v1/admin/imports lists them"));
        }
    }

    /** What a receiver does: recompute the MAC over "t.body", compare in constant time, reject an old t. */
    static boolean signatureVerifies(WebhookReceiver.Received r, String secret) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : r.signature().split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(r.receivedAtMillis() / 1000 - t) > 300) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(r.body());
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    }
}
