package io.essays.api;

import static io.essays.api.HttpCachingTest.raw;
import static io.essays.support.TightSettingsProfile.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusState;
import io.essays.http.ResponseCache;
import io.essays.support.TightSettingsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * With origins restricted by configuration, the allowed origin is echoed, so every response varies on Origin (a shared
 * cache must key on it); and a small cache budget holds over HTTP. No database is involved: H2 only.
 */
@QuarkusTest
@TestProfile(TightSettingsProfile.class)
class RestrictedCorsTest {
    static final String PATH = "/api/v1/essays/second-look";

    @Inject
    CorpusState state;

    @Test
    void anEchoedOriginVariesOnOriginOnBothPathsAndOn304s() {
        String etag = null;
        for (int i = 0; i < 2; i++) { // the first through JAX-RS, the second on the fast path
            Response r = raw().header("Origin", ORIGIN).get(PATH);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
            assertThat(varyFields(r)).containsExactlyInAnyOrder("origin", "accept-encoding");
            etag = r.header("ETag");
        }
        Response notModified = raw().header("Origin", ORIGIN).header("If-None-Match", etag).get(PATH);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
        assertThat(varyFields(notModified)).containsExactlyInAnyOrder("origin", "accept-encoding");
    }

    /** A response without CORS headers must not be reused by a cache for a cross-origin request either. */
    @Test
    void aResponseToARequestWithoutOriginVariesOnOriginToo() {
        Response r = raw().get(PATH + "/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        assertThat(varyFields(r)).containsExactlyInAnyOrder("origin", "accept-encoding");
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response r = raw().header("Origin", "https://other.example").get(PATH);
        assertThat(r.header("Access-Control-Allow-Origin")).isNotEqualTo("https://other.example").isNotEqualTo("*");
    }

    /** Every subset of fields is a representation of its own; the budget, not their number, bounds the cache. */
    @Test
    void fieldsetPermutationsStayWithinTheByteBudget() {
        List<String> fields = List.of("slug", "title", "series", "order", "summary", "tags", "html", "toc", "links",
                "backlinks", "previous", "next", "wordCount", "readingMinutes");
        List<String> subsets = new ArrayList<>();
        for (int mask = 1; mask < 1 << 9; mask += 3) {
            List<String> subset = new ArrayList<>();
            for (int bit = 0; bit < 9; bit++) {
                if ((mask & 1 << bit) != 0) {
                    subset.add(fields.get(bit));
                }
            }
            subsets.add(String.join(",", subset));
        }
        for (String subset : subsets) {
            raw().get(PATH + "?fields=" + subset).then().statusCode(200);
        }
        ResponseCache cache = state.current().responses();
        assertThat(subsets).hasSizeGreaterThan(150);
        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(TightSettingsProfile.CACHE_BUDGET);
        assertThat(cache.size()).isLessThan(subsets.size());
        // still answered correctly, from the cache or computed again
        raw().get(PATH + "?fields=" + subsets.get(0)).then().statusCode(200);
    }

    @Test
    void bodiesWrittenFromOffHeapCopiesAreTheBytesJaxRsWrote() {
        var uris = new ArrayList<String>();
        for (String slug : List.of("first-steps", "second-look", "third-way")) {
            uris.add("/api/v1/essays/" + slug);
            uris.add("/api/v1/essays/" + slug + "/html");
        }
        uris.add("/api/v1/essays");
        uris.add("/api/v1/graph");
        var first = new java.util.HashMap<String, byte[]>();
        var gzipped = new java.util.HashMap<String, byte[]>();
        for (String uri : uris) {
            first.put(uri, raw().get(uri).then().statusCode(200).extract().asByteArray());
            gzipped.put(uri, gzip().get(uri).then().statusCode(200).extract().asByteArray());
        }
        assertThat(first.values()).anyMatch(b -> b.length >= 256);
        assertThat(gzip().get(uris.get(0)).header("Content-Encoding")).isEqualTo("gzip");
        for (int round = 0; round < 3; round++) {
            for (String uri : uris) {
                Response plain = raw().get(uri);
                assertThat(plain.asByteArray()).as("%s, round %d", uri, round).isEqualTo(first.get(uri));
                assertThat(plain.header("Content-Length")).isEqualTo(Integer.toString(first.get(uri).length));
                Response gzip = gzip().get(uri);
                assertThat(gzip.asByteArray()).as("%s gzip, round %d", uri, round).isEqualTo(gzipped.get(uri));
            }
        }
        String metrics = raw().get("/q/metrics").then().statusCode(200).extract().asString();
        double direct = metrics.lines().filter(l -> l.startsWith("essays_http_direct_bytes"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
        assertThat(direct).isPositive().isLessThanOrEqualTo(TightSettingsProfile.DIRECT_BUDGET);
    }

    private static io.restassured.specification.RequestSpecification gzip() {
        return io.restassured.RestAssured.given().config(io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders())).header("Accept-Encoding", "gzip");
    }

    private static List<String> varyFields(Response r) {
        List<String> fields = new ArrayList<>();
        for (String value : r.headers().getValues("Vary")) {
            for (String field : value.split(",")) {
                fields.add(field.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return fields;
    }
}
