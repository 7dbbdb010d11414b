package io.essays.api;

import static io.essays.api.HttpCachingTest.raw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.FastPath;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * What the fast path may answer: only URIs bound by resource methods that opted in, only with the query parameters
 * they declare, the same negotiation as JAX-RS, metrics under the route template, and bounded memory under a flood of
 * junk URIs. The cache lives in memory, so this runs on H2 only.
 */
@QuarkusTest
class FastPathTest {
    @Inject
    CorpusState state;

    @Inject
    FastPath fastPath;

    @TestHTTPResource("/")
    URL base;

    private CorpusSnapshot snapshot() {
        return state.current();
    }

    private boolean bound(String uri) {
        return snapshot().boundTo(uri) != null;
    }

    @Test
    void aResponseThatDependsOnAHeaderIsNeverBound() {
        String uri = "/test/probe/by-header";
        for (int i = 0; i < 3; i++) {
            given().header("X-Variant", "a").get(uri).then().statusCode(200).body("variant", org.hamcrest.Matchers.equalTo("a"));
            given().header("X-Variant", "b").get(uri).then().statusCode(200).body("variant", org.hamcrest.Matchers.equalTo("b"));
        }
        assertThat(bound(uri)).isFalse();
    }

    @Test
    void aResponseThatDependsOnAuthenticationIsNeverBound() {
        String uri = "/test/probe/by-auth";
        given().header("Authorization", "Bearer someone").get(uri).then().statusCode(200)
                .body("signedIn", org.hamcrest.Matchers.equalTo(true));
        given().get(uri).then().statusCode(200).body("signedIn", org.hamcrest.Matchers.equalTo(false));
        given().header("Authorization", "Bearer someone").get(uri).then().body("signedIn", org.hamcrest.Matchers.equalTo(true));
        assertThat(bound(uri)).isFalse();
    }

    @Test
    void onlyUrisWithTheParametersAMethodDeclaresAreBound() {
        given().get("/test/probe/pure?n=7").then().statusCode(200);
        assertThat(bound("/test/probe/pure?n=7")).isTrue();
        given().get("/test/probe/pure?n=7&_=123").then().statusCode(200).body("n", org.hamcrest.Matchers.equalTo("7"));
        assertThat(bound("/test/probe/pure?n=7&_=123")).isFalse();
        // a parameter given twice is a 400 problem (RepeatedQueryParameters), never bound
        given().get("/test/probe/pure?n=7&n=8").then().statusCode(400).contentType("application/problem+json");
        assertThat(bound("/test/probe/pure?n=7&n=8")).isFalse();

        raw().get("/api/v1/essays/first-steps?fields=title").then().statusCode(200);
        assertThat(bound("/api/v1/essays/first-steps?fields=title")).isTrue();
        String etag = raw().get("/api/v1/essays/first-steps?fields=title&utm_source=x").then().statusCode(200)
                .extract().header("ETag");
        assertThat(bound("/api/v1/essays/first-steps?fields=title&utm_source=x")).isFalse();
        // answered by JAX-RS from the one canonical representation
        assertThat(etag).isEqualTo(raw().get("/api/v1/essays/first-steps?fields=title").header("ETag"));
        // search responses are too varied to bind
        given().get("/api/v1/search?q=steps").then().statusCode(200);
        assertThat(bound("/api/v1/search?q=steps")).isFalse();
        // errors are never bound
        given().get("/api/v1/essays/nope").then().statusCode(404);
        assertThat(bound("/api/v1/essays/nope")).isFalse();
    }

    @Test
    void aBoundUriIsAnsweredByTheFastPath() {
        String uri = "/api/v1/essays/second-look/related?limit=2";
        Response first = raw().get(uri);
        long before = fastPath.served();
        Response second = raw().get(uri);
        assertThat(fastPath.served()).isEqualTo(before + 1);
        assertThat(second.asString()).isEqualTo(first.asString());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Last-Modified")).isEqualTo(first.header("Last-Modified"));
    }

    /**
     * RFC 9110 §12.5.1: the most specific range decides, so q=0 on application/json refuses JSON despite *\/*. The
     * fast path used to serve JSON to it while JAX-RS's own matching let it through too; now both honour it.
     */
    @Test
    void acceptIsNegotiatedAlikeOnTheFastPathAndThroughJaxRs() {
        String accept = "application/json;q=0, */*";
        raw().get("/api/v1/essays/first-steps?fields=slug,series").then().statusCode(200);
        Response viaFastPath = raw().header("Accept", accept).get("/api/v1/essays/first-steps?fields=slug,series");
        Response viaJaxRs = raw().header("Accept", accept).get("/api/v1/essays/first-steps?fields=series,slug");
        assertThat(viaJaxRs.statusCode()).isEqualTo(406);
        assertThat(viaFastPath.statusCode()).isEqualTo(406);
        assertThat(viaFastPath.contentType()).isEqualTo("application/problem+json");
        assertThat(viaFastPath.contentType()).isEqualTo(viaJaxRs.contentType());
        assertThat(viaFastPath.asString()).isEqualTo(viaJaxRs.asString());
        // a range that admits JSON is served by both
        raw().header("Accept", "text/html;q=0.9, application/*;q=0.1").get("/api/v1/essays/first-steps?fields=slug,series")
                .then().statusCode(200).contentType("application/json");
    }

    /** Neither asks for nor decodes compression: the only Accept-Encoding sent is the test's own. */
    private static io.restassured.specification.RequestSpecification undecoded() {
        return given().config(io.restassured.RestAssured.config().decoderConfig(
                io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()));
    }

    /** RFC 9110 §12.5.3: gzip;q=0 refuses gzip even when * accepts anything else. */
    @Test
    void gzipRefusedByNameIsNotChosenThroughAWildcard() {
        String uri = "/api/v1/essays/first-steps?fields=html,toc,summary,title,slug,tags,aliases,published,links,backlinks";
        for (int i = 0; i < 2; i++) { // the first through JAX-RS, the second on the fast path
            long served = fastPath.served();
            Response r = undecoded().header("Accept-Encoding", "gzip;q=0, *").get(uri);
            assertThat(fastPath.served()).isEqualTo(served + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.header("Content-Encoding")).isNull();
            assertThat(r.header("ETag")).doesNotEndWith("-gz\"");
            assertThat(r.asString()).startsWith("{");
        }
        Response anything = undecoded().header("Accept-Encoding", "*").get(uri);
        assertThat(anything.header("Content-Encoding")).isEqualTo("gzip");
        Response uppercase = undecoded().header("Accept-Encoding", "GZIP;q=0.5, identity;q=0.5").get(uri);
        assertThat(uppercase.header("Content-Encoding")).isEqualTo("gzip");
        Response identityFirst = undecoded().header("Accept-Encoding", "gzip;q=0.5, identity").get(uri);
        assertThat(identityFirst.header("Content-Encoding")).as("identity weighted above gzip").isNull();
        assertThat(identityFirst.asString()).startsWith("{");
    }

    /** The fast path records requests under the route template, as JAX-RS does, not one series per essay. */
    @Test
    void fastPathAndJaxRsRequestsLandInTheSameMetricsSeries() throws InterruptedException {
        String template = "/api/v1/essays/{slug}/mentions";
        String uri = "/api/v1/essays/third-way/mentions";
        long servedBefore = fastPath.served();
        double before = requestCount(template);
        raw().get(uri).then().statusCode(200);
        raw().get(uri).then().statusCode(200);
        raw().get(uri).then().statusCode(200);
        assertThat(fastPath.served() - servedBefore).isGreaterThanOrEqualTo(2);
        double after = before;
        for (int i = 0; i < 50 && after < before + 3; i++) {
            Thread.sleep(20);
            after = requestCount(template);
        }
        assertThat(after).isEqualTo(before + 3);
        assertThat(metrics()).doesNotContain("uri=\"" + uri + "\"");
    }

    /**
     * A client error that matched no resource (a 406 for an Accept nothing here meets, a 405) is counted under one
     * {@code uri} tag, not its path: a client sending junk paths must not use up the 100 tags that real endpoints need.
     */
    @Test
    void clientErrorsOnUnmatchedPathsDoNotUseUpTheMetricsUriTags() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            raw().header("Accept", "image/png").get("/api/v1/essays/junk-" + i).then().statusCode(406);
            raw().delete("/api/v1/essays/junk-" + i).then().statusCode(405);
        }
        String metrics = metrics();
        for (int i = 0; i < 50 && !metrics.contains("status=\"405\""); i++) {
            Thread.sleep(20);
            metrics = metrics();
        }
        assertThat(metrics).contains("status=\"406\"").contains("status=\"405\"").doesNotContain("junk-");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double requestCount(String template) {
        double sum = 0;
        for (String line : metrics().split("\n")) {
            if (line.startsWith("http_server_requests_seconds_count{") && line.contains("method=\"GET\"")
                    && line.contains("uri=\"" + template + "\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /**
     * Cache-busting query strings used to be bound, one entry each, until a count cap was reached. Now they are never
     * bound; the cache keeps its size and weight, the heap does not grow with them, and the fast path keeps serving.
     */
    @Test
    void twentyThousandJunkQueryStringsLeaveTheCacheBoundedAndTheFastPathServing() throws Exception {
        String path = "/api/v1/tags";
        String etag = raw().get(path).then().statusCode(200).extract().header("ETag");
        raw().get(path).then().statusCode(200);
        CorpusSnapshot snapshot = snapshot();
        long entries = snapshot.responses().size();
        long weight = snapshot.responses().weight();
        long boundUris = snapshot.responses().boundUris();
        long heapBefore = usedHeapAfterGc();

        int total = 20_000;
        int workers = 4;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = worker; i < total; i += workers) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/v1/tags?_=" + i)).build();
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200 && etag.equals(response.headers().firstValue("ETag").orElse(null))) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> result : results) {
                ok += result.get(5, TimeUnit.MINUTES);
            }
            assertThat(ok).as("every junk URI answered from the canonical representation").isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }

        assertThat(snapshot.responses().boundUris()).isEqualTo(boundUris);
        assertThat(snapshot.responses().size()).isEqualTo(entries);
        assertThat(snapshot.responses().weight()).isEqualTo(weight).isLessThanOrEqualTo(snapshot.responses().budget());
        assertThat(bound(path + "?_=" + (total - 1))).isFalse();
        long heapGrowth = usedHeapAfterGc() - heapBefore;
        assertThat(heapGrowth).as("heap growth in bytes").isLessThan(16L << 20);

        long served = fastPath.served();
        raw().get(path).then().statusCode(200).header("ETag", etag);
        assertThat(fastPath.served()).isEqualTo(served + 1);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
