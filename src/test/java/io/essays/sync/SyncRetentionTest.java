package io.essays.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.essays.importer.ImportService;
import io.essays.support.TightSettingsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** With the history kept for two releases, a token three releases old is gone, and its app starts over. */
@QuarkusTest
@TestProfile(TightSettingsProfile.class) // keeps the sync history of the two newest releases
class SyncRetentionTest {
    @Inject
    ImportService imports;

    @AfterEach
    void restoreFixture() {
        imports.importFrom(Corpora.FIXTURE);
    }

    @Test
    void tokenOlderThanTheRetainedHistoryIsGone410AndAnInitialSyncRecovers() {
        SyncClient app = new SyncClient().sync(50);
        String old = app.token;
        Path copy = Corpora.copyOfFixture("sync-retention");
        try {
            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words.", "Last words, one.");
            imports.importFrom(copy);
            // one release later: still answered
            given().get("/api/v1/sync?token=" + old).then().statusCode(200);
            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words, one.", "Last words, two.");
            imports.importFrom(copy);
            given().get("/api/v1/sync?token=" + old).then().statusCode(410)
                    .header("Content-Type", "application/problem+json")
                    .body("type", equalTo("https://essays.dev/problems/sync-restart-required"))
                    .body("detail", containsString("older than the history this service keeps"));
            app.sync(50);
            assertThat(app.restarts).isEqualTo(1);
            assertThat(app.store).isEqualTo(SyncClient.fresh(50));
        } finally {
            Corpora.delete(copy);
        }
    }
}
