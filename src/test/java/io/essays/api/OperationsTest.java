package io.essays.api;

import static io.restassured.RestAssured.given;
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
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void adminImportNeedsTheBearerToken() {
        given().post("/api/v1/admin/import").then().statusCode(401)
                .contentType("application/problem+json")
                .body("detail", equalTo("Send 'Authorization: Bearer <essays.admin-token>'"));
        given().header("Authorization", "Bearer wrong").post("/api/v1/admin/import").then().statusCode(401);
    }

    @Test
    void adminImportOfUnchangedContentReportsUnchanged() {
        given().header("Authorization", "Bearer test-token").post("/api/v1/admin/import").then().statusCode(200)
                .body("changed", equalTo(false))
                .body("essays", equalTo(3))
                .body("series", equalTo(3))
                .body("links", equalTo(4));
    }
}
