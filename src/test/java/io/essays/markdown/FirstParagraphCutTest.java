package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A section's first paragraph is cut from the cleaned body (marked while the body renders) instead of being rendered
 * and cleaned again on its own; cut or cleaned alone, its HTML is the same, wherever the paragraph stands, and those
 * that would differ (a footnote reference, numbered by its place in the body; a footnote's text, which the body ends
 * with a link back) or that have no element of their own (a tight list item) are still cleaned alone.
 */
class FirstParagraphCutTest {
    private static final String BODY = """
            Lead with *emphasis*, `code`, a [link](https://example.org "a <p>title</p>") and <b>raw</b> & co.

            ## Starts with a loose list

            - first item, loose

            - second item

            ## Starts with a tight list

            - tight item
            - another

            Then a paragraph.

            ## In a quote

            > Quoted **first** paragraph, with [a cross-link](other.md#there).

            ## With a footnote

            A paragraph with a note[^n] in it.

            ## With math

            Inline $x_1 < y$ and an image ![alt](https://example.org/i.png).

            ## Empty

            ## Tasks

            - [x] done

              and loose
            - [ ] not done

            [^n]: The note.
            """;

    private static MarkdownRenderer renderer(MathRenderer math, boolean cut) {
        return new MarkdownRenderer("/essays/{slug}", "/api/v1/assets", math, cut);
    }

    @Test
    void cutParagraphsEqualParagraphsCleanedAloneWithoutMath() {
        var cutting = renderer(null, true);
        RenderedBody cut = cutting.render(BODY, 0);
        assertThat(cut).isEqualTo(renderer(null, false).render(BODY, 0));
        // lead, loose list, quote and math; cleaned alone: the tight list, the footnote reference and, in the tasks
        // section (whose items are prose of their own), the footnote's text, which the body gives a link back
        assertThat(cutting.cutFirstParagraphs()).isEqualTo(4);
        assertThat(cut.html()).doesNotContain(HtmlSafety.MARK);
        assertThat(cut.sections()).extracting(RenderedBody.Section::firstParagraphHtml).contains(
                "<p>Quoted <strong>first</strong> paragraph, with <a href=\"/essays/other#there\" data-essay=\"other\">"
                        + "a cross-link</a>.</p>",
                "tight item",
                // on its own, the reference has no definition to number it
                "<p>A paragraph with a note[^n] in it.</p>",
                "<p>The note.</p>");
    }

    @Test
    void cutParagraphsEqualParagraphsCleanedAloneWithMathMl() {
        MathRenderer math = new MathRenderer() {
            @Override
            public String toMathMl(Formula formula) {
                return "<math><mi>" + formula.tex().replace("<", "&lt;") + "</mi></math>";
            }

            @Override
            public String version() {
                return "fake";
            }
        };
        var cutting = renderer(math, true);
        RenderedBody cut = cutting.render(BODY, 0);
        assertThat(cut).isEqualTo(renderer(math, false).render(BODY, 0));
        assertThat(cutting.cutFirstParagraphs()).isEqualTo(4);
        assertThat(cut.html() + cut.htmlTex()).doesNotContain(HtmlSafety.MARK);
        assertThat(cut.sections()).extracting(RenderedBody.Section::firstParagraphHtml)
                .anySatisfy(html -> assertThat(html).startsWith("<p>Inline <span class=\"math math-inline\"><math>"));
    }

    @Test
    void aMarkThatIsMissingRepeatedOrForeignIsNotTaken() {
        var clean = HtmlSafety.cleanDocument("<p data-essays-first-paragraph=\"0\">a</p><p data-essays-first-paragraph"
                + "=\"1\">b</p><p data-essays-first-paragraph=\"1\">c</p><p data-essays-first-paragraph=\"x\">d</p>"
                + "<p data-essays-first-paragraph=\"9\">e</p>", 3);
        var marked = HtmlSafety.takeMarks(clean, 3);
        assertThat(marked[0].outerHtml()).isEqualTo("<p>a</p>");
        assertThat(marked[1]).isNull();
        assertThat(marked[2]).isNull();
        assertThat(HtmlSafety.html(clean)).isEqualTo("<p>a</p><p>b</p><p>c</p><p>d</p><p>e</p>");
        assertThat(HtmlSafety.clean("<p data-essays-first-paragraph=\"0\">a</p>")).isEqualTo("<p>a</p>");
    }
}
