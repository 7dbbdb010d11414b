package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.essays.content.Corpus;
import io.essays.content.CorpusReader;

/**
 * The MathML variant derived from the cleaned TeX variant ({@link MathSwap}) equals the MathML variant cleaned in
 * full, for every part of a rendered body (HTML, TeX HTML, sections' first paragraphs), and falls back to the full
 * clean whenever it cannot be sure.
 */
class MathSwapTest {
    /** MathML by TeX, for the cases below; {@code \bad} is invalid, as KaTeX would say. */
    private static final class FakeMath implements MathRenderer {
        private final Map<String, String> mathMl;

        FakeMath(Map<String, String> mathMl) {
            this.mathMl = mathMl;
        }

        @Override
        public String toMathMl(Formula formula) {
            if (formula.tex().contains("\\bad")) {
                throw new InvalidMathException("KaTeX parse error: Undefined control sequence: \\bad");
            }
            String m = mathMl.getOrDefault(formula.tex(), "<math><mi>" + formula.tex() + "</mi></math>");
            return formula.display() ? m.replace("<math>", "<math display=\"block\">") : m;
        }

        @Override
        public String version() {
            return "fake";
        }
    }

    /** Renders each formula once with KaTeX, so the second reading of a corpus costs no JavaScript. */
    private static final class Memo implements MathRenderer {
        private final MathRenderer math;
        private final Map<Formula, String> rendered = new ConcurrentHashMap<>();

        Memo(MathRenderer math) {
            this.math = math;
        }

        @Override
        public String toMathMl(Formula formula) {
            return rendered.computeIfAbsent(formula, math::toMathMl);
        }

        @Override
        public String version() {
            return math.version();
        }

        @Override
        public void prepare(Collection<Formula> formulas) {
            math.prepare(formulas);
        }
    }

    private static final String BODY = """
            Lead with $x_1 < y$ and $$\\sum_i a_i$$ inline.

            ## A heading with $h$

            First paragraph of the section, $x_1 < y$ again[^note] and a [link](other.md#there).

            $$
            \\frac{a}{b} & c
            $$

            | a | b |
            |---|---|
            | $p_i$ | 2 |

            - item with $q$
            > quoted $r$

            [^note]: A footnote with $f$.
            """;

    private static MarkdownRenderer renderer(MathRenderer math, boolean derive) {
        return new MarkdownRenderer("/essays/{slug}", "/api/v1/assets", math, derive);
    }

    private static void assertDerivedEqualsFull(MathRenderer math, String body) {
        RenderedBody derived = renderer(math, true).render(body, 0);
        RenderedBody full = renderer(math, false).render(body, 0);
        assertThat(derived).isEqualTo(full);
    }

    @Test
    void derivedMathMlEqualsFullyCleanedEverywhereMathCanStand() {
        var math = new FakeMath(Map.of());
        var derive = renderer(math, true);
        RenderedBody body = derive.render(BODY, 0);
        assertThat(body).isEqualTo(renderer(math, false).render(BODY, 0));
        assertThat(derive.fullMathMlCleans()).isZero();
        assertThat(body.html()).contains("<span class=\"math math-inline\"><math><mi>x_1 &lt; y</mi></math></span>",
                "<span class=\"math math-display\"><math display=\"block\"><mi>\\sum_i a_i</mi></math></span>",
                "<div class=\"math math-display\"><math display=\"block\"><mi>\\frac{a}{b} &amp; c</mi></math></div>",
                "<td><span class=\"math math-inline\"><math><mi>p_i</mi></math></span></td>",
                "<math><mi>f</mi></math>").doesNotContain("math-inline\">x_1");
        assertThat(body.htmlTex()).contains("<span class=\"math math-inline\">x_1 &lt; y</span>").doesNotContain("<math");
        assertThat(body.sections().get(1).firstParagraphHtml())
                .startsWith("<p>First paragraph of the section, <span class=\"math math-inline\"><math><mi>x_1 &lt; y");
    }

    @Test
    void bodyWithoutMathRendersOnceForBothVariants() {
        String body = "# Title\n\nNo math, only *prose*, `code $x$` and a [link](https://example.org).\n";
        var math = new FakeMath(Map.of());
        RenderedBody derived = renderer(math, true).render(body, 0);
        assertThat(derived).isEqualTo(renderer(math, false).render(body, 0));
        assertThat(derived.html()).isSameAs(derived.htmlTex());
    }

    @Test
    void mathMlIsCleanedByTheAllowListBeforeItIsSwappedIn() {
        var math = new FakeMath(Map.of("x", "<math><mi onclick=\"steal()\" style=\"color:red\">x</mi>"
                + "<menclose notation=\"box\"><mn>1</mn></menclose><script>alert(1)</script></math>"));
        String body = "Evil $x$ here.\n";
        var derive = renderer(math, true);
        RenderedBody derived = derive.render(body, 0);
        assertThat(derived).isEqualTo(renderer(math, false).render(body, 0));
        assertThat(derive.fullMathMlCleans()).isZero();
        // the script element goes, its text stays as text; the handler, the style and <menclose> go
        assertThat(derived.html()).isEqualTo(
                "<p>Evil <span class=\"math math-inline\"><math><mi>x</mi><mn>1</mn>alert(1)</math></span> here.</p>\n");
    }

    @Test
    void mathMlThatLeavesItsElementIsCleanedInFull() {
        var math = new FakeMath(Map.of("x", "<math><mi>x</mi></math></span><p>out</p><span>"));
        String body = "Spill $x$ here, $y$ stays.\n";
        var derive = renderer(math, true);
        RenderedBody derived = derive.render(body, 0);
        assertThat(derived).isEqualTo(renderer(math, false).render(body, 0));
        assertThat(derive.fullMathMlCleans()).isEqualTo(2); // the body and its first paragraph
        assertThat(derived.html()).contains("<p>out</p>");
    }

    @Test
    void formulaLeftAsTexTakesTheFullPath() {
        String body = "Fine $x$, broken $\\bad{x}$.\n\n$$\nunterminated\n";
        var math = new FakeMath(Map.of());
        RenderedBody derived = renderer(math, true).render(body, 0);
        assertThat(derived).isEqualTo(renderer(math, false).render(body, 0));
        assertThat(derived.problems()).hasSize(2);
        assertThat(derived.html()).contains("<math><mi>x</mi></math>", "<span class=\"math math-inline\">\\bad{x}</span>");
    }

    @Test
    void splicedHtmlIsTheSwappedDocumentSerializedEvenWhereItsTextLooksLikeMath() {
        // the formula's TeX variant spelled out as text and in an attribute, before, between and after the elements
        String look = "&lt;span class=&quot;math math-inline&quot;&gt;x&lt;/span&gt;";
        String tex = "<p>" + look + " then <span class=\"math math-inline\">x</span>, " + look
                + " <a href=\"https://example.org/\" title=\"<span class=&quot;math math-inline&quot;>x</span>\">t</a>"
                + " and <span class=\"math math-inline\">x</span> again</p>"
                + "<div class=\"math math-display\">x</div><p>" + look + "</p>";
        Document clean = HtmlSafety.cleanDocument(tex);
        String htmlTex = HtmlSafety.html(clean);
        String swapped = new MathSwap().swap(clean, htmlTex, Map.of(new Formula("x", false), "<math><mi>x</mi></math>",
                new Formula("x", true), "<math display=\"block\"><mi>x</mi></math>"));
        assertThat(swapped).isEqualTo(HtmlSafety.html(clean));
        assertThat(swapped.split("<math>", -1)).hasSize(3);
        assertThat(swapped).contains("<div class=\"math math-display\"><math display=\"block\"><mi>x</mi></math></div>")
                .contains("&lt;span class=\"math math-inline\"&gt;x&lt;/span&gt; then <span class=\"math math-inline\"><math>")
                .endsWith("<p>&lt;span class=\"math math-inline\"&gt;x&lt;/span&gt;</p>");
    }

    @Test
    void sameFormulaInlineAndDisplayKeepsEachItsOwnMathMl() {
        assertDerivedEqualsFull(new FakeMath(Map.of()), "Inline $z$ and $$z$$ then\n\n$$\nz\n$$\n");
    }

    @Test
    void realCorpusWithKatexIsTheSameDerivedOrFullyCleaned() {
        try (var katex = new KatexRenderer()) {
            var math = new Memo(katex);
            var derive = renderer(math, true);
            Corpus derived = new CorpusReader(derive).read(Path.of("content"));
            Corpus full = new CorpusReader(renderer(math, false)).read(Path.of("content"));
            assertThat(derived.essays()).hasSameSizeAs(full.essays()).hasSizeGreaterThan(10);
            for (int i = 0; i < full.essays().size(); i++) {
                assertThat(derived.essays().get(i).rendered()).as(full.essays().get(i).slug())
                        .isEqualTo(full.essays().get(i).rendered());
            }
            assertThat(derive.fullMathMlCleans()).as("fragments the swap could not derive").isZero();
            long firstParagraphs = derived.essays().stream().flatMap(e -> e.rendered().sections().stream())
                    .filter(s -> !s.firstParagraphHtml().isEmpty()).count();
            assertThat(derive.cutFirstParagraphs()).as("first paragraphs cut from their cleaned body")
                    .isGreaterThan(firstParagraphs * 9 / 10);
            assertThat(derived.essays()).allSatisfy(e -> assertThat(e.rendered().html()).contains("<math"));
        }
    }
}
