package io.essays.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.specification.RequestSpecification;

/** The offline bundle: contents, manifest, ETag and RFC 9110 range requests. */
@QuarkusTest
public class BundleApiTest {
    static final String BUNDLE = "/api/v1/bundle";

    static RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip");
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void bundleHoldsManifestSeriesAssetsAndEssaysWithTheirHashes() throws IOException {
        var response = raw().get(BUNDLE);
        response.then().statusCode(200)
                .header("Content-Type", "application/zip")
                .header("Accept-Ranges", "bytes")
                .header("Content-Encoding", org.hamcrest.Matchers.nullValue())
                .header("ETag", org.hamcrest.Matchers.matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"essays-"));
        Map<String, byte[]> files = unzip(response.asByteArray());
        assertThat(files.keySet()).containsExactly("manifest.json", "series/alpha.json", "series/beta.json",
                "series/gamma.json", "assets/first-steps/curve.svg", "assets/shared/dot.png",
                "essays/first-steps.json", "essays/second-look.json", "essays/third-way.json");
        JsonNode manifest = SyncClient.JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("counts").toString()).isEqualTo("{\"series\":3,\"essays\":3,\"assets\":2}");
        assertThat(manifest.get("files")).hasSize(8);
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = files.get(file.get("path").asText());
            assertThat(bytes).hasSize(file.get("bytes").asInt());
            assertThat(Bundle.sha256(bytes)).isEqualTo(file.get("sha256").asText());
        }
        JsonNode essay = SyncClient.JSON.readTree(files.get("essays/first-steps.json"));
        assertThat(essay).isEqualTo(SyncClient.JSON.readTree(given().get("/api/v1/essays/first-steps").asByteArray()));
        assertThat(files.get("assets/shared/dot.png")).startsWith(0x89, 'P', 'N', 'G');
        int release = given().get("/api/v1/sync?limit=1").then().extract().path("release");
        assertThat(manifest.get("release").asInt()).isEqualTo(release);
        // the asset records a first sync gives, so that a store filled from the bundle is the same as one synced
        JsonNode synced = SyncClient.JSON.readTree(given().get("/api/v1/sync?limit=200").asByteArray());
        var syncedAssets = new java.util.ArrayList<JsonNode>();
        synced.get("items").forEach(item -> {
            if (item.has("asset")) {
                syncedAssets.add(item.get("asset"));
            }
        });
        assertThat(syncedAssets).hasSize(2);
        assertThat(manifest.get("assets")).containsExactlyElementsOf(syncedAssets);
        assertThat(manifest.get("assets").get(0).get("url").asText()).endsWith("/first-steps/curve.svg");
        assertThat(manifest.get("assets").get(0).get("width").asInt()).isPositive();
    }

    @Test
    void manifestTokenContinuesWithDeltas() throws IOException {
        JsonNode manifest = SyncClient.JSON.readTree(unzip(raw().get(BUNDLE).asByteArray()).get("manifest.json"));
        String token = manifest.get("syncToken").asText();
        given().get("/api/v1/sync?token=" + token).then().statusCode(200)
                .body("release", equalTo(manifest.get("release").asInt()))
                .body("items", hasSize(0))
                .body("nextSyncToken", equalTo(token));
    }

    @Test
    void bundleIsBuiltOncePerReleaseAndRevalidates() {
        var first = raw().get(BUNDLE);
        var second = raw().get(BUNDLE);
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        raw().header("If-None-Match", first.header("ETag")).get(BUNDLE).then().statusCode(304)
                .header("ETag", first.header("ETag"))
                .header("Accept-Ranges", "bytes");
    }

    @Test
    void headGivesTheSizeWithoutABody() {
        byte[] whole = raw().get(BUNDLE).asByteArray();
        raw().head(BUNDLE).then().statusCode(200)
                .header("Content-Length", Integer.toString(whole.length))
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", "application/zip");
    }

    @Test
    void firstByteMiddleAndSuffixRangesArePartialContent() {
        byte[] whole = raw().get(BUNDLE).asByteArray();
        int size = whole.length;
        var first = raw().header("Range", "bytes=0-0").get(BUNDLE);
        first.then().statusCode(206).header("Content-Range", "bytes 0-0/" + size).header("Content-Length", "1")
                .header("Content-Type", "application/zip");
        assertThat(first.asByteArray()).containsExactly(whole[0]);
        var middle = raw().header("Range", "bytes=100-1099").get(BUNDLE);
        middle.then().statusCode(206).header("Content-Range", "bytes 100-1099/" + size).header("Content-Length", "1000");
        assertThat(middle.asByteArray()).isEqualTo(Arrays.copyOfRange(whole, 100, 1100));
        var suffix = raw().header("Range", "bytes=-100").get(BUNDLE);
        suffix.then().statusCode(206).header("Content-Range", "bytes " + (size - 100) + "-" + (size - 1) + "/" + size);
        assertThat(suffix.asByteArray()).isEqualTo(Arrays.copyOfRange(whole, size - 100, size));
    }

    @Test
    void resumingWithIfRangeStitchesTheWholeBundle() {
        var whole = raw().get(BUNDLE);
        byte[] bytes = whole.asByteArray();
        var rest = raw().header("Range", "bytes=1000-").header("If-Range", whole.header("ETag")).get(BUNDLE);
        rest.then().statusCode(206).header("ETag", whole.header("ETag"));
        byte[] stitched = new byte[bytes.length];
        System.arraycopy(bytes, 0, stitched, 0, 1000);
        System.arraycopy(rest.asByteArray(), 0, stitched, 1000, bytes.length - 1000);
        assertThat(stitched).isEqualTo(bytes);
    }

    @Test
    void resumingWithIfMatchContinuesTheSameBundleOrRefusesAnotherWith412() {
        var whole = raw().get(BUNDLE);
        String etag = whole.header("ETag");
        var rest = raw().header("Range", "bytes=1000-").header("If-Match", etag).get(BUNDLE);
        rest.then().statusCode(206).header("ETag", etag);
        assertThat(rest.asByteArray()).isEqualTo(Arrays.copyOfRange(whole.asByteArray(), 1000, whole.asByteArray().length));
        // Android's DownloadManager resumes this way: after a new release the rest of the new ZIP must not follow
        raw().header("Range", "bytes=1000-").header("If-Match", "\"an-older-bundle\"").get(BUNDLE).then()
                .statusCode(412)
                .header("Content-Type", "application/problem+json")
                .header("ETag", etag)
                .header("Content-Range", org.hamcrest.Matchers.nullValue())
                .body("type", equalTo("https://essays.dev/problems/precondition-failed"))
                .body("status", equalTo(412))
                .body("detail", org.hamcrest.Matchers.containsString(etag));
        raw().header("If-Unmodified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").head(BUNDLE).then().statusCode(412);
        raw().header("If-Unmodified-Since", whole.header("Last-Modified")).head(BUNDLE).then().statusCode(200);
    }

    @Test
    void unsatisfiableRangeIsProblem416WithTheSize() {
        int size = raw().get(BUNDLE).asByteArray().length;
        raw().header("Range", "bytes=" + size + "-").get(BUNDLE).then().statusCode(416)
                .header("Content-Range", "bytes */" + size)
                .header("Content-Type", "application/problem+json")
                .body("type", equalTo("https://essays.dev/problems/range-not-satisfiable"))
                .body("status", equalTo(416))
                .body("detail", equalTo("The bundle has " + size + " bytes; the range 'bytes=" + size + "-' selects none "
                        + "of them (it starts at or past the end, or asks for the last 0 bytes)"));
    }

    @Test
    void ifRangeWithAnOldEtagSendsTheWholeBundle() {
        byte[] whole = raw().get(BUNDLE).asByteArray();
        var response = raw().header("Range", "bytes=0-9").header("If-Range", "\"an-older-bundle\"").get(BUNDLE);
        response.then().statusCode(200).header("Content-Range", org.hamcrest.Matchers.nullValue());
        assertThat(response.asByteArray()).isEqualTo(whole);
    }

    @Test
    void severalRangesAreAnsweredWithTheWholeBundle() {
        byte[] whole = raw().get(BUNDLE).asByteArray();
        var response = raw().header("Range", "bytes=0-9,20-29").get(BUNDLE);
        response.then().statusCode(200);
        assertThat(response.asByteArray()).isEqualTo(whole);
    }
}
