package io.essays.api;

import static io.essays.api.HttpCachingTest.raw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.essays.store.AssetBlob;
import io.essays.http.FastPath;
import io.essays.importer.ImportService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Assets over the fixture corpus: first-steps uses {@code assets/first-steps/curve.svg} as a captioned figure and
 * {@code assets/shared/dot.png} inline. Runs on H2; {@link PostgresAssetApiTest} reruns it on PostgreSQL.
 */
@QuarkusTest
public class AssetApiTest {
    @Inject
    ImportService imports;
    @Inject
    FastPath fastPath;
    static final String ESSAY = "/api/v1/essays/first-steps";
    static final Path FIXTURE = Path.of("src/test/resources/fixture");
    static final String URL = "/api/v1/assets/[0-9a-f]{64}/";
    static final byte[] PNG = read("src/test/resources/fixture/assets/shared/dot.png");

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String url(int index) {
        return given().get(ESSAY).then().statusCode(200).extract().path("assets[" + index + "].url");
    }

    @Test
    void essayDetailListsTheAssetsItUsesForOfflineReading() {
        given().get(ESSAY).then().statusCode(200)
                .body("assets.size()", equalTo(2))
                .body("assets[0].url", matchesPattern(URL + "first-steps/curve\\.svg"))
                .body("assets[0].mediaType", equalTo("image/svg+xml"))
                .body("assets[0].width", equalTo(240))
                .body("assets[0].height", equalTo(120))
                .body("assets[0].alt", equalTo("A rising curve"))
                .body("assets[0].caption", equalTo("Growth, step by step"))
                .body("assets[1].url", matchesPattern(URL + "shared/dot\\.png"))
                .body("assets[1].mediaType", equalTo("image/png"))
                .body("assets[1].bytes", equalTo(PNG.length))
                .body("assets[1].width", equalTo(32))
                .body("assets[1].height", equalTo(24))
                .body("assets[1].alt", equalTo("a small dot"))
                .body("assets[1].caption", nullValue());
        given().get("/api/v1/essays/third-way").then().statusCode(200).body("assets.size()", equalTo(0));
    }

    @Test
    void assetsIsASparseField() {
        given().queryParam("fields", "slug,assets").get(ESSAY).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("assets.mediaType", contains("image/svg+xml", "image/png"));
    }

    @Test
    void htmlHasAFigureWithCaptionAndImagesWithTheirSize() {
        String svg = url(0);
        String png = url(1);
        given().get(ESSAY + "/html").then().statusCode(200)
                .body(containsString("<figure><img src=\"" + svg + "\" alt=\"A rising curve\" width=\"240\" "
                        + "height=\"120\" loading=\"lazy\" decoding=\"async\"><figcaption>Growth, step by step"
                        + "</figcaption></figure>"))
                .body(containsString("<p>An inline dot <img src=\"" + png + "\" alt=\"a small dot\" width=\"32\" "
                        + "height=\"24\" loading=\"lazy\" decoding=\"async\"> sits in this sentence.</p>"))
                .body(org.hamcrest.Matchers.not(containsString("<p><figure>")));
    }

    @Test
    void sourceKeepsTheRelativePathsAsAuthored() {
        given().get(ESSAY + "/source").then().statusCode(200)
                .body(containsString("![A rising curve](../assets/first-steps/curve.svg \"Growth, step by step\")"));
    }

    @Test
    void svgIsServedImmutableWithAContentSecurityPolicyAndNosniff() {
        String url = url(0);
        for (int i = 0; i < 2; i++) { // the first answer may come from the resource, the next from the fast path
            long fast = fastPath.served();
            Response r = raw().get(url);
            if (i == 1) {
                assertThat(fastPath.served() - fast).as("answered by the fast path").isEqualTo(1);
            }
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Content-Type")).isEqualTo("image/svg+xml");
            assertThat(r.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
            assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(r.header("Content-Encoding")).isNull();
            byte[] body = r.asByteArray();
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(body.length));
            assertThat(body.length).isEqualTo(given().get(ESSAY).then().extract().<Integer>path("assets[0].bytes"));
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                    .contains("@media (prefers-color-scheme: dark){svg{--fg:#e6edf3;", "<use href=\"#tick\"",
                            "marker-end=\"url(#arrow)\"")
                    .doesNotContain("<?xml");
        }
    }

    @Test
    void svgMayBeGzippedAndRasterImagesNeverAre() throws IOException {
        var gzip = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip");
        Response svg = gzip.get(url(0));
        assertThat(svg.header("Content-Encoding")).isEqualTo("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(svg.asByteArray())).readAllBytes();
        assertThat(unzipped).isEqualTo(raw().get(url(0)).asByteArray());
        Response png = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get(url(1));
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.header("Content-Encoding")).isNull();
        assertThat(png.asByteArray()).isEqualTo(PNG);
    }

    @Test
    void anSvgIsNotServedToAClientAskingOnlyForXmlDocumentsOnEitherPath() {
        String svg = url(0);
        given().get(svg).then().statusCode(200); // binds the URI to the fast path
        for (String uri : List.of(svg, svg + "?_=1")) {
            for (String accept : List.of("text/xml", "application/xml")) {
                given().header("Accept", accept).get(uri).then().statusCode(406)
                        .contentType("application/problem+json");
            }
            given().header("Accept", "text/xml;q=0, */*").get(uri).then().statusCode(200)
                    .contentType("image/svg+xml");
        }
    }

    @Test
    void pngIsServedAsAuthoredWithoutAContentSecurityPolicy() {
        raw().get(url(1)).then().statusCode(200)
                .contentType("image/png")
                .header("Content-Length", Integer.toString(PNG.length))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void headAndConditionalGetWorkAsOnEveryResource() {
        String url = url(1);
        Response get = raw().get(url);
        raw().head(url).then().statusCode(200)
                .contentType("image/png")
                .header("ETag", get.header("ETag"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Length", Integer.toString(PNG.length))
                .body(emptyString());
        raw().header("If-None-Match", get.header("ETag")).get(url).then().statusCode(304)
                .header("ETag", get.header("ETag"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .body(emptyString());
    }

    @Test
    void aNewReleaseServesChangedAssetsFromTheDatabaseAndWritesUnchangedBytesOnce() throws IOException {
        String svg = url(0);
        String png = url(1);
        Path copy = Files.createTempDirectory("fixture-assets");
        HttpCachingTest.copyTree(FIXTURE, copy);
        byte[] changed = png(5, 4);
        Files.write(copy.resolve("assets/shared/dot.png"), changed);
        try {
            assertThat(imports.importFrom(copy).changed()).isTrue();
            // served from the release in the database, not from a directory: the one imported is gone
            HttpCachingTest.deleteTree(copy);
            String newPng = url(1);
            assertThat(newPng).isNotEqualTo(png);
            assertThat(url(0)).isEqualTo(svg);
            raw().get(newPng).then().statusCode(200).header("Content-Length", Integer.toString(changed.length));
            assertThat(raw().get(newPng).asByteArray()).isEqualTo(changed);
            raw().get(png).then().statusCode(404).contentType("application/problem+json");
            given().get(ESSAY).then().body("assets[1].width", equalTo(5)).body("assets[1].height", equalTo(4));
            // one row of bytes per distinct content: the unchanged SVG kept its row, the old PNG's is gone
            assertThat(QuarkusTransaction.requiringNew().call(() -> AssetBlob.<AssetBlob>listAll().stream()
                    .map(b -> b.hash).sorted().toList()))
                    .containsExactlyInAnyOrder(svg.split("/")[4], newPng.split("/")[4]);
        } finally {
            imports.importFrom(FIXTURE);
        }
        assertThat(url(1)).isEqualTo(png);
        raw().get(png).then().statusCode(200);
    }

    private static byte[] png(int width, int height) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void unknownPathOrHashIsProblem404() {
        String url = url(0);
        String hash = url.split("/")[4];
        String otherHash = "0".repeat(64);
        raw().get(url.replace(hash, otherHash)).then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("detail", equalTo("Asset 'first-steps/curve.svg' has other content now: its hash is not '"
                        + otherHash + "'; the essay's 'assets' list has its current URL"));
        raw().get("/api/v1/assets/" + hash + "/first-steps/nope.svg").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No asset 'first-steps/nope.svg' in this release"));
        raw().get("/api/v1/assets/" + hash).then().statusCode(404).contentType("application/problem+json");
        // the hash of one asset does not open another
        raw().get("/api/v1/assets/" + hash + "/shared/dot.png").then().statusCode(404);
    }
}
