package io.essays.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgSanitizerTest {
    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"100\" height=\"50\">";

    private static SvgSanitizer.Result sanitize(String svg) throws SvgSanitizer.InvalidSvg {
        return SvgSanitizer.sanitize(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static String clean(String svg) throws SvgSanitizer.InvalidSvg {
        return new String(sanitize(svg).svg(), StandardCharsets.UTF_8);
    }

    /** Nothing that can run or fetch anything survives, whatever the case or spelling. */
    private static void assertInert(String output) {
        // the namespace declarations are the only URLs that may remain
        String lower = output.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replace(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "").toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "javascript:", "<foreignobject", "onload", "onclick", "onerror",
                "onmouseover", "data:", "http:", "https://evil", "@import", "expression(", "-moz-binding", "<!doctype",
                "<!entity", "<iframe", "<a ", "<image", "<animate", "<set", "evil");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<script xlink:href=\"https://evil.example/x.js\"/>",
            "<g onload=\"alert(1)\"><rect width=\"1\" height=\"1\" onclick=\"alert(1)\" onMouseOver=\"evil()\"/></g>",
            "<foreignObject width=\"10\" height=\"10\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><iframe src=\"https://evil.example\"/></div></foreignObject>",
            "<use href=\"https://evil.example/sprite.svg#icon\"/>",
            "<use xlink:href=\"other.svg#icon\"/>",
            "<a xlink:href=\"javascript:alert(1)\"><text>click</text></a>",
            "<use xlink:href=\"javascript:alert(1)\"/>",
            "<image href=\"data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+\"/>",
            "<use href=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\"/>",
            "<rect style=\"fill:url(http://evil.example/p.svg#x)\" width=\"1\" height=\"1\"/>",
            "<rect fill=\"url(https://evil.example/p.svg#x)\" width=\"1\" height=\"1\"/>",
            "<rect style=\"background:url(data:image/png;base64,AAAA)\"/>",
            "<style>@import url(https://evil.example/x.css); .a{fill:red}</style>",
            "<style>.a{fill:url(http://evil.example/x#p)}</style>",
            "<style>.a{behavior:url(evil.htc)} .b{-moz-binding:url(evil.xml#x)}</style>",
            "<style>.a{width:expression(alert(1))}</style>",
            "<style>.a{background:image-set(\"https://evil.example/x.png\" 1x)}</style>",
            "<style>.a{background:\\75 rl(https://evil.example/x.png)}</style>",
            "<style>.a{background:u/**/rl(https://evil.example/x.png)}</style>",
            "<style>@font-face{font-family:x;src:url(https://evil.example/f.woff)}</style>",
            "<rect style=\"fill:red;background:javascript:alert(1)\"/>",
            "<animate attributeName=\"href\" values=\"javascript:alert(1)\"/><set attributeName=\"onload\" to=\"evil()\"/>",
            "<rect width=\"1\" height=\"1\" xml:base=\"https://evil.example/\"/>",
            "<style>.a{fill:red}<script>evil()</script></style>",
            "<SCRIPT>evil()</SCRIPT><Script>evil()</Script>",
            "<svg:script xmlns:svg=\"http://www.w3.org/2000/svg\">evil()</svg:script>",
            "<html:script xmlns:html=\"http://www.w3.org/1999/xhtml\">evil()</html:script>"})
    void hostileContentNeverComesOut(String hostile) throws Exception {
        var result = sanitize(OPEN + hostile + "<rect class=\"keep\" width=\"1\" height=\"1\"/></svg>");
        String out = new String(result.svg(), StandardCharsets.UTF_8);
        assertInert(out);
        assertThat(out).contains("<rect class=\"keep\" width=\"1\" height=\"1\"></rect>");
        assertThat(result.removals()).isNotEmpty();
    }

    @Test
    void doctypeWithEntitiesIsRejectedWithItsLine() {
        var e = catchThrowableOfType(SvgSanitizer.InvalidSvg.class, () -> sanitize("<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/passwd\"><!ENTITY lol \"lol\">]>\n"
                + OPEN + "<text>&xxe;&lol;</text></svg>"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).isEqualTo("SVG must not have a <!DOCTYPE> (DTDs and entities are not allowed)");
    }

    @Test
    void malformedXmlIsRejectedWithItsLine() {
        var e = catchThrowableOfType(SvgSanitizer.InvalidSvg.class,
                () -> sanitize(OPEN + "\n<g>\n<rect width=\"1\">\n</g>\n</svg>"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).startsWith("SVG is not well-formed XML: ");
    }

    @Test
    void rootMustBeSvgInTheSvgNamespace() {
        var html = catchThrowableOfType(SvgSanitizer.InvalidSvg.class,
                () -> sanitize("<html><body onload=\"x()\"/></html>"));
        assertThat(html.getMessage()).startsWith("not an SVG document: the root element must be <svg xmlns=");
        var noNamespace = catchThrowableOfType(SvgSanitizer.InvalidSvg.class,
                () -> sanitize("<svg width=\"1\" height=\"1\"/>"));
        assertThat(noNamespace.getMessage()).contains("found <svg>");
    }

    @Test
    void svgWithoutAnySizeIsRejected() {
        var e = catchThrowableOfType(SvgSanitizer.InvalidSvg.class,
                () -> sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\"><g/></svg>"));
        assertThat(e.getMessage()).isEqualTo("SVG has no size: give the root <svg> width and height, or a viewBox");
    }

    @Test
    void sizeComesFromWidthAndHeightOrTheViewBox() throws Exception {
        assertThat(size("width=\"534\" height=\"325\" viewBox=\"0 0 400.13 243.42\"")).containsExactly(534, 325);
        assertThat(size("viewBox=\"0 0 400.6 243.4\"")).containsExactly(401, 243);
        assertThat(size("width=\"300pt\" height=\"150pt\"")).containsExactly(400, 200);
        assertThat(size("width=\"200px\" viewBox=\"0 0 400 100\"")).containsExactly(200, 50);
        assertThat(size("width=\"100%\" height=\"100%\" viewBox=\"-10 -10 64,48\"")).containsExactly(64, 48);
    }

    private static int[] size(String attributes) throws Exception {
        var r = sanitize("<svg xmlns=\"http://www.w3.org/2000/svg\" " + attributes + "/>");
        return new int[] {r.width(), r.height()};
    }

    @Test
    void darkModeStyleCustomPropertiesClassesAndFragmentReferencesAreKept() throws Exception {
        String css = "svg{--fg:#1f2328;--muted:#59636e;--grid:#d1d9e0} @media (prefers-color-scheme: dark)"
                + "{svg{--fg:#e6edf3;--muted:#9198a1;--grid:#3d444d}} .t{fill:var(--fg)} .a>b{stroke:url(#grad)}";
        var result = sanitize(OPEN + "<title>Softmax</title><desc>Three curves</desc><style>" + css + "</style>"
                + "<defs><linearGradient id=\"grad\"><stop offset=\"0\" stop-color=\"var(--fg)\"/></linearGradient>"
                + "<marker id=\"arrow\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5z\"/></marker></defs>"
                + "<text class=\"t\" style=\"fill:var(--fg)\" x=\"1\" y=\"2\">a &lt; b &amp; c</text>"
                + "<line marker-end=\"url(#arrow)\" clip-path=\"url(#p1)\" transform=\"translate(1 2) rotate(-90)\"/>"
                + "<use href=\"#arrow\"/><use xlink:href=\"#arrow\"/></svg>");
        String out = new String(result.svg(), StandardCharsets.UTF_8);
        assertThat(result.removals()).isEmpty();
        assertThat(out).contains("<style>" + css.replace(">", "&gt;") + "</style>",
                "<title>Softmax</title><desc>Three curves</desc>",
                "<text class=\"t\" style=\"fill:var(--fg)\" x=\"1\" y=\"2\">a &lt; b &amp; c</text>",
                "marker-end=\"url(#arrow)\" clip-path=\"url(#p1)\" transform=\"translate(1 2) rotate(-90)\"",
                "<use href=\"#arrow\"></use><use xlink:href=\"#arrow\"></use>",
                "<stop offset=\"0\" stop-color=\"var(--fg)\"></stop>");
    }

    @Test
    void figuresMadeByTheCorpusToolsLoseNothing() throws Exception {
        for (String name : new String[] {"matplotlib-plot.svg", "figkit-diagram.svg"}) {
            byte[] in = Files.readAllBytes(Path.of("src/test/resources/svg", name));
            var result = SvgSanitizer.sanitize(in);
            assertThat(result.removals()).as(name).isEmpty();
            // the output is a fixed point: sanitizing it again changes nothing
            assertThat(SvgSanitizer.sanitize(result.svg()).svg()).as(name).isEqualTo(result.svg());
            String out = new String(result.svg(), StandardCharsets.UTF_8);
            assertThat(out).as(name).contains("@media (prefers-color-scheme: dark)", "var(--fg)");
        }
        var plot = SvgSanitizer.sanitize(Files.readAllBytes(Path.of("src/test/resources/svg/matplotlib-plot.svg")));
        assertThat(new int[] {plot.width(), plot.height()}).containsExactly(534, 325);
        assertThat(new String(plot.svg(), StandardCharsets.UTF_8)).contains("xlink:href=\"#m", "clip-path=\"url(#p");
    }

    @Test
    void removalsAreReportedWithTheirLines() throws Exception {
        var result = sanitize(OPEN + "\n<script>x()</script>\n<rect onclick=\"y()\" width=\"1\"/>\n"
                + "<style>@import url(x.css);</style>\n</svg>");
        assertThat(result.removals()).extracting(SvgSanitizer.Removal::line, SvgSanitizer.Removal::what)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "element <script>"),
                        org.assertj.core.groups.Tuple.tuple(3, "event handler onclick on <rect>"),
                        org.assertj.core.groups.Tuple.tuple(4, "the CSS of <style>: @import is not allowed in CSS (only @media and @supports)"));
    }

    @Test
    void commentsAndProcessingInstructionsAreDropped() throws IOException, SvgSanitizer.InvalidSvg {
        String out = clean("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->" + OPEN
                + "<?php evil(); ?><g><!-- <script>x</script> --></g></svg>");
        assertThat(out).doesNotContain("<!--", "<?", "script").startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
    }
}
