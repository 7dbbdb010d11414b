package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.essays.EssaysConfig;
import io.essays.EssaysConfig.Paging;
import io.essays.EssaysConfig.Sync;
import io.essays.support.FixtureGraphProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A deployment that configures other page-size bounds serves a spec that states them, and enforces what it states:
 * a client generated from {@code /q/openapi} never sends a size the service refuses.
 */
@QuarkusTest
@TestProfile(FixtureGraphProfile.class) // page sizes 2 (default) to 40, sync limits 3 to 70
class ConfiguredBoundsTest {

    @Test
    void theServedSpecStatesTheConfiguredPageSizeBounds() {
        JsonPath spec = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        for (String path : new String[] {"/api/v1/essays", "/api/v1/search"}) {
            String size = "paths.'" + path + "'.get.parameters.find { it.name == 'size' }";
            assertThat(spec.getMap(size))
                    .containsEntry("description", "Page size, 1 to 40 (default 2)")
                    .containsEntry("example", 2);
            assertThat(spec.getMap(size + ".schema"))
                    .containsEntry("maximum", 40).containsEntry("default", 2).containsEntry("minimum", 1);
        }
        String limit = "paths.'/api/v1/sync'.get.parameters.find { it.name == 'limit' }";
        assertThat(spec.getMap(limit))
                .containsEntry("description", "Items per page, 1 to 70 (default 3)");
        assertThat(spec.getMap(limit + ".schema"))
                .containsEntry("maximum", 70).containsEntry("default", 3);
    }

    @Test
    void theServiceEnforcesTheBoundsItsSpecStates() {
        given().get("/api/v1/essays").then().statusCode(200).body("items", hasSize(2))
                .header("Link", containsString("rel=\"next\""));
        given().get("/api/v1/essays?size=40").then().statusCode(200).body("items", hasSize(5)); // the whole corpus
        given().get("/api/v1/essays?size=41").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("40"));
        given().queryParam("q", "first").queryParam("size", 41).get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/sync").then().statusCode(200).body("items", hasSize(3)); // the configured default
        given().get("/api/v1/sync?limit=70").then().statusCode(200);
        given().get("/api/v1/sync?limit=71").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
    }

    @Test
    void theDescriptionsForConfiguredBoundsAreTheAnnotationsOwnForTheDefaults() {
        assertThat(EssaysConfig.bounds(Paging.SIZE, Integer.parseInt(Paging.MAX_SIZE),
                Integer.parseInt(Paging.DEFAULT_SIZE))).isEqualTo(Paging.SIZE_DESCRIPTION);
        assertThat(EssaysConfig.bounds(Sync.LIMIT, Integer.parseInt(Sync.MAX_LIMIT),
                Integer.parseInt(Sync.DEFAULT_LIMIT))).isEqualTo(Sync.LIMIT_DESCRIPTION);
    }
}
