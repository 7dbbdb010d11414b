package io.essays.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RelatedReasonsTest {

    @Test
    void scoreAddsTheDocumentedWeights() {
        var reasons = new RelatedReasons(true, true, List.of("a", "b"), List.of("c"), List.of("x"), "s");
        assertThat(reasons.score()).isEqualTo(3 + 3 + 2 + 1 + 1 + 0.5);
        assertThat(new RelatedReasons(false, false, List.of(), List.of(), List.of(), null).score()).isZero();
    }

    @Test
    void itemsListReasonsInFixedOrderWithTheirShare() {
        var reasons = new RelatedReasons(false, true, List.of(), List.of("c", "d"), List.of("x", "y"), "s");
        assertThat(reasons.items()).containsExactly(
                new RelatedReason("linked-from", 3, List.of()),
                new RelatedReason("both-link-to", 2, List.of("c", "d")),
                new RelatedReason("shared-tags", 2, List.of("x", "y")),
                new RelatedReason("same-series", 0.5, List.of("s")));
    }

    @Test
    void storedFormRoundTrips() {
        var reasons = new RelatedReasons(true, false, List.of("a", "b"), List.of(), List.of("x"), "series-one");
        assertThat(reasons.encode()).isEqualTo("links-to|co-cited-by:a,b|shared-tags:x|same-series:series-one");
        assertThat(RelatedReasons.decode(reasons.encode())).isEqualTo(reasons);
        assertThat(RelatedReasons.decode("")).isEqualTo(new RelatedReasons(false, false, List.of(), List.of(), List.of(), null));
    }
}
