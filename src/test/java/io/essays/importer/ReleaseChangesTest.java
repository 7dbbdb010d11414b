package io.essays.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReleaseChangesTest {

    @Test
    void essaysAreAddedChangedOrDeletedBySlugInAlphabeticalOrder() {
        var changes = ReleaseChanges.between(
                Map.of("b", "same", "a", "old", "z", "gone", "y", "gone too"),
                Map.of("b", "same", "a", "new", "c", "new essay", "d", "another"));
        assertThat(changes.added()).containsExactly("c", "d");
        assertThat(changes.changed()).containsExactly("a");
        assertThat(changes.deleted()).containsExactly("y", "z");
    }

    @Test
    void theFirstReleaseAddsEveryEssay() {
        var changes = ReleaseChanges.between(Map.of(), Map.of("b", 1, "a", 2));
        assertThat(changes.added()).containsExactly("a", "b");
        assertThat(changes.changed()).isEmpty();
        assertThat(changes.deleted()).isEmpty();
    }

    @Test
    void identicalReleasesChangeNothing() {
        assertThat(ReleaseChanges.between(Map.of("a", "x"), Map.of("a", "x"))).isEqualTo(ReleaseChanges.NONE);
    }
}
