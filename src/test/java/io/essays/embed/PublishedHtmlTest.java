package io.essays.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.essays.PublicUrls;

/** Sections cut out of rendered HTML, in-page anchors in embeds and previews, and JSON-LD that cannot end its script element. */
class PublishedHtmlTest {
    static final String HTML = """
            <p>Lead.</p>
            <h2 id="a">A</h2>
            <p>In A.</p>
            <h3 id="a-1">A.1</h3>
            <p>In A.1.</p>
            <h2 id="b">B</h2>
            <p>In B.</p>
            <h1 id="c">C</h1>
            <p>In C.</p>""";

    @Test
    void sectionRunsToTheNextHeadingOfTheSameOrAHigherLevel() {
        assertThat(PublishedHtml.section(HTML, "a")).isEqualTo("""
                <h2 id="a">A</h2>
                <p>In A.</p>
                <h3 id="a-1">A.1</h3>
                <p>In A.1.</p>""");
        assertThat(PublishedHtml.section(HTML, "a-1")).isEqualTo("<h3 id=\"a-1\">A.1</h3>\n<p>In A.1.</p>");
        assertThat(PublishedHtml.section(HTML, "b")).isEqualTo("<h2 id=\"b\">B</h2>\n<p>In B.</p>");
        assertThat(PublishedHtml.section(HTML, "c")).isEqualTo("<h1 id=\"c\">C</h1>\n<p>In C.</p>");
    }

    @Test
    void sectionOfAnIdThatIsNoHeadingIsNull() {
        assertThat(PublishedHtml.section(HTML, "nope")).isNull();
        assertThat(PublishedHtml.section("<p id=\"x\">para</p>", "x")).isNull();
    }

    static final PublicUrls URLS = new PublicUrls((EssaysConfig) Proxy.newProxyInstance(EssaysConfig.class.getClassLoader(),
            new Class<?>[] {EssaysConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                case "pageUrlTemplate" -> "https://essays.example.org/essays/{slug}";
                case "publicBaseUrl" -> "http://localhost:8080";
                case "assetBaseUrl" -> "/api/v1/assets";
                default -> throw new UnsupportedOperationException(method.getName());
            }));

    @Test
    void absoluteUrlsKeepOtherHostsAndNeverInventOne() {
        assertThat(URLS.absolute("/api/v1/assets/ab/x.svg")).isEqualTo("http://localhost:8080/api/v1/assets/ab/x.svg");
        assertThat(URLS.absolute("https://example.com/x")).isEqualTo("https://example.com/x");
        assertThat(URLS.absolute("//cdn.example.com/x.png")).isEqualTo("http://cdn.example.com/x.png");
        assertThat(URLS.absolute("")).isEmpty();
    }

    @Test
    void aProtocolRelativeLinkInAnEmbedOpensOutsideTheFrameLikeAnyExternalOne() {
        assertThat(PublishedHtml.forEmbed("<p><a href=\"//example.com/x\">x</a> <a href=\"https://example.com/y\">y</a></p>",
                "essay", URLS)).isEqualTo("<p><a href=\"//example.com/x\" target=\"_blank\" rel=\"noopener noreferrer\">x</a> "
                        + "<a href=\"https://example.com/y\" target=\"_blank\" rel=\"noopener noreferrer\">y</a></p>");
    }

    @Test
    void anotherSitesImageInAnEmbedBecomesALinkToItAndTheCorpusImagesStay() {
        String html = "<figure><img src=\"https://upload.example.org/a.png\" alt=\"A chart\"><figcaption>C</figcaption>"
                + "</figure><p><img src=\"//cdn.example.org/b.png\" alt=\"\"> <img src=\"/api/v1/assets/ab/x.svg\" alt=\"X\"></p>";
        assertThat(PublishedHtml.forEmbed(html, "essay", URLS)).isEqualTo("<figure><a href=\"https://upload.example.org/a.png\" "
                + "target=\"_blank\" rel=\"noopener noreferrer\">Image: A chart</a><figcaption>C</figcaption></figure>"
                + "<p><a href=\"//cdn.example.org/b.png\" target=\"_blank\" rel=\"noopener noreferrer\">Image: "
                + "//cdn.example.org/b.png</a> <img src=\"/api/v1/assets/ab/x.svg\" alt=\"X\"></p>");
    }

    static final String WITH_FOOTNOTES = """
            <p>Lead.</p>
            <h2 id="a">A</h2>
            <p>Text.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref="">1</a></sup></p>
            <h2 id="b">B</h2>
            <p>More.<sup class="footnote-ref"><a href="#fn-3" id="fnref-3" data-footnote-ref="">3</a></sup></p>
            <h2 id="c">C</h2>
            <p>None.</p>
            <section class="footnotes" data-footnotes="">
            <ol>
            <li id="fn-1"><p>One. <a href="#fnref-1" class="footnote-backref" data-footnote-backref="">↩</a></p></li>
            <li id="fn-2"><p>Two.</p></li>
            <li id="fn-3"><p>Three, see<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2" data-footnote-ref="">1</a></sup>.</p></li>
            </ol>
            </section>""";

    @Test
    void sectionBringsTheFootnotesItRefersToWithTheirNumbersAndNoOthers() {
        assertThat(PublishedHtml.section(WITH_FOOTNOTES, "a")).isEqualTo("""
                <h2 id="a">A</h2>
                <p>Text.<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref="">1</a></sup></p>
                <section class="footnotes" data-footnotes>
                <ol>
                <li id="fn-1" value="1"><p>One. <a href="#fnref-1" class="footnote-backref" data-footnote-backref="">↩</a></p></li>
                </ol>
                </section>""");
        // fn-3 refers to fn-1 in turn; fn-2 is nobody's here
        assertThat(PublishedHtml.section(WITH_FOOTNOTES, "b"))
                .contains("<li id=\"fn-1\" value=\"1\">", "<li id=\"fn-3\" value=\"3\">")
                .doesNotContain("fn-2");
        // the last section no longer runs into every footnote of the essay
        assertThat(PublishedHtml.section(WITH_FOOTNOTES, "c")).isEqualTo("<h2 id=\"c\">C</h2>\n<p>None.</p>");
        // and in the embed the section's footnote links stay in the page
        assertThat(PublishedHtml.forEmbed(PublishedHtml.section(WITH_FOOTNOTES, "a"), "essay", URLS))
                .contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a>")
                .contains("<a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref=\"\">↩</a>");
    }

    @Test
    void embedSendsInPageAnchorsWithoutATargetInTheHtmlToTheEssayPageInTheTopWindow() {
        String html = PublishedHtml.section(HTML, "a") + "<p><a href=\"#b\">B</a> <a href=\"#a-1\">A.1</a></p>";
        assertThat(PublishedHtml.forEmbed(html, "essay", URLS)).endsWith(
                "<p><a href=\"https://essays.example.org/essays/essay#b\" target=\"_top\">B</a> <a href=\"#a-1\">A.1</a></p>");
    }

    @Test
    void embedFindsPercentEncodedAnchorTargetsAndKeepsTheFragmentAsWritten() {
        String html = "<h2 id=\"café\">Café</h2><p><a href=\"#caf%C3%A9\">here</a> <a href=\"#th%C3%A9\">there</a> "
                + "<a href=\"#\">top</a></p>";
        assertThat(PublishedHtml.forEmbed(html, "essay", URLS)).isEqualTo("<h2 id=\"café\">Café</h2><p>"
                + "<a href=\"#caf%C3%A9\">here</a> "
                + "<a href=\"https://essays.example.org/essays/essay#th%C3%A9\" target=\"_top\">there</a> "
                + "<a href=\"#\">top</a></p>");
    }

    @Test
    void previewGivesInPageAnchorsAsCrossLinksToTheEssayAndKeepsEverythingElse() {
        String html = "<p>See <a href=\"#b\">B</a>, <a href=\"/essays/other#x\" data-essay=\"other\">other</a>, "
                + "<a href=\"https://example.org/#y\" rel=\"noopener noreferrer\">out</a> and <code>href=\"#z\"</code>.</p>";
        assertThat(PublishedHtml.forPreview(html, "essay", "/essays/essay")).isEqualTo("<p>See "
                + "<a href=\"/essays/essay#b\" data-essay=\"essay\">B</a>, "
                + "<a href=\"/essays/other#x\" data-essay=\"other\">other</a>, "
                + "<a href=\"https://example.org/#y\" rel=\"noopener noreferrer\">out</a> and <code>href=\"#z\"</code>.</p>");
        String plain = "<p>No anchors, <code>href=\"#z\"</code> is text.</p>";
        assertThat(PublishedHtml.forPreview(plain, "essay", "/essays/essay")).isEqualTo(plain);
    }

    @Test
    void jsonLdEscapesEverythingThatCouldCloseTheScriptOrOpenAComment() throws Exception {
        var mapper = new ObjectMapper();
        Map<String, Object> ld = Map.of("headline", "</script><script>alert(1)</script> <!-- & -->");
        String json = MetaService.scriptSafeJson(mapper, ld);
        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        assertThat(mapper.readTree(json).get("headline").asText()).isEqualTo(ld.get("headline"));
    }

    @Test
    void aLinkWithASchemeIsExternalEvenWhereJavaNetUriRefusesIt() {
        assertThat(PublishedHtml.isExternal("https://example.com/a|b")).isTrue();
        assertThat(PublishedHtml.isExternal("https://example.com/wiki/File:A[1].png")).isTrue();
        assertThat(PublishedHtml.isExternal("https://example.com/x y")).isTrue();
        assertThat(PublishedHtml.isExternal("mailto:someone@example.com")).isTrue();
        assertThat(PublishedHtml.isExternal("//cdn.example.com/x")).isTrue();
    }

    @Test
    void relativeLinksAndScriptsAreNot() {
        assertThat(PublishedHtml.isExternal("#details")).isFalse();
        assertThat(PublishedHtml.isExternal("/essays/softmax")).isFalse();
        assertThat(PublishedHtml.isExternal("softmax.md#a:b")).isFalse();
        assertThat(PublishedHtml.isExternal("essays/x:y")).isFalse();
        assertThat(PublishedHtml.isExternal("JavaScript:alert(1)")).isFalse();
        assertThat(PublishedHtml.isExternal(":nothing")).isFalse();
        assertThat(PublishedHtml.isExternal("é:x")).isFalse();
    }
}
