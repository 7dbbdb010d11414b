package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The committed spec under openapi/ must equal what the build generates. To refresh it after an API change:
 * {@code ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true}.
 */
@QuarkusTest
class OpenApiSpecTest {

    @Test
    void committedYamlSpecMatchesTheGeneratedOne() throws IOException {
        check("yaml", Path.of("openapi/openapi.yaml"));
    }

    @Test
    void committedJsonSpecMatchesTheGeneratedOne() throws IOException {
        check("json", Path.of("openapi/openapi.json"));
    }

    /**
     * What a generated client types from: every count is an integer with its lower bound (a TypeScript client then
     * takes {@code size: 3}, not {@code size: "3"}), and every parameter with a fixed set of values lists them.
     */
    @Test
    void numericAndEnumeratedParametersAreTypedForGeneratedClients() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        var integers = new TreeSet<String>();
        var enumerated = new TreeSet<String>();
        paths.forEach((path, operations) -> ((Map<?, ?>) operations).forEach((method, operation) -> {
            var parameters = (List<?>) ((Map<?, ?>) operation).get("parameters");
            for (Object p : parameters == null ? List.of() : parameters) {
                var parameter = (Map<?, ?>) p;
                var schema = (Map<?, ?>) parameter.get("schema");
                String name = (String) parameter.get("name");
                String where = method + " " + path + " " + name;
                if (COUNTS.contains(name)) {
                    assertThat(schema.get("type")).as(where).isEqualTo("integer");
                    assertThat(schema.get("minimum")).as(where).isNotNull();
                    integers.add(name);
                }
                if (ENUMERATED.contains(name)) {
                    assertThat((List<?>) schema.get("enum")).as(where).isNotEmpty();
                    enumerated.add(name);
                }
            }
        }));
        assertThat(integers).as("integer parameters found").isEqualTo(COUNTS);
        assertThat(enumerated).as("enumerated parameters found").isEqualTo(ENUMERATED);
    }

    private static final Set<String> COUNTS = new TreeSet<>(Set.of("page", "size", "limit", "depth", "maxwidth",
            "maxheight", "id"));
    private static final Set<String> ENUMERATED = new TreeSet<>(Set.of("sort", "math", "format", "theme"));

    /**
     * Every path of the spec answers a method it does not have with a 405 problem whose {@code Allow} header lists
     * exactly the spec's methods for it, plus HEAD with GET and OPTIONS (RFC 9110 requires the header).
     */
    @Test
    void everyPathAnswersAMethodItLacksWith405AndAllowListingWhatItAnswers() {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        assertThat(paths).hasSizeGreaterThan(30);
        paths.forEach((template, operations) -> {
            var methods = new ArrayList<String>();
            for (String method : List.of("get", "head", "post", "put", "patch", "delete", "options")) {
                if (((Map<?, ?>) operations).containsKey(method) || method.equals("options")
                        || method.equals("head") && ((Map<?, ?>) operations).containsKey("get")) {
                    methods.add(method.toUpperCase(Locale.ROOT));
                }
            }
            String path = template.replaceAll("\\{[^}]+}", "x");
            given().options(path).then().statusCode(200).header("Allow", not(emptyOrNullString()));
            String wrong = methods.contains("PUT") ? "PATCH" : "PUT";
            given().request(wrong, path).then()
                    .statusCode(405)
                    .contentType("application/problem+json")
                    .header("Allow", equalTo(String.join(", ", methods)))
                    .body("detail", equalTo(wrong + " is not allowed on " + path + "; it answers "
                            + String.join(", ", methods)));
        });
    }

    @Test
    void swaggerUiIsServedAndRefusesToBeFramed() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("swagger-ui"))
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
        given().get("/q/openapi").then().statusCode(200).header("X-Frame-Options", nullValue());
    }

    private static void check(String format, Path committed) throws IOException {
        String generated = given().queryParam("format", format).get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("run ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true").exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("%s is stale: run ./mvnw test -Dtest=OpenApiSpecTest -Dopenapi.update=true", committed)
                .isEqualTo(generated);
    }
}
