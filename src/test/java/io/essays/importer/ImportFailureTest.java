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

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An import that fails for a reason other than content problems (here: the database refuses the write) is a reported
 * problem: at startup it is logged and the service keeps running; on the admin endpoint it is a 422 problem+json that
 * names the step and the cause, and the previous release is still served.
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
    void anAdminImportWhoseWriteFailsIs422AndTheOldReleaseIsStillServed() {
        FailingWriter.failing = false;
        given().header("Authorization", "Bearer test-token").post("/api/v1/admin/import").then().statusCode(200)
                .body("releaseId", equalTo(1));
        given().get("/api/v1/series").then().statusCode(200).body("slug", contains("alpha", "beta", "gamma"));

        FailingWriter.failing = true;
        given().header("Authorization", "Bearer test-token").post("/api/v1/admin/import").then().statusCode(422)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://essays.dev/problems/import-failed"))
                .body("title", equalTo("Import Failed"))
                .body("status", equalTo(422))
                .body("detail", equalTo("Import failed while writing to the database: SQLException: Value too long "
                        + "for column \"TEXT CHARACTER VARYING(1000)\"; nothing changed, release 1 is still served"));
        given().get("/api/v1/series").then().statusCode(200).body("slug", contains("alpha", "beta", "gamma"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
