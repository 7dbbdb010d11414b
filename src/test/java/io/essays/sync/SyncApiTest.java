package io.essays.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.essays.corpus.CorpusState;
import io.essays.importer.ImportService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Initial and delta sync over HTTP, and every way a token can be refused. */
@QuarkusTest
public class SyncApiTest {
    static final String SYNC = "/api/v1/sync";

    @Inject
    ImportService imports;
    @Inject
    CorpusState state;
    @Inject
    SyncTokens tokens;
    @Inject
    SyncHistory history;
    @Inject
    io.essays.http.FastPath fastPath;

    @AfterEach
    void restoreFixture() {
        imports.importFrom(Corpora.FIXTURE);
    }

    static List<String> keys(List<JsonNode> items) {
        return items.stream().map(i -> i.get("type").asText() + ":"
                + (i.has("path") ? i.get("path").asText() : i.get("slug").asText())
                + (i.has("deletedInRelease") ? "†" + i.get("deletedInRelease").asLong() : "")).toList();
    }

    long release() {
        return state.current().releaseId();
    }

    @Test
    void initialSyncSendsSeriesThenAssetsThenEssaysInPagesEndingWithAToken() {
        given().get(SYNC + "?limit=3").then().statusCode(200)
                .header("Content-Type", "application/json")
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("release", equalTo((int) release()))
                .body("items", hasSize(3))
                .body("items.type", equalTo(List.of("series", "series", "series")))
                .body("items.slug", equalTo(List.of("alpha", "beta", "gamma")))
                .body("items[0].series.title", equalTo("Alpha Series"))
                .body("items[0].series.essayCount", equalTo(2))
                .body("next", containsString("/api/v1/sync?token="))
                .body("next", containsString("&limit=3"))
                .body("nextSyncToken", nullValue());
        SyncClient client = new SyncClient().sync(3);
        assertThat(client.pages).isEqualTo(3);
        assertThat(keys(client.lastItems)).containsExactly("series:alpha", "series:beta", "series:gamma",
                "asset:first-steps/curve.svg", "asset:shared/dot.png",
                "essay:first-steps", "essay:second-look", "essay:third-way");
        assertThat(client.token).isNotBlank();
    }

    @Test
    void syncedEssayIsTheEssayDetailAsServedAndAssetsCarryTheirUrl() throws Exception {
        SyncClient client = new SyncClient().sync(50);
        JsonNode detail = SyncClient.JSON.readTree(given().get("/api/v1/essays/first-steps").asByteArray());
        assertThat(client.store.get("essay:first-steps")).isEqualTo(detail);
        JsonNode asset = client.store.get("asset:first-steps/curve.svg");
        assertThat(asset.get("mediaType").asText()).isEqualTo("image/svg+xml");
        assertThat(asset.get("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(asset.get("url").asText()).isEqualTo("/api/v1/assets/" + asset.get("hash").asText() + "/first-steps/curve.svg");
        given().get(asset.get("url").asText()).then().statusCode(200).header("Content-Type", "image/svg+xml");
        assertThat(detail.get("assets").findValuesAsText("url")).contains(asset.get("url").asText());
    }

    @Test
    void tokenForTheCurrentReleaseGivesAnEmptyDeltaAndTheSameTokenAnd304WithItsEtag() {
        String token = new SyncClient().sync(50).token;
        var response = given().get(SYNC + "?token=" + token);
        response.then().statusCode(200)
                .body("items", hasSize(0))
                .body("nextSyncToken", equalTo(token))
                .body("next", nullValue());
        given().header("If-None-Match", response.header("ETag")).get(SYNC + "?token=" + token).then().statusCode(304)
                .header("ETag", response.header("ETag"));
        // a page is a pure function of its URI and the release: polling it again is answered by the fast path
        long before = fastPath.served();
        given().get(SYNC + "?token=" + token).then().statusCode(200).body("nextSyncToken", equalTo(token));
        assertThat(fastPath.served()).isEqualTo(before + 1);
        // an error is never bound: a forged token stays a 400 however often it is sent
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (int i = 0; i < 2; i++) {
            given().get(SYNC + "?token=" + forged).then().statusCode(400);
        }
    }

    @Test
    void fieldsKeepOnlyTheNamedEssayFieldsAndTheNextUrlKeepsThem() {
        given().get(SYNC + "?limit=6&fields=title,slug").then().statusCode(200)
                .body("items[5].type", equalTo("essay"))
                .body("items[5].essay.slug", equalTo("first-steps"))
                .body("items[5].essay.title", equalTo("First Steps"))
                .body("items[5].essay.html", nullValue())
                .body("next", containsString("&fields=slug,title"));
        given().get(SYNC + "?fields=nope").then().statusCode(400)
                .header("Content-Type", "application/problem+json")
                .body("detail", containsString("Unknown field(s) nope"));
        given().get(SYNC + "?limit=0").then().statusCode(400)
                .body("detail", containsString("'limit' must be a whole number from 1 to 200"));
    }

    @Test
    void reimportThatChangesNothingYieldsNothingAndAnEditYieldsOnlyWhatChanged() throws Exception {
        SyncClient client = new SyncClient().sync(50);
        String before = client.token;
        Path copy = Corpora.copyOfFixture("sync-edit");
        try {
            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words.", "Last words, revised.");
            assertThat(imports.importFrom(copy).changed()).isTrue();
            client.sync(50);
            // third-way changed; nothing links to it, and its series' summary is unchanged
            assertThat(keys(client.lastItems)).containsExactly("essay:third-way");
            assertThat(client.store.get("essay:third-way").get("html").asText()).contains("Last words, revised.");
            assertThat(client.store).isEqualTo(SyncClient.fresh(50));

            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words, revised.", "Last words.");
            assertThat(imports.importFrom(copy).changed()).isTrue();
            // back to the content of the first token's release: compared by content, nothing changed since then
            given().get(SYNC + "?token=" + before).then().statusCode(200).body("items", hasSize(0));
            assertThat(client.sync(50).lastItems).hasSize(1);
        } finally {
            Corpora.delete(copy);
        }
    }

    @Test
    void renamedEssayIsATombstoneAndAnAdditionAndLinksToItChange() throws Exception {
        SyncClient client = new SyncClient().sync(50);
        Path copy = Corpora.copyOfFixture("sync-rename");
        try {
            Files.move(copy.resolve("essays/third-way.md"), copy.resolve("essays/fourth-way.md"));
            Corpora.edit(copy.resolve("essays/first-steps.md"), "(third-way.md)", "(fourth-way.md)");
            Files.delete(copy.resolve("series/gamma.yaml"));
            assertThat(imports.importFrom(copy).changed()).isTrue();
            long deletedIn = release();
            client.sync(50);
            assertThat(keys(client.lastItems)).containsExactly("series:gamma†" + deletedIn, "essay:first-steps",
                    "essay:fourth-way", "essay:third-way†" + deletedIn);
            assertThat(client.store.get("essay:first-steps").get("links").findValuesAsText("slug")).contains("fourth-way");
            assertThat(client.lastItems.get(0).has("series")).isFalse();
            assertThat(client.store).isEqualTo(SyncClient.fresh(2));
        } finally {
            Corpora.delete(copy);
        }
    }

    @Test
    void tombstoneNamesTheReleaseThatDeletedTheItemEvenWhenLaterReleasesFollow() throws Exception {
        SyncClient client = new SyncClient().sync(50);
        Path copy = Corpora.copyOfFixture("sync-delete");
        try {
            Files.delete(copy.resolve("essays/third-way.md"));
            Corpora.edit(copy.resolve("essays/first-steps.md"), " See [the third essay](third-way.md) too.", "");
            imports.importFrom(copy);
            long deletedIn = release();
            Corpora.edit(copy.resolve("essays/second-look.md"), "title: Second Look", "title: A Second Look");
            imports.importFrom(copy);
            client.sync(50);
            assertThat(keys(client.lastItems)).contains("essay:third-way†" + deletedIn);
            assertThat(client.store).isEqualTo(SyncClient.fresh(50));
        } finally {
            Corpora.delete(copy);
        }
    }

    @Test
    void malformedTokenIsProblem400() {
        for (String bad : List.of("nonsense", "a.b.c", "QUJD.%21%21", ".", "abc.", "QUJD.QUJD")) {
            given().urlEncodingEnabled(false).get(SYNC + "?token=" + bad).then().statusCode(400)
                    .header("Content-Type", "application/problem+json")
                    .header("Cache-Control", "no-store")
                    .body("type", equalTo("https://essays.dev/problems/invalid-sync-token"))
                    .body("status", equalTo(400));
        }
    }

    @Test
    void alteredOrForeignTokenIsForgedProblem400() {
        String token = new SyncClient().sync(50).token;
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        // claim an older release, keeping the signature
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst("~\\d+~0~$", "~1~0~").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        String foreign = new SyncTokens("another-secret-entirely-123").encode(SyncToken.sync(history.deployment(), release()));
        for (String bad : List.of(altered, foreign)) {
            given().get(SYNC + "?token=" + bad).then().statusCode(400)
                    .header("Content-Type", "application/problem+json")
                    .body("type", equalTo("https://essays.dev/problems/forged-sync-token"))
                    .body("detail", containsString("signature"));
        }
    }

    @Test
    void tokenFromAnotherDeploymentIsGone410() {
        String other = tokens.encode(SyncToken.sync("another-deployment", release()));
        given().get(SYNC + "?token=" + other).then().statusCode(410)
                .header("Content-Type", "application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://essays.dev/problems/sync-restart-required"))
                .body("title", equalTo("Initial Sync Required"))
                .body("detail", containsString("another deployment"))
                .body("detail", containsString("GET /api/v1/sync"));
    }

    @Test
    void tokenForAReleaseWithoutHistoryIsGone410() {
        // release numbers this deployment never had, older and newer
        for (long release : List.of(release() + 1000)) {
            given().get(SYNC + "?token=" + tokens.encode(SyncToken.sync(history.deployment(), release))).then()
                    .statusCode(410).body("type", equalTo("https://essays.dev/problems/sync-restart-required"));
        }
    }
}
