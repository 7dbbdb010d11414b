package io.essays.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.RelatedData;
import io.essays.links.LinkAnalysis.Related;
import io.essays.links.RelatedReasons;

/** The one-row-per-essay form of related essays: ranks are line numbers, scores and reasons read back exactly. */
class RelatedEntriesTest {
    private static final RelatedReasons LINKED = new RelatedReasons(true, false, List.of("a", "b"), List.of(),
            List.of("x"), "s");
    private static final RelatedReasons SERIES = new RelatedReasons(false, false, List.of(), List.of(), List.of(), "s");

    @Test
    void relatedEssaysReadBackInRankOrderWithScoreAndReasons() {
        String stored = RelatedEntries.encode(List.of(new Related("e", "f", 1, LINKED.score(), LINKED),
                new Related("e", "g", 2, SERIES.score(), SERIES)));

        assertThat(stored).isEqualTo("f\t6.5\tlinks-to|co-cited-by:a,b|shared-tags:x|same-series:s\ng\t0.5\tsame-series:s");
        assertThat(RelatedEntries.decode("e", stored, s -> s)).containsExactly(
                new RelatedData("e", 1, "f", 6.5, LINKED.encode()), new RelatedData("e", 2, "g", 0.5, SERIES.encode()));
    }

    @Test
    void anEntryWithoutReasonsAndAPostgresFormattedScoreReadBack() {
        assertThat(RelatedEntries.decode("e", "f\t1e-05\t\ng\t3\t", s -> s)).containsExactly(
                new RelatedData("e", 1, "f", 1.0E-5, ""), new RelatedData("e", 2, "g", 3.0, ""));
    }

    @Test
    void noRelatedEssaysIsAnEmptyList() {
        assertThat(RelatedEntries.encode(List.of())).isEmpty();
        assertThat(RelatedEntries.decode("e", "", s -> s)).isEmpty();
    }

    @Test
    void relatedEssaysOutOfRankOrderAreRefused() {
        assertThatThrownBy(() -> RelatedEntries.encode(List.of(new Related("e", "f", 2, SERIES.score(), SERIES))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank order");
    }

    @Test
    void aMalformedEntryIsReportedWithItsEssay() {
        assertThatThrownBy(() -> RelatedEntries.decode("e", "f\t1\tok\ng 2", s -> s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of e: 'g 2'");
    }
}
