package io.essays.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Math rendered to MathML by the real KaTeX renderer, and what the sanitizer lets through. One renderer for the class: it is slow to warm. */
class MathRenderingTest {
    private static final KatexRenderer KATEX = new KatexRenderer();
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer("/essays/{slug}", KATEX);

    @AfterAll
    static void close() {
        KATEX.close();
    }

    private static String html(String markdown) {
        return RENDERER.render(markdown, 0).html().strip();
    }

    @Test
    void inlineMathBecomesMathMlThatKeepsItsTex() {
        assertThat(html("Let $x_1 < y$ hold.")).isEqualTo("<p>Let <span class=\"math math-inline\"><math><semantics>"
                + "<mrow><msub><mi>x</mi><mn>1</mn></msub><mo>&lt;</mo><mi>y</mi></mrow>"
                + "<annotation encoding=\"application/x-tex\">x_1 &lt; y</annotation></semantics></math></span> hold.</p>");
    }

    @Test
    void displayMathIsBlockMathInsideTheDisplayDiv() {
        String html = html("Before\n\n$$\n\\frac{a}{b}\n$$\n\nAfter");
        assertThat(html).startsWith("<p>Before</p>\n<div class=\"math math-display\"><math display=\"block\"><semantics>")
                .contains("<mfrac><mi>a</mi><mi>b</mi></mfrac>")
                .contains("<annotation encoding=\"application/x-tex\">\\frac{a}{b}</annotation>")
                .endsWith("</semantics></math></div>\n<p>After</p>");
    }

    @Test
    void texVariantKeepsEscapedTexSpans() {
        var body = RENDERER.render("Let $a < b$.\n\n$$\nE = mc^2\n$$\n", 0);
        assertThat(body.htmlTex().strip()).isEqualTo("<p>Let <span class=\"math math-inline\">a &lt; b</span>.</p>\n"
                + "<div class=\"math math-display\">E = mc^2</div>");
        assertThat(body.html()).contains("<math>").contains("<math display=\"block\">");
    }

    @Test
    void plainTextAndPreviewsKeepTexWithoutDollarsAndPreviewHtmlShowsMathMl() {
        var body = RENDERER.render("## Energy\n\nIt is $E = mc^2$ here.\n", 0);
        assertThat(body.plainText()).isEqualTo("Energy\n\nIt is E = mc^2 here.");
        var section = body.sections().get(0);
        assertThat(section.firstParagraphText()).isEqualTo("It is E = mc^2 here.");
        assertThat(section.firstParagraphHtml()).startsWith("<p>It is <span class=\"math math-inline\"><math><semantics>")
                .contains("<annotation encoding=\"application/x-tex\">E = mc^2</annotation>");
    }

    @Test
    void texKatexCannotParseIsAProblemWithTheFormulasFileLineAndKatexMessage() {
        var body = RENDERER.render("Fine $x$.\n\nBroken $\\frac{a$ here.\n\n$$\n\\undefinedmacro{x}\n$$\n", 10);
        assertThat(body.problems()).extracting(BodyProblem::line).containsExactly(13, 15);
        assertThat(body.problems().get(0).message()).startsWith("math '\\frac{a' cannot be rendered: KaTeX parse error:");
        assertThat(body.problems().get(1).message())
                .contains("cannot be rendered: KaTeX parse error: Undefined control sequence: \\undefinedmacro");
    }

    @Test
    void katexErrorIsAnInvalidMathException() {
        assertThatThrownBy(() -> KATEX.toMathMl(new Formula("x^", false)))
                .isInstanceOf(InvalidMathException.class)
                .hasMessageStartingWith("KaTeX parse error:");
    }

    @Test
    void hostileTexProducesNoLinkAndNoActiveAttribute() {
        List<String> hostile = List.of("\\href{javascript:alert(1)}{click}", "\\url{javascript:alert(1)}",
                "\\href{https://evil.example}{x}", "\\htmlClass{evil}{x}", "\\htmlId{evil}{x}",
                "\\htmlStyle{position:fixed;top:0}{x}", "\\htmlData{onclick=alert(1)}{x}", "\\includegraphics{x.png}",
                "\\color{red}{x} \\colorbox{blue}{y} \\rule{1em}{1em}", "\\text{<script>alert(1)</script>}",
                "\\boxed{x} \\cancel{y}");
        for (String tex : hostile) {
            String html = html("A $" + tex + "$ b.");
            Element fragment = Jsoup.parseBodyFragment(html).body();
            assertThat(fragment.select("a, script, img, [href], [src], [style], [id], [onclick]")).as(tex).isEmpty();
            for (Element e : fragment.select("math *, math")) {
                assertThat(HtmlSafety.MATHML).as(tex).containsKey(e.normalName());
                for (Attribute a : e.attributes()) {
                    assertThat(HtmlSafety.MATHML.get(e.normalName())).as(tex + " " + e.normalName()).contains(a.getKey());
                    assertThat(a.getValue()).as(tex).doesNotContainIgnoringCase("javascript").doesNotContain("evil");
                }
            }
        }
    }

    /** Also: an {@code <a>} without {@code href} is no link (jsoup's relaxed list keeps it, as in prose). */
    @Test
    void sanitizerAdmitsOnlyMathMlCoreThatKatexEmits() {
        String dirty = "<math display=\"block\" xmlns=\"http://www.w3.org/1998/Math/MathML\" href=\"javascript:x\">"
                + "<semantics><mrow onclick=\"x()\" style=\"position:fixed\" id=\"a\"><mi mathvariant=\"bold\" href=\"https://e.example\">x</mi>"
                + "<menclose notation=\"box\"><mn>1</mn></menclose><maction actiontype=\"toggle\"><mi>y</mi></maction>"
                + "<mtable columnalign=\"left\"><mtr><mtd><mtext>t</mtext></mtd></mtr></mtable></mrow>"
                + "<annotation-xml encoding=\"text/html\"><a href=\"javascript:x\">click</a></annotation-xml>"
                + "<annotation encoding=\"application/x-tex\">x</annotation></semantics></math>";
        assertThat(HtmlSafety.clean(dirty)).isEqualTo("<math display=\"block\"><semantics><mrow>"
                + "<mi mathvariant=\"bold\">x</mi><mn>1</mn><mi>y</mi><mtable><mtr><mtd><mtext>t</mtext></mtd></mtr></mtable></mrow>"
                + "<a>click</a><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>");
    }

    @Test
    void everyElementKatexEmitsForCommonTexIsAllowed() {
        String tex = "\\sum_{i=1}^n \\int_0^1 \\sqrt[3]{x} \\binom{a}{b} \\left(\\frac{a}{b}\\right) \\mathbb{R} \\hat{x} "
                + "\\overbrace{x}^{a} \\underbrace{y}_{b} \\begin{pmatrix}1&2\\\\3&4\\end{pmatrix} \\phantom{x} \\, \\text{t}";
        String raw = KATEX.toMathMl(new Formula(tex, true));
        Set<String> emitted = Jsoup.parseBodyFragment(raw).body().select("math, math *").stream()
                .map(Element::normalName).collect(Collectors.toSet());
        assertThat(HtmlSafety.MATHML.keySet()).containsAll(emitted);
        assertThat(html("$$" + tex + "$$")).contains("<mtable>").contains("<mphantom>").contains("<mroot>");
    }

    @Test
    void unchangedFormulasRenderToTheSameMathMl() {
        Formula f = new Formula("a^2 + b^2 = c^2", false);
        assertThat(KATEX.toMathMl(f)).isEqualTo(KATEX.toMathMl(f)).startsWith("<math").endsWith("</math>");
        assertThat(KATEX.version()).matches("katex-0\\.16\\.\\d+");
    }
}
