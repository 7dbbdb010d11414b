package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** TeX between dollar signs, inline and as blocks, kept verbatim (escaped) for the client to typeset. */
class MathExtensionTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer("/essays/{slug}");

    private String html(String markdown) {
        return renderer.render(markdown, 0).html().strip();
    }

    private static String inline(String tex) {
        return "<span class=\"math math-inline\">" + tex + "</span>";
    }

    private static String display(String tex) {
        return "<div class=\"math math-display\">" + tex + "</div>";
    }

    @Test
    void aDollarFollowedBySpaceOpensNoMath() {
        assertThat(html("a $ b$ c")).isEqualTo("<p>a $ b$ c</p>");
    }

    @Test
    void anUnclosedDollarIsText() {
        assertThat(html("a $x b")).isEqualTo("<p>a $x b</p>");
        assertThat(html("costs $5")).isEqualTo("<p>costs $5</p>");
    }

    @Test
    void aDollarBeforeADigitDoesNotClose() {
        assertThat(html("$x$5 and $y$")).isEqualTo("<p>" + inline("x$5 and $y") + "</p>");
    }

    @Test
    void aClosingDollarAfterASpaceDoesNotClose() {
        assertThat(html("$a $b$")).isEqualTo("<p>" + inline("a $b") + "</p>");
    }

    @Test
    void anEscapedDollarStaysInsideTheMath() {
        assertThat(html("$a\\$b$ end")).isEqualTo("<p>" + inline("a\\$b") + " end</p>");
        assertThat(html("$a\\\\$ end")).isEqualTo("<p>" + inline("a\\\\") + " end</p>");
    }

    @Test
    void doubleDollarsInsideAParagraphAreDisplayMath() {
        assertThat(html("Energy $$E = mc^2$$ here")).isEqualTo(
                "<p>Energy <span class=\"math math-display\">E = mc^2</span> here</p>");
        assertThat(html("x $$a$b$$ y")).isEqualTo("<p>x <span class=\"math math-display\">a$b</span> y</p>");
    }

    @Test
    void dollarsFollowedBySpaceAreText() {
        assertThat(html("a $$ b")).isEqualTo("<p>a $$ b</p>");
        assertThat(html("a $$ E $$ b")).isEqualTo("<p>a $$ E $$ b</p>");
    }

    @Test
    void mathIsEscapedNotInterpreted() {
        assertThat(html("$a<b>&c$")).isEqualTo("<p>" + inline("a&lt;b&gt;&amp;c") + "</p>");
        assertThat(html("$$\n<b>\n$$")).isEqualTo(display("&lt;b&gt;"));
    }

    @Test
    void aMultiLineBlockKeepsItsLines() {
        assertThat(html("$$\na\nb\n$$")).isEqualTo(display("a\nb"));
    }

    @Test
    void textOnTheOpeningAndClosingLinesBelongsToTheBlock() {
        assertThat(html("$$ a +\nb\nc $$\nAfter")).isEqualTo(display("a +\nb\nc") + "\n<p>After</p>");
    }

    @Test
    void fourDollarsAreAnEmptyBlock() {
        assertThat(html("$$$$\nNext")).isEqualTo(display("") + "\n<p>Next</p>");
    }

    @Test
    void threeDollarsOpenABlockHoldingADollar() {
        assertThat(html("$$$\nx\n$$")).isEqualTo(display("$\nx"));
    }

    @Test
    void anIndentedBlockIsCodeNotMath() {
        assertThat(html("    $$x$$")).isEqualTo("<pre><code>$$x$$\n</code></pre>");
        assertThat(html("   $$x$$")).isEqualTo(display("x"));
    }

    @Test
    void aBlockEndsAtItsClosingLineAndTheNextParagraphFollows() {
        assertThat(html("Intro\n\n$$\nx\n$$\nAfter\n\n$$y$$")).isEqualTo(
                "<p>Intro</p>\n" + display("x") + "\n<p>After</p>\n" + display("y"));
    }

    @Test
    void anUnterminatedBlockIsReportedOnTheLineItOpens() {
        var body = renderer.render("one\n\ntwo\n\n$$\nx", 10);
        assertThat(body.problems()).extracting(BodyProblem::line).containsExactly(15);
        assertThat(body.problems()).extracting(BodyProblem::message)
                .containsExactly("unterminated display math: '$$' opened here is never closed");
    }
}
