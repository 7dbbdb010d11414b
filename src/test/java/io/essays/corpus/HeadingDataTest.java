package io.essays.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.HeadingData;

/** Headings keep their section text and first paragraph as ranges of the essay's plain text, equal to the copies. */
class HeadingDataTest {
    static final String PLAIN = "Lead words. Temperature Dividing logits by T flattens. More text. Sampling Top-k keeps k.";

    @Test
    void aSectionHeldAsARangeOfThePlainTextEqualsItsCopy() {
        var copy = new HeadingData(2, "sampling", "Sampling", "Top-k keeps k.", "<p>Top-k keeps k.</p>",
                "Sampling Top-k keeps k.");
        HeadingData ranged = copy.within(PLAIN, new int[] {0});

        assertThat(ranged).isEqualTo(copy).hasSameHashCodeAs(copy);
        assertThat(ranged.sectionText()).isEqualTo("Sampling Top-k keeps k.");
        assertThat(ranged.firstParagraphText()).isEqualTo("Top-k keeps k.");
        assertThat(ranged.firstParagraphHtml()).isEqualTo("<p>Top-k keeps k.</p>");
    }

    @Test
    void theNextHeadingIsSearchedFromWhereThePreviousSectionStarts() {
        int[] start = {0};
        new HeadingData(2, "temperature", "Temperature", "Dividing logits by T flattens.", "<p>…</p>",
                "Temperature Dividing logits by T flattens. More text.").within(PLAIN, start);

        assertThat(start[0]).isEqualTo(PLAIN.indexOf("Temperature"));
    }

    @Test
    void aSectionNotInThePlainTextIsKeptAsItIs() {
        var heading = new HeadingData(2, "gone", "Gone", "Elsewhere.", "<p>Elsewhere.</p>", "Gone Elsewhere.");

        assertThat(heading.within(PLAIN, new int[] {0})).isSameAs(heading);
    }

    @Test
    void aFirstParagraphOutsideItsSectionIsKeptAsItIs() {
        var heading = new HeadingData(2, "sampling", "Sampling", "Not in the section.", "<p>x</p>",
                "Sampling Top-k keeps k.");

        HeadingData ranged = heading.within(PLAIN, new int[] {0});
        assertThat(ranged.firstParagraphText()).isEqualTo("Not in the section.");
        assertThat(ranged.sectionText()).isEqualTo("Sampling Top-k keeps k.");
    }
}
