package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and the admin import endpoint. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessIsUpWithTheLoadedRelease() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("corpus"))
                .body("checks.find { it.name == 'corpus' }.data.essays", equalTo(3));
    }

    @Test
    void httpRunsOnOneIoThreadFewerThanTheCoresUnlessConfigured() {
        var value = org.eclipse.microprofile.config.ConfigProvider.getConfig().getConfigValue("quarkus.http.io-threads");
        assertThat(value.getValue())
                .isEqualTo(Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() - 1)));
        assertThat(value.getSourceName()).isEqualTo("essays-io-threads");
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("essays_http_cache_bytes"))
                .body(containsString("essays_http_cache_entries"))
                .body(containsString("essays_http_cache_budget_bytes 6.7108864E7"))
                .body(containsString("essays_http_fast_path_responses_total"));
    }

    @Test
    void adminImportNeedsTheBearerToken() {
        given().post("/api/v1/admin/import").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\""))
                .body("detail", equalTo("Send 'Authorization: Bearer <essays.admin-token>'"));
        // RFC 9110 §11.6.1: every 401 carries a challenge; RFC 6750 §3.1: a wrong token is invalid_token
        given().header("Authorization", "Bearer wrong").post("/api/v1/admin/import").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"essays-admin\", error=\"invalid_token\""));
    }

    /** Used to be a bare 414 from the HTTP codec, with no body saying what the limit is. */
    @Test
    void aUriOverTheLimitIsProblem414() {
        String longQuery = "a".repeat(5_000);
        given().get("/api/v1/essays?tag=" + longQuery).then().statusCode(414)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo(414))
                .body("title", equalTo("URI Too Long"))
                .body("type", equalTo("https://essays.dev/problems/uri-too-long"))
                .body("detail", containsString("at most 4096"));
        // just under the limit, the request is answered by the resource
        String path = "/api/v1/essays?tag=";
        given().get(path + "b".repeat(4096 - path.length())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("tag"));
    }

    @Test
    void adminImportOfUnchangedContentReportsUnchanged() {
        String location = given().header("Authorization", "Bearer test-admin-token-0123").post("/api/v1/admin/import").then()
                .statusCode(202).extract().header("Location");
        var done = io.essays.ops.Imports.awaitFinished(location);
        org.assertj.core.api.Assertions.assertThat(done.getString("state")).isEqualTo("succeeded");
        org.assertj.core.api.Assertions.assertThat(done.getBoolean("result.changed")).isFalse();
        org.assertj.core.api.Assertions.assertThat(done.getInt("result.essays")).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(done.getInt("result.series")).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(done.getInt("result.links")).isEqualTo(4);
    }
}
