package io.essays.ops;

import static io.essays.ops.Imports.TOKEN;
import static io.essays.ops.Imports.awaitFinished;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.essays.corpus.CorpusState;
import io.essays.importer.ImportService;
import io.essays.importer.OlderContentException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A replica whose copy of the content is out of date (a stale git-sync volume, an old image restarted) holds exactly
 * what an older release held; importing it would undo the newer release everywhere. It is refused, at startup and on
 * an admin import, until an admin import allows it once.
 */
@QuarkusTest
@TestProfile(OlderContentTest.Profile.class)
class OlderContentTest {
    static final Path FIXTURE = Path.of("src/test/resources/fixture");

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:older-content;DB_CLOSE_DELAY=-1",
                    "essays.refuse-older-content", "true");
        }
    }

    @Inject
    ImportService imports;

    @Inject
    CorpusState state;

    @Test
    void contentOfAnOlderReleaseIsRefusedUntilAnAdminImportAllowsIt(@TempDir Path copy) throws IOException {
        long first = state.current().releaseId(); // the fixture, imported at startup
        OpsResource.copy(FIXTURE, copy);
        Files.writeString(copy.resolve("essays/third-way.md"), "\nA newer edit.\n", StandardOpenOption.APPEND);
        long newer = imports.importFrom(copy).releaseId();
        assertThat(newer).isGreaterThan(first);

        // the configured directory still holds the fixture: release `first`'s content
        var refused = catchThrowableOfType(OlderContentException.class, () -> imports.importFrom(FIXTURE));
        assertThat(refused.getMessage()).contains("holds the content of release " + first + ", older than release "
                + newer, "allowOlder=true");
        JsonPath failed = awaitFinished(given().header("Authorization", TOKEN).post("/api/v1/admin/import")
                .then().statusCode(202).extract().header("Location"));
        assertThat(failed.getString("state")).isEqualTo("failed");
        assertThat(failed.getString("error")).contains("release " + first + ", older than release " + newer,
                "nothing changed");
        assertThat(state.current().releaseId()).isEqualTo(newer);
        given().get("/api/v1/releases").then().statusCode(200).body("[0].id", equalTo((int) newer));

        given().header("Authorization", TOKEN).queryParam("allowOlder", "yes").post("/api/v1/admin/import").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("'allowOlder' must be true or false, got 'yes'"));

        JsonPath back = awaitFinished(given().header("Authorization", TOKEN).queryParam("allowOlder", "true")
                .post("/api/v1/admin/import").then().statusCode(202).extract().header("Location"));
        assertThat(back.getString("state")).as(back.prettify()).isEqualTo("succeeded");
        assertThat(back.getBoolean("result.changed")).isTrue();
        assertThat(back.getLong("result.releaseId")).isEqualTo(newer + 1);
        assertThat(state.current().releaseId()).isEqualTo(newer + 1);
        // now the newest: unchanged, not older
        assertThat(imports.importFrom(FIXTURE).changed()).isFalse();
    }
}
