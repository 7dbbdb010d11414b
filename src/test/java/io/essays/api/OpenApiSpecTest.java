package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
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
