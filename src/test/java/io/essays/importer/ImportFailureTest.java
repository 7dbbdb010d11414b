package io.essays.importer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.essays.ops.Imports;
import io.essays.store.FailingWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An import that fails for a reason other than content problems (here: the database refuses the write) is a reported
 * problem: at startup it is logged and the service keeps running; on the admin endpoint the import fails with an error that
 * names the step and the cause, and the previous release is still served.
 * (The admin import runs in the background: the failure is the import's status, with the same text.)
 */
@QuarkusTest
@TestProfile(ImportFailureTest.Profile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportFailureTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingWriter.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:import-failure;DB_CLOSE_DELAY=-1");
        }
    }

    @Test
    @Order(1)
    void aFailedStartupImportLeavesTheServiceRunningAndNotReady() {
        assertThat(FailingWriter.refused).as("the startup import reached the write").isEqualTo(1);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503);
        given().get("/api/v1/series").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("No corpus has been imported yet; check the service log for content problems"));
    }

    @Test
    @Order(2)
    void anAdminImportWhoseWriteFailsNamesTheStepAndTheOldReleaseIsStillServed() {
        FailingWriter.failing = false;
        var first = Imports.awaitFinished(given().header("Authorization", "Bearer test-admin-token-0123")
                .post("/api/v1/admin/import").then().statusCode(202).extract().header("Location"));
        assertThat(first.getString("state")).isEqualTo("succeeded");
        assertThat(first.getLong("result.releaseId")).isEqualTo(1);
        given().get("/api/v1/series").then().statusCode(200).body("slug", contains("alpha", "beta", "gamma"));

        FailingWriter.failing = true;
        var failed = Imports.awaitFinished(given().header("Authorization", "Bearer test-admin-token-0123")
                .post("/api/v1/admin/import").then().statusCode(202).extract().header("Location"));
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("error")).isEqualTo("Import failed while writing to the database: SQLException: "
                + "Value too long for column \"TEXT CHARACTER VARYING(1000)\"; nothing changed, release 1 is still served");
        assertThat(failed.getString("result")).isNull();
        given().get("/api/v1/series").then().statusCode(200).body("slug", contains("alpha", "beta", "gamma"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
