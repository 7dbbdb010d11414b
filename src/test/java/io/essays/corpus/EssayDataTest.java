package io.essays.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusSnapshot.EssayData;

/** An essay keeps its source and HTML as UTF-8 and gives back exactly the strings it was made with. */
class EssayDataTest {
    static final String SOURCE = "---\ntitle: Softmax — a “gentle” look\n---\nThe $\\beta$ of Łukasiewicz: 🙂\n";
    static final String HTML = "<p>The <math><mi>β</mi><mo>−</mo></math> of Łukasiewicz: 🙂</p>";
    static final String HTML_TEX = "<p>The <span class=\"math\">\\(\\beta\\)</span> of Łukasiewicz: 🙂</p>";

    static EssayData essay(String source, String html, String htmlTex) {
        return new EssayData("softmax", "Softmax", "foundations", 1, "Summary", List.of("probability"), List.of(),
                LocalDate.of(2026, 1, 2), null, 10, 1, source, html, htmlTex, "plain", "lead", List.of(), List.of(),
                List.of());
    }

    @Test
    void sourceAndBothHtmlVariantsComeBackExactly() {
        EssayData e = essay(SOURCE, HTML, HTML_TEX);

        assertThat(e.source()).isEqualTo(SOURCE);
        assertThat(e.html()).isEqualTo(HTML);
        assertThat(e.htmlTex()).isEqualTo(HTML_TEX);
    }

    @Test
    void htmlWithoutMathServesBothVariants() {
        EssayData e = essay(SOURCE, "<p>No math — here.</p>", "<p>No math — here.</p>");

        assertThat(e.htmlTex()).isEqualTo(e.html()).isEqualTo("<p>No math — here.</p>");
    }

    @Test
    void essaysAreEqualByValueLikeRecords() {
        assertThat(essay(SOURCE, HTML, HTML_TEX)).isEqualTo(essay(SOURCE, HTML, HTML_TEX))
                .hasSameHashCodeAs(essay(SOURCE, HTML, HTML_TEX))
                .isNotEqualTo(essay(SOURCE, HTML, HTML));
    }

    @Test
    void longPlainTextIsHeldPackedAndItsSectionsAreCutFromIt() {
        String intro = "Introduction. " + "Scores become probabilities once exponentiated and normalised. ".repeat(20);
        String body = "Temperature. " + "Dividing the logits by T flattens or sharpens the distribution. ".repeat(30);
        String plain = intro + body;
        var headings = List.of(
                new CorpusSnapshot.HeadingData(2, "introduction", "Introduction", "Scores become probabilities",
                        "<p>Scores become probabilities</p>", intro),
                new CorpusSnapshot.HeadingData(2, "temperature", "Temperature", "Dividing the logits by T",
                        "<p>Dividing the logits by T</p>", body));
        EssayData e = new EssayData("softmax", "Softmax", "foundations", 1, "Summary", List.of(), List.of(),
                LocalDate.of(2026, 1, 2), null, 10, 1, SOURCE, HTML, HTML_TEX, plain, "lead", headings, List.of(),
                List.of());

        assertThat(e.plainText()).isEqualTo(plain);
        assertThat(e.headings()).extracting(CorpusSnapshot.HeadingData::sectionText).containsExactly(intro, body);
        assertThat(e.headings().get(1).firstParagraphText()).isEqualTo("Dividing the logits by T");
        assertThat(e.headings()).isEqualTo(headings);
        assertThat(PackedText.of(plain).packed()).as("long enough to be packed").isTrue();
    }
}
