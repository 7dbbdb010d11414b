package io.essays.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusLoaded;
import io.essays.corpus.CorpusState;
import io.essays.essay.EssayService;
import io.essays.essay.SparseFields;
import io.essays.importer.ImportService;
import io.essays.support.PostgresProfile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

/**
 * A token issued by one replica is answered by another that shares only the database and the secret. The second
 * replica is built in this JVM from new instances of everything that holds state (its own snapshot loader, sync
 * history reader, token signer and sync service, none of them the application's beans), over the same PostgreSQL: it
 * knows nothing of the first one's memory, as a second process would not. Stateless helpers (the essay service,
 * Jackson) are shared.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
class SyncReplicaTest {
    @Inject
    ImportService imports;
    @Inject
    DataSource dataSource;
    @Inject
    EssaysConfig config;
    @Inject
    EssayService essays;
    @Inject
    SparseFields fields;
    @Inject
    ObjectMapper mapper;

    @AfterEach
    void restoreFixture() {
        imports.importFrom(Corpora.FIXTURE);
    }

    /** Another replica: its own state, loaded from the shared database, as after its own start. */
    final class Replica {
        final SyncService sync = new SyncService(essays, fields, mapper, new SyncHistory(dataSource),
                new SyncTokens(config), config);
        final CorpusState state = new CorpusState(new Fire(sync), config, new SimpleMeterRegistry());

        Replica() {
            state.refresh();
        }

        JsonNode get(String token, int limit) throws java.io.IOException {
            var request = sync.request(token, Integer.toString(limit), null, 50, 200);
            return SyncClient.JSON.readTree(mapper.writeValueAsBytes(sync.page(state.current(), request)));
        }
    }

    @Test
    void tokenIssuedByOneReplicaIsAnsweredByAnotherFromTheDatabase() throws Exception {
        String token = new SyncClient().sync(50).token;
        Path copy = Corpora.copyOfFixture("sync-replica");
        try {
            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words.", "Last words, from the other replica.");
            imports.importFrom(copy);
            var other = new Replica();
            JsonNode there = other.get(token, 50);
            JsonNode here = SyncClient.JSON.readTree(given().get("/api/v1/sync?token=" + token).asByteArray());
            assertThat(there).isEqualTo(here);
            assertThat(there.get("items")).hasSize(1);
            assertThat(there.get("items").get(0).get("essay").get("html").asText()).contains("from the other replica");
            // and back: the other replica's token (the same bytes, signed with the shared secret) works here
            String next = there.get("nextSyncToken").asText();
            given().get("/api/v1/sync?token=" + next).then().statusCode(200)
                    .body("items", org.hamcrest.Matchers.hasSize(0));
            // a page cursor issued here continues there
            String cursor = SyncClient.JSON.readTree(given().get("/api/v1/sync?limit=2").asByteArray()).get("next").asText();
            String cursorToken = cursor.substring(cursor.indexOf("token=") + 6, cursor.indexOf('&'));
            JsonNode secondPage = other.get(cursorToken, 2);
            assertThat(secondPage).isEqualTo(SyncClient.JSON.readTree(given().urlEncodingEnabled(false).get(cursor).asByteArray()));
        } finally {
            Corpora.delete(copy);
        }
    }

    /** Delivers CorpusLoaded to the replica's own sync service, as CDI does for the application's. */
    private record Fire(SyncService sync) implements Event<CorpusLoaded> {
        @Override
        public void fire(CorpusLoaded event) {
            sync.onLoaded(event);
        }

        @Override
        public <U extends CorpusLoaded> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CorpusLoaded> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<CorpusLoaded> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends CorpusLoaded> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends CorpusLoaded> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
