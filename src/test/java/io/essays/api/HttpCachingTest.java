package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.essays.http.HttpDates;
import io.essays.importer.ImportService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

/** HTTP delivery rules: ETag, conditional requests, HEAD, Cache-Control, Vary, gzip, CORS and sparse fieldsets. */
@QuarkusTest
public class HttpCachingTest {
    static final String DETAIL = "/api/v1/essays/first-steps";

    @Inject
    ImportService imports;

    /** A request that neither asks for nor decodes compression, so headers and bytes are seen as sent. */
    static RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity");
    }

    static String etag(String path) {
        return raw().get(path).then().statusCode(200).extract().header("ETag");
    }

    /**
     * Vary is exactly Accept-Encoding only because the CORS answer is "*" for every origin; were origins echoed, a
     * shared cache would need Vary: Origin too (see {@link RestrictedCorsTest}).
     */
    @Test
    void contentResponsesCarryStrongEtagLastModifiedCacheControlAndVary() {
        raw().header("Origin", "https://frontend.example").get(DETAIL).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                .header("Last-Modified", matchesPattern("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"))
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=3600"))
                .header("Vary", equalTo("Accept-Encoding"))
                .header("Content-Encoding", nullValue());
    }

    @Test
    void etagIsStableAndDiffersPerRepresentation() {
        String detail = etag(DETAIL);
        assertThat(etag(DETAIL)).isEqualTo(detail);
        assertThat(etag(DETAIL + "/html")).isNotEqualTo(detail);
        assertThat(etag(DETAIL + "/source")).isNotEqualTo(detail);
        assertThat(etag("/api/v1/essays/second-look")).isNotEqualTo(detail);
        assertThat(etag(DETAIL + "?fields=title")).isNotEqualTo(detail);
    }

    /**
     * RFC 9110 §13.2.2: If-Match (strong), else If-Unmodified-Since, before If-None-Match; twice, since the first
     * answer binds the URI and the second goes through the fast path, which hands a failed precondition to JAX-RS.
     */
    @Test
    void ifMatchAndIfUnmodifiedSinceFailWith412BeforeAnythingElse() {
        String path = "/api/v1/essays/second-look/html";
        Response current = raw().get(path);
        String etag = current.header("ETag");
        String lastModified = current.header("Last-Modified");
        String epoch = "Thu, 01 Jan 1970 00:00:00 GMT";
        for (int round = 0; round < 2; round++) {
            raw().header("If-Match", etag).get(path).then().statusCode(200).header("ETag", etag)
                    .body(equalTo(current.asString()));
            raw().header("If-Match", "\"another\", " + etag).get(path).then().statusCode(200);
            raw().header("If-Match", "*").get(path).then().statusCode(200);
            raw().header("If-Match", "\"another\"").get(path).then().statusCode(412)
                    .contentType("application/problem+json")
                    .header("ETag", etag)
                    .body("type", equalTo("https://essays.dev/problems/precondition-failed"))
                    .body("status", equalTo(412))
                    .body("detail", containsString(etag));
            // a weak tag never matches strongly
            raw().header("If-Match", "W/" + etag).get(path).then().statusCode(412);
            raw().header("If-Unmodified-Since", lastModified).get(path).then().statusCode(200);
            raw().header("If-Unmodified-Since", epoch).get(path).then().statusCode(412);
            raw().header("If-Unmodified-Since", "yesterday").get(path).then().statusCode(200);
            // If-Match decides without If-Unmodified-Since; a failed precondition is never a 304
            raw().header("If-Match", etag).header("If-Unmodified-Since", epoch).get(path).then().statusCode(200);
            raw().header("If-Match", "\"another\"").header("If-None-Match", etag).get(path).then().statusCode(412);
            raw().header("If-Match", etag).header("If-None-Match", etag).get(path).then().statusCode(304);
        }
    }

    @Test
    void matchingIfNoneMatchIs304WithTheSameHeadersAndNoBody() {
        Response full = raw().get(DETAIL);
        String etag = full.header("ETag");
        raw().header("If-None-Match", etag).get(DETAIL).then().statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", full.header("Cache-Control"))
                .header("Vary", "Accept-Encoding")
                .header("Last-Modified", full.header("Last-Modified"))
                .body(emptyString());
    }

    @Test
    void ifNoneMatchUsesWeakComparisonListsAndStar() {
        String etag = etag(DETAIL);
        raw().header("If-None-Match", "W/" + etag).get(DETAIL).then().statusCode(304);
        raw().header("If-None-Match", "\"other\", " + etag).get(DETAIL).then().statusCode(304);
        raw().header("If-None-Match", "*").get(DETAIL).then().statusCode(304);
        raw().header("If-None-Match", "\"other\", W/\"stale\"").get(DETAIL).then().statusCode(200)
                .header("ETag", etag).body(not(emptyString()));
    }

    @Test
    void ifModifiedSinceIsHonouredOnlyWithoutIfNoneMatch() {
        String lastModified = raw().get(DETAIL).header("Last-Modified");
        Instant time = HttpDates.parse(lastModified).orElseThrow();
        String later = HttpDates.format(time.plus(1, ChronoUnit.HOURS));
        String earlier = HttpDates.format(time.minus(1, ChronoUnit.HOURS));
        raw().header("If-Modified-Since", lastModified).get(DETAIL).then().statusCode(304);
        raw().header("If-Modified-Since", later).get(DETAIL).then().statusCode(304);
        raw().header("If-Modified-Since", earlier).get(DETAIL).then().statusCode(200);
        raw().header("If-Modified-Since", "not a date").get(DETAIL).then().statusCode(200);
        // RFC 9110 §13.1.3: If-Modified-Since is ignored when If-None-Match is present
        raw().header("If-None-Match", "\"other\"").header("If-Modified-Since", later).get(DETAIL).then().statusCode(200);
    }

    @Test
    void everyContentGetRevalidates() {
        for (String path : new String[] {"/api/v1/essays", "/api/v1/essays?tag=maths&sort=title", "/api/v1/series",
                "/api/v1/series/alpha", "/api/v1/tags", DETAIL + "/html", DETAIL + "/source"}) {
            String etag = etag(path);
            raw().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        Response get = raw().get(DETAIL);
        raw().head(DETAIL).then().statusCode(200)
                .header("ETag", get.header("ETag"))
                .header("Cache-Control", get.header("Cache-Control"))
                .contentType("application/json")
                .body(emptyString());
        raw().head(DETAIL + "/html").then().statusCode(200).contentType("text/html; charset=utf-8").body(emptyString());
        raw().head("/api/v1/essays/nope").then().statusCode(404);
        // answered through JAX-RS (a junk parameter is never bound; search is not), with the length the GET sends
        for (String uri : java.util.List.of(DETAIL + "?_=head", "/api/v1/search?q=steps")) {
            int length = raw().get(uri).then().statusCode(200).extract().asByteArray().length;
            raw().head(uri).then().statusCode(200).header("Content-Length", String.valueOf(length)).body(emptyString());
        }
        // and where the answer is not a cached representation: the releases, and problems
        java.util.Map<String, Integer> statuses = java.util.Map.of("/api/v1/releases", 200, "/api/v1/essays/nope", 404,
                "/api/v1/essays?size=0", 400, "/api/v1/essays/first-steps/links/nope", 404);
        statuses.forEach((uri, status) -> {
            byte[] body = raw().get(uri).then().statusCode(status).extract().asByteArray();
            assertThat(body).as(uri).isNotEmpty();
            raw().head(uri).then().statusCode(status).header("Content-Length", String.valueOf(body.length))
                    .body(emptyString());
        });
    }

    @Test
    void largeBodiesAreGzippedForClientsThatAcceptItWithTheirOwnEtag() throws IOException {
        Response plain = raw().get(DETAIL);
        Response gzip = given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "br;q=1, gzip;q=0.8").get(DETAIL);
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzip.header("ETag")).isEqualTo(plain.header("ETag").replace("\"", "").transform(t -> "\"" + t + "-gz\""));
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.asByteArray())).readAllBytes();
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).isEqualTo(plain.asString());
        // either variant's tag revalidates
        given().header("Accept-Encoding", "gzip").header("If-None-Match", gzip.header("ETag")).get(DETAIL)
                .then().statusCode(304).header("ETag", gzip.header("ETag"));
        raw().header("If-None-Match", gzip.header("ETag")).get(DETAIL).then().statusCode(304);
    }

    @Test
    void gzipRefusedOrSmallBodiesStayIdentity() {
        given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip;q=0").get(DETAIL).then().header("Content-Encoding", nullValue());
        given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip").get("/api/v1/tags").then().statusCode(200)
                .header("Content-Encoding", nullValue());
    }

    @Test
    void errorsAreNotCached() {
        raw().get("/api/v1/essays/nope").then().statusCode(404).header("Cache-Control", "no-store").header("ETag", nullValue());
        raw().get("/api/v1/essays?page=0").then().statusCode(400).header("Cache-Control", "no-store");
    }

    @Test
    void corsPreflightIsAnsweredForAnyOrigin() {
        given().header("Origin", "https://frontend.example").header("Access-Control-Request-Method", "GET")
                .options(DETAIL).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    /**
     * A browser script reads only the safelisted response headers unless more are exposed: the validators and the
     * pagination links, the ranges of a resumed bundle download and the Allow of a 405.
     */
    @Test
    void corsExposesWhatABrowserClientNeedsToRead() {
        given().header("Origin", "https://frontend.example").get("/api/v1/essays").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers",
                        equalTo("ETag,Link,Last-Modified,Content-Length,Content-Range,Accept-Ranges,Allow"));
        given().header("Origin", "https://frontend.example").header("Range", "bytes=0-9").get("/api/v1/bundle").then()
                .statusCode(206)
                .header("Content-Range", startsWith("bytes 0-9/"))
                .header("Access-Control-Expose-Headers", containsString("Content-Range"));
    }

    /**
     * A CDN stores one answer per URI (and Vary): with origins echoed, origin B would receive origin A's
     * Access-Control-Allow-Origin. A public, credential-less API answers every origin, and no origin, with "*".
     */
    @Test
    void everyOriginGetsTheSameCorsAnswerOnBothPathsAndOn304s() {
        String path = DETAIL + "/source";
        String etag = null;
        for (String origin : new String[] {"https://a.example", "https://b.example", null, "https://a.example"}) {
            RequestSpecification request = origin == null ? raw() : raw().header("Origin", origin);
            Response r = request.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(r.header("Access-Control-Expose-Headers")).contains("ETag", "Link", "Last-Modified");
            // the answer does not depend on Origin, so it does not vary on it
            assertThat(r.header("Vary")).isEqualTo("Accept-Encoding");
            assertThat(r.header("Cache-Control")).startsWith("public");
            etag = r.header("ETag");
        }
        (raw().header("Origin", "https://b.example")).header("If-None-Match", etag).get(path).then().statusCode(304)
                .header("Access-Control-Allow-Origin", "*")
                .header("Vary", "Accept-Encoding");
    }

    @Test
    void sparseFieldsetsTrimDetailAndListItems() {
        given().queryParam("fields", "slug,title").get(DETAIL).then().statusCode(200)
                .body("size()", equalTo(2))
                .body("slug", equalTo("first-steps"))
                .body("title", equalTo("First Steps"))
                .body("html", nullValue());
        given().queryParam("fields", "title,slug").queryParam("sort", "title").get("/api/v1/essays").then().statusCode(200)
                .body("items[0].size()", equalTo(2))
                .body("items.slug", org.hamcrest.Matchers.contains("third-way", "first-steps", "second-look"))
                .body("page.totalItems", equalTo(3))
                .header("Link", containsString("fields=slug%2Ctitle"));
    }

    /** Every spelling of one fieldset shares one representation, so its Link names the fieldset canonically. */
    @Test
    void fieldsetSpellingsShareOneRepresentation() {
        String first = etag("/api/v1/essays?fields=title,slug&size=1");
        assertThat(etag("/api/v1/essays?fields=slug,title&size=1")).isEqualTo(first);
        assertThat(etag("/api/v1/essays?size=1&fields=slug,title,slug")).isEqualTo(first);
        raw().get("/api/v1/essays?fields=slug,title&size=1").then()
                .header("Link", containsString("size=1&fields=slug%2Ctitle>; rel=\"next\""));
        assertThat(etag(DETAIL + "?fields=toc,title")).isEqualTo(etag(DETAIL + "?fields=title,toc"));
    }

    @Test
    void repeatedRequestsAnswerIdenticallyIncludingCorsAndConditionals() {
        for (int i = 0; i < 3; i++) {
            Response r = raw().header("Origin", "https://frontend.example").get("/api/v1/essays?size=2");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(r.header("Access-Control-Expose-Headers")).contains("ETag", "Link", "Last-Modified");
            assertThat(r.header("Link")).contains("rel=\"next\"");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.jsonPath().getList("items.slug")).containsExactly("second-look", "third-way");
            raw().header("If-None-Match", r.header("ETag")).get("/api/v1/essays?size=2").then().statusCode(304)
                    .header("Link", containsString("rel=\"next\""));
        }
    }

    /** RFC 9110 §6.6.1: an origin server with a clock sends Date on every 2xx, 3xx and 4xx; caches compute age from it. */
    @Test
    void everyAnswerCarriesTheDateItWasOriginatedOnEveryPath() {
        String twice = "/api/v1/essays/second-look";
        Response jaxRs = raw().get(twice);
        Response fast = raw().get(twice);
        String etag = fast.header("ETag");
        java.util.List<Response> answers = java.util.List.of(jaxRs, fast,
                raw().header("If-None-Match", etag).get(twice),
                raw().head(twice),
                raw().get("/api/v1/essays/no-such-essay"),
                raw().header("Accept", "application/xml").get(twice),
                raw().get("/api/v1/essays?q=" + "x".repeat(5000)),
                raw().get("/feeds/atom.xml"),
                raw().get("/q/health/ready"));
        assertThat(answers).extracting(Response::statusCode).containsExactly(200, 200, 304, 200, 404, 406, 414, 200, 200);
        for (Response r : answers) {
            String date = r.header("Date");
            assertThat(date).as("Date of a %d", r.statusCode()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT");
            Instant sent = HttpDates.parse(date).orElseThrow();
            assertThat(sent).isBetween(Instant.now().minus(1, ChronoUnit.MINUTES), Instant.now().plusSeconds(1));
        }
    }

    @Test
    void unacceptableMediaTypeIsProblem406EvenAfterTheUriWasServed() {
        raw().get(DETAIL).then().statusCode(200);
        raw().header("Accept", "application/xml").get(DETAIL).then().statusCode(406)
                .contentType("application/problem+json");
        raw().header("Accept", "application/*;q=0.5").get(DETAIL).then().statusCode(200);
    }

    @Test
    void unknownSparseFieldIsProblem400() {
        given().queryParam("fields", "slug,nope").get(DETAIL).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Unknown field(s) nope in 'fields'"));
        given().queryParam("fields", "html").get("/api/v1/essays").then().statusCode(400)
                .body("detail", containsString("Unknown field(s) html"));
    }

    @Test
    void aFieldListNamingNoFieldIsProblem400AndAnEmptyOneMeansAll() {
        for (String list : new String[] {",", " ", " , ,"}) {
            given().queryParam("fields", list).get(DETAIL).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://essays.dev/problems/invalid-parameter"))
                    .body("detail", startsWith("'fields' names no field; name some of slug, title,"));
            given().queryParam("fields", list).get("/api/v1/essays").then().statusCode(400)
                    .body("detail", endsWith("or leave it out for all of them"));
        }
        String full = raw().get(DETAIL).then().statusCode(200).extract().asString();
        given().urlEncodingEnabled(false).get(DETAIL + "?fields=").then().statusCode(200)
                .body(equalTo(full));
    }

    @Test
    void etagChangesAcrossAnImportOnlyWhereTheBytesChange() throws IOException {
        String changedBefore = etag("/api/v1/essays/third-way");
        String untouchedBefore = etag("/api/v1/essays/second-look/html");
        String lastModifiedBefore = raw().get(DETAIL).header("Last-Modified");
        Path copy = Files.createTempDirectory("fixture-copy");
        copyTree(Path.of("src/test/resources/fixture"), copy);
        Path third = copy.resolve("essays/third-way.md");
        Files.writeString(third, Files.readString(third).replace("Last words.", "Last words, revised."));
        try {
            var outcome = imports.importFrom(copy);
            assertThat(outcome.changed()).isTrue();
            assertThat(etag("/api/v1/essays/third-way")).isNotEqualTo(changedBefore);
            raw().header("If-None-Match", changedBefore).get("/api/v1/essays/third-way").then().statusCode(200)
                    .body("html", containsString("Last words, revised."));
            assertThat(etag("/api/v1/essays/second-look/html")).isEqualTo(untouchedBefore);
            assertThat(raw().get(DETAIL).header("Last-Modified")).isNotEqualTo(lastModifiedBefore);
            // the same content again is not a new release
            assertThat(imports.importFrom(copy).changed()).isFalse();
        } finally {
            imports.importFrom(Path.of("src/test/resources/fixture"));
        }
        assertThat(etag("/api/v1/essays/third-way")).isEqualTo(changedBefore);
    }

    /** Two imports within one second used to share one Last-Modified; a cache revalidating by date missed the second. */
    @Test
    void lastModifiedStrictlyIncreasesFromOneReleaseToTheNextEvenWithinOneSecond() throws IOException {
        Path copy = Files.createTempDirectory("fixture-dates");
        copyTree(Path.of("src/test/resources/fixture"), copy);
        Path third = copy.resolve("essays/third-way.md");
        String original = Files.readString(third);
        Instant previous = HttpDates.parse(raw().get(DETAIL).header("Last-Modified")).orElseThrow();
        try {
            for (int i = 1; i <= 3; i++) {
                Files.writeString(third, original.replace("Last words.", "Last words, take " + i + "."));
                assertThat(imports.importFrom(copy).changed()).isTrue();
                Response r = raw().get(DETAIL);
                Instant modified = HttpDates.parse(r.header("Last-Modified")).orElseThrow();
                assertThat(modified).isAfter(previous);
                // a cache holding the previous release revalidates by date and gets the new one
                raw().header("If-Modified-Since", HttpDates.format(previous)).get(DETAIL).then().statusCode(200);
                raw().header("If-Modified-Since", r.header("Last-Modified")).get(DETAIL).then().statusCode(304);
                previous = modified;
            }
        } finally {
            imports.importFrom(Path.of("src/test/resources/fixture"));
        }
        assertThat(HttpDates.parse(raw().get(DETAIL).header("Last-Modified")).orElseThrow()).isAfter(previous);
    }

    @Test
    void invalidCorpusChangesNothingBeingServed() throws IOException {
        String before = etag(DETAIL);
        Path copy = Files.createTempDirectory("fixture-broken");
        copyTree(Path.of("src/test/resources/fixture"), copy);
        Files.writeString(copy.resolve("essays/broken.md"), "no front matter\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.importFrom(copy))
                .hasMessageContaining("broken.md:1: missing front matter");
        assertThat(etag(DETAIL)).isEqualTo(before);
        given().get("/api/v1/essays/broken").then().statusCode(404);
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
