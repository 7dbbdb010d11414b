package io.essays.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusLoaded;
import io.essays.corpus.CorpusState;
import io.essays.corpus.SnapshotSource;
import io.essays.importer.ImportService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;

/**
 * Only the first release a replica loads, when it serves nothing yet (at start-up, or after the first import into an
 * empty database), lets its observers build in the background, readiness waiting for them; every later release is
 * served only once they have built everything.
 */
@QuarkusTest
class FirstServedReleaseTest {
    @Inject
    SnapshotSource snapshots;
    @Inject
    EssaysConfig config;
    @Inject
    ImportService imports;

    @Test
    void onlyTheFirstReleaseLoadedIsMarkedNothingServed() {
        var events = new ArrayList<CorpusLoaded>();
        var state = new CorpusState(new Recording(events), snapshots, config, new SimpleMeterRegistry());
        assertThat(state.loaded()).isEmpty();
        assertThat(state.refresh()).isTrue();
        assertThat(state.refresh()).as("nothing newer").isFalse();
        Path copy = Corpora.copyOfFixture("first-served");
        try {
            Corpora.edit(copy.resolve("essays/third-way.md"), "Last words.", "Last words, a second release.");
            imports.importFrom(copy);
            assertThat(state.refresh()).isTrue();
        } finally {
            imports.importFrom(Corpora.FIXTURE);
            Corpora.delete(copy);
        }
        assertThat(events).extracting(CorpusLoaded::nothingServed).containsExactly(true, false);
        assertThat(events.get(1).snapshot().releaseId()).isGreaterThan(events.get(0).snapshot().releaseId());
    }

    /** Records what would be delivered to observers. */
    private record Recording(List<CorpusLoaded> events) implements Event<CorpusLoaded> {
        @Override
        public void fire(CorpusLoaded event) {
            events.add(event);
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
