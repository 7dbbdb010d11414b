package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A query parameter an operation takes, given twice, is a 400 naming it, on every kind of resource, never its first value
 * taken silently; one it does not take is ignored, repeated or not.
 */
@QuarkusTest
class RepeatedQueryParametersTest {

    @Test
    void aParameterGivenTwiceIsProblem400NamingItWhereverItIsSent() {
        for (String path : new String[] {"/api/v1/essays/first-steps?fields=slug&fields=title",
                "/api/v1/essays?series=alpha&size=2&series=beta", "/feeds/atom.xml?series=alpha&series=alpha",
                "/api/v1/search?q=setup&q=details", "/embed/essays/first-steps?theme=dark&theme=light",
                "/api/v1/essays/first-steps/preview?anchor=setup&anchor=setup"}) {
            String name = path.substring(path.indexOf('?') + 1, path.indexOf('='));
            given().urlEncodingEnabled(false).get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .header("Cache-Control", "no-store")
                    .body("type", equalTo("https://essays.dev/problems/invalid-parameter"))
                    .body("detail", equalTo("'" + name + "' is given 2 times; it takes one value (a list is "
                            + "comma-separated within it, as in fields=slug,title)"));
        }
    }

    @Test
    void eachParameterOnceIsAnsweredAndAnUnknownPathStaysA404() {
        given().get("/api/v1/essays/first-steps?fields=slug,title").then().statusCode(200)
                .body("slug", equalTo("first-steps"));
        given().urlEncodingEnabled(false).get("/api/v1/no-such-thing?a=1&a=2").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aParameterTheOperationDoesNotTakeIsIgnoredEvenRepeated() {
        String tags = given().get("/api/v1/tags").then().statusCode(200).extract().asString();
        given().urlEncodingEnabled(false).get("/api/v1/tags?utm_source=a&utm_source=b").then().statusCode(200)
                .contentType("application/json")
                .body(equalTo(tags));
        given().urlEncodingEnabled(false).get("/api/v1/essays/first-steps?utm_source=a&fields=slug&utm_source=b")
                .then().statusCode(200)
                .body("slug", equalTo("first-steps"))
                .body("title", nullValue());
    }
}
