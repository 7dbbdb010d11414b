package io.essays.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Release times: whole seconds, strictly increasing from one release to the next. */
class ReleaseTimeTest {
    static final Instant PREVIOUS = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFirstReleaseIsImportedNowToTheSecond() {
        assertThat(CorpusWriter.releaseTime(null, Instant.parse("2026-12-01T10:00:07.999Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:07Z"));
    }

    @Test
    void aReleaseLaterThanOneSecondAfterThePreviousIsImportedNow() {
        assertThat(CorpusWriter.releaseTime(PREVIOUS, Instant.parse("2026-12-01T10:05:00.250Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:05:00Z"));
    }

    @Test
    void aReleaseWithinTheSameSecondIsOneSecondAfterThePrevious() {
        assertThat(CorpusWriter.releaseTime(PREVIOUS, Instant.parse("2026-12-01T10:00:00.400Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:01Z"));
    }

    @Test
    void aClockThatSteppedBackStillMovesReleasesForward() {
        assertThat(CorpusWriter.releaseTime(PREVIOUS, Instant.parse("2026-12-01T09:59:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:01Z"));
    }

    @Test
    void aPreviousReleaseWithMillisecondsCountsFromItsWholeSecond() {
        assertThat(CorpusWriter.releaseTime(Instant.parse("2026-12-01T10:00:00.900Z"), Instant.parse("2026-12-01T10:00:00.950Z")))
                .isEqualTo(Instant.parse("2026-12-01T10:00:01Z"));
    }
}
