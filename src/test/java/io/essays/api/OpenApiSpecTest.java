package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
