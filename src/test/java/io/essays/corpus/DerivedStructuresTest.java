package io.essays.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Structures derived from a snapshot: built once, waited for while building, retried after a failure. */
class DerivedStructuresTest {
    private final CorpusSnapshot snapshot = new CorpusSnapshot(1, "hash", Instant.EPOCH, List.of(), List.of(), Map.of(),
            Map.of(), Map.of(), new TreeMap<>(), Map.of(), 1024);

    record Index(int builds) {
    }

    @Test
    void aStructureIsBuiltOnceAndSharedByEveryCaller() {
        var builds = new AtomicInteger();
        Index first = snapshot.derived(Index.class, s -> new Index(builds.incrementAndGet()));
        Index second = snapshot.derived(Index.class, s -> new Index(builds.incrementAndGet()));
        assertThat(second).isSameAs(first);
        assertThat(builds).hasValue(1);
        assertThat(snapshot.prepared()).isTrue();
    }

    @Test
    void aBackgroundBuildIsWaitedForAndNotRepeated() throws InterruptedException {
        var release = new CountDownLatch(1);
        var builds = new AtomicInteger();
        snapshot.prepareInBackground(Index.class, s -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Index(builds.incrementAndGet());
        });
        assertThat(snapshot.prepared()).as("still building").isFalse();
        var asked = new Thread(() -> snapshot.derived(Index.class, s -> new Index(100 + builds.incrementAndGet())));
        asked.start();
        release.countDown();
        asked.join(10_000);
        assertThat(snapshot.derived(Index.class, s -> new Index(-1)).builds()).isEqualTo(1);
        assertThat(builds).hasValue(1);
        assertThat(snapshot.prepared()).isTrue();
    }

    @Test
    void aFailedBuildIsForgottenSoTheNextCallerBuildsAgain() {
        assertThatThrownBy(() -> snapshot.derived(Index.class, s -> {
            throw new IllegalStateException("broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
        assertThat(snapshot.prepared()).isTrue();
        assertThat(snapshot.derived(Index.class, s -> new Index(7)).builds()).isEqualTo(7);
    }
}
