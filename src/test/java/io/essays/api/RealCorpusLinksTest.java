package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;

import org.junit.jupiter.api.Test;

import io.essays.support.RealCorpusProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Imports the real corpus (content/): it must be valid, and the link properties must hold for every essay. */
@QuarkusTest
@TestProfile(RealCorpusProfile.class)
class RealCorpusLinksTest {

    @Test
    void realCorpusImportsAndHasALinkGraph() {
        given().get("/api/v1/graph").then().statusCode(200)
                .body("nodes.size()", greaterThan(0))
                .body("edges.size()", greaterThan(0));
    }

    @Test
    void linkPropertiesHoldForEveryEssay() {
        LinkGraphProperties.holdForEveryEssay();
    }
}
