package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The passage shown around a link or a mention: its sentence, or at most 160 characters each side, cut at a space. */
class SnippetsTest {

    private static Snippets.Snippet around(String text, String match) {
        int start = text.indexOf(match);
        return Snippets.around(text, start, start + match.length());
    }

    private static String words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> String.format(java.util.Locale.ROOT, "w%02d", i))
                .collect(Collectors.joining(" "));
    }

    @Test
    void theSentenceHoldingTheMatchIsCutOut() {
        var s = around("First one. The softmax is here. Last one.", "softmax");
        assertThat(s.text()).isEqualTo("The softmax is here.");
        assertThat(s.html()).isEqualTo("The <mark>softmax</mark> is here.");
    }

    @Test
    void aMatchAtTheVeryStartHasNoLeadingEllipsis() {
        var s = around("softmax turns scores into probabilities. More follows.", "softmax");
        assertThat(s.text()).isEqualTo("softmax turns scores into probabilities.");
        assertThat(s.html()).isEqualTo("<mark>softmax</mark> turns scores into probabilities.");
    }

    @Test
    void questionAndExclamationMarksEndSentences() {
        assertThat(around("Why? The softmax! Then more.", "softmax").text()).isEqualTo("The softmax!");
        assertThat(around("Really! Is softmax smooth? Yes.", "softmax").text()).isEqualTo("Is softmax smooth?");
    }

    @Test
    void aColonEndsASentenceOnlyAtTheEndOfALine() {
        assertThat(around("Note:\nthe softmax here", "softmax").text()).isEqualTo("the softmax here");
        assertThat(around("Note: the softmax here", "softmax").text()).isEqualTo("Note: the softmax here");
    }

    @Test
    void aDecimalPointDoesNotEndASentence() {
        assertThat(around("Pi is 3.14 and softmax is smooth. Next.", "softmax").text())
                .isEqualTo("Pi is 3.14 and softmax is smooth.");
    }

    @Test
    void shortTextWithoutSentenceEndsIsShownWhole() {
        var s = around("a softmax b", "softmax");
        assertThat(s.text()).isEqualTo("a softmax b");
        assertThat(s.html()).isEqualTo("a <mark>softmax</mark> b");
    }

    @Test
    void longRunsAreCutAtWordsWithEllipses() {
        String text = words(0, 100);
        var s = around(text, "w50");
        assertThat(s.text()).isEqualTo("…" + words(11, 91) + "…");
        assertThat(s.html()).isEqualTo("…" + words(11, 50) + " <mark>w50</mark> " + words(51, 91) + "…");
    }

    @Test
    void aWordLongerThanTheLimitIsCutInside() {
        String text = "a".repeat(170) + "MATCH" + "b".repeat(170);
        assertThat(around(text, "MATCH").text()).isEqualTo("…" + "a".repeat(160) + "MATCH" + "b".repeat(160) + "…");
    }

    @Test
    void aSentenceEndJustOutsideTheLimitIsNotUsed() {
        String text = "Intro. " + words(0, 60) + " MATCH " + words(60, 120) + ". Outro.";
        var s = around(text, "MATCH");
        assertThat(s.text()).startsWith("…").endsWith("…").contains(" MATCH ");
        assertThat(s.text().length()).isLessThanOrEqualTo(2 + 160 + 5 + 160);
    }

    @Test
    void aSentenceThatEndsTheTextHasNoTrailingEllipsis() {
        assertThat(around("Earlier text. Then the softmax.", "softmax").text()).isEqualTo("Then the softmax.");
        assertThat(around("Earlier text. Then the softmax", "softmax").text()).isEqualTo("Then the softmax");
    }

    @Test
    void aSentenceStartingRightAfterTheLimitKeepsItsFirstWord() {
        // the sentence end sits 158 characters before the match: inside the window, so the sentence is used whole
        String lead = "x".repeat(20) + ". ";
        String sentence = "y".repeat(150) + " MATCH.";
        var s = around(lead + sentence, "MATCH");
        assertThat(s.text()).isEqualTo(sentence);
    }

    @Test
    void textAndHtmlAreEscapedSeparately() {
        var s = around("a < b & softmax > c", "softmax");
        assertThat(s.text()).isEqualTo("a < b & softmax > c");
        assertThat(s.html()).isEqualTo("a &lt; b &amp; <mark>softmax</mark> &gt; c");
    }

    @Test
    void leadingAndTrailingWhitespaceIsStripped() {
        assertThat(around("One.   softmax here.  ", "softmax").text()).isEqualTo("softmax here.");
    }
}
