package io.essays.api;

import static io.essays.api.HttpCachingTest.raw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Embed pages, {@code /embed.js}, oEmbed and page metadata over the fixture corpus, with the default
 * {@code essays.page-url-template} ({@code https://essays.example.org/essays/{slug}}) and public base URL
 * ({@code http://localhost:8080}). {@link PostgresEmbedApiTest} reruns it on PostgreSQL.
 */
@QuarkusTest
public class EmbedApiTest {
    static final String PAGE = "https://essays.example.org/essays/";
    static final String BASE = "http://localhost:8080";
    static final String EMBED = "/embed/essays/first-steps";

    static String oembed(String url) {
        return "/api/v1/oembed?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    static Document page(String path) {
        Response r = raw().get(path);
        r.then().statusCode(200).contentType("text/html; charset=utf-8");
        return Jsoup.parse(r.asString());
    }

    // ---- embed pages ----

    @Test
    void essayEmbedIsACompleteDocumentWithTitleSeriesReadingTimeAndALinkToThePage() {
        Response r = raw().get(EMBED);
        String body = r.asString();
        assertThat(body).startsWith("<!DOCTYPE html>\n<html lang=\"en\" data-slug=\"first-steps\">");
        Document doc = Jsoup.parse(body);
        assertThat(doc.title()).isEqualTo("First Steps");
        assertThat(doc.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(doc.selectFirst("meta[name=viewport]")).isNotNull();
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PAGE + "first-steps");
        assertThat(doc.selectFirst("h1").text()).isEqualTo("First Steps");
        assertThat(doc.selectFirst(".kicker").text()).isEqualTo("Alpha Series · Part 1");
        assertThat(doc.select(".meta").text()).matches("\\d+ min read");
        assertThat(doc.select("math")).isNotEmpty();
        Element figure = doc.selectFirst("figure");
        assertThat(figure.selectFirst("img").attr("src")).matches("/api/v1/assets/[0-9a-f]{64}/first-steps/curve\\.svg");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("240");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("Growth, step by step");
        Element more = doc.selectFirst("footer a");
        assertThat(more.text()).isEqualTo("Read the whole essay");
        assertThat(more.attr("href")).isEqualTo(PAGE + "first-steps");
        assertThat(more.attr("target")).isEqualTo("_top");
        // one stylesheet and one script, both inline; nothing loaded from elsewhere
        assertThat(doc.select("style")).hasSize(1);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("script[src], link[rel=stylesheet], link[rel=preload], iframe")).isEmpty();
        assertThat(doc.selectFirst("style").data()).doesNotContain("@font-face", "@import", "url(");
    }

    @Test
    void crossLinksOpenThePageInTheTopWindowAndExternalLinksANewOne() {
        Document doc = page(EMBED);
        Element cross = doc.selectFirst("a[data-essay=second-look]");
        assertThat(cross.attr("href")).isEqualTo(PAGE + "second-look#details");
        assertThat(cross.attr("target")).isEqualTo("_top");
        Element third = doc.selectFirst("a[data-essay=third-way]");
        assertThat(third.attr("href")).isEqualTo(PAGE + "third-way");
        Element external = doc.selectFirst("a[href=https://example.org/page]");
        assertThat(external.attr("target")).isEqualTo("_blank");
        assertThat(external.attr("rel")).isEqualTo("noopener noreferrer");
        // the raw <script> of the essay stays escaped text
        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.text()).contains("<script>alert('x')</script>");
        // in-page footnote anchors stay in the page
        assertThat(doc.select("a[href^=#fn]")).isNotEmpty();
    }

    @Test
    void sectionEmbedHoldsTheHeadingAndEverythingUpToTheNextHeadingOfTheSameLevel() {
        Document doc = page(EMBED + "/sections/setup");
        assertThat(doc.title()).isEqualTo("Setup — First Steps");
        Element section = doc.selectFirst("div.section");
        assertThat(section.child(0).normalName()).isEqualTo("h2");
        assertThat(section.child(0).id()).isEqualTo("setup");
        assertThat(section.select("h1, h2, h3, h4, h5, h6")).hasSize(1);
        assertThat(section.select("table")).hasSize(1);
        assertThat(section.select("math")).isNotEmpty();
        assertThat(section.text()).doesNotContain("Footnote here").doesNotContain("The opening paragraph");
        assertThat(section.select("section.footnotes")).as("no footnote is referred to in this section").isEmpty();
        assertThat(doc.selectFirst(".meta a").attr("href")).isEqualTo(PAGE + "first-steps");
        assertThat(doc.selectFirst("footer a").attr("href")).isEqualTo(PAGE + "first-steps");
        assertThat(doc.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PAGE + "first-steps#setup");

        Document details = page(EMBED + "/sections/details");
        assertThat(details.select("figure img")).hasSize(1);
        assertThat(details.text()).contains("Footnote here").doesNotContain("A table");
    }

    @Test
    void sectionLinkToAHeadingOutsideTheSectionOpensTheEssayPageAtThatHeadingInTheTopWindow() {
        Element below = page("/embed/essays/second-look/sections/details").selectFirst("div.section a:containsOwn(below)");
        assertThat(below.outerHtml()).isEqualTo("<a href=\"" + PAGE + "second-look#more\" target=\"_top\">below</a>");
        // the whole essay's embed holds that heading, so there the link stays in the page
        Element inEssay = page("/embed/essays/second-look").selectFirst("div.essay a:containsOwn(below)");
        assertThat(inEssay.outerHtml()).isEqualTo("<a href=\"#more\">below</a>");
    }

    @Test
    void sectionLinksToAnchorsInsideTheSectionStayInThePage() {
        Element section = page(EMBED + "/sections/details").selectFirst("div.section");
        // the footnote reference and its back-reference both point into the section
        assertThat(section.selectFirst("sup a").outerHtml())
                .isEqualTo("<a href=\"#fn-note\" id=\"fnref-note\" data-footnote-ref=\"\">1</a>");
        assertThat(section.select("section.footnotes li")).hasSize(1);
        assertThat(section.selectFirst("li#fn-note").attr("value")).isEqualTo("1");
        assertThat(section.selectFirst("li#fn-note a").outerHtml())
                .isEqualTo("<a href=\"#fnref-note\" class=\"footnote-backref\" data-footnote-backref=\"\">↩</a>");
    }

    @Test
    void everyInPageLinkOfEveryEmbedPageHasItsTargetInThePage() {
        List<String> paths = new ArrayList<>();
        for (String slug : given().get("/api/v1/essays").jsonPath().getList("items.slug", String.class)) {
            paths.add("/embed/essays/" + slug);
            given().get("/api/v1/essays/" + slug).jsonPath().getList("toc.id", String.class)
                    .forEach(id -> paths.add("/embed/essays/" + slug + "/sections/" + id));
        }
        assertThat(paths).contains(EMBED + "/sections/details", "/embed/essays/second-look/sections/details");
        int checked = 0;
        for (String path : paths) {
            Document doc = page(path);
            for (Element a : doc.select("a[href^=#]")) {
                assertThat(doc.getElementById(a.attr("href").substring(1))).as("target of %s in %s", a, path).isNotNull();
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void unknownHeadingOrEssayIsProblem404() {
        given().get(EMBED + "/sections/no-such-heading").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("no heading with id 'no-such-heading'"));
        given().get("/embed/essays/no-such-essay").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no-such-essay"));
    }

    @Test
    void themeOverridesThePreferenceAndAnUnknownThemeIsProblem400() {
        Document dark = page(EMBED + "?theme=dark");
        assertThat(dark.selectFirst("html").attr("data-theme")).isEqualTo("dark");
        assertThat(dark.selectFirst("meta[name=color-scheme]").attr("content")).isEqualTo("dark");
        Document light = page(EMBED + "/sections/setup?theme=light");
        assertThat(light.selectFirst("html").attr("data-theme")).isEqualTo("light");
        Document auto = page(EMBED);
        assertThat(auto.selectFirst("html").hasAttr("data-theme")).isFalse();
        assertThat(auto.selectFirst("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
        assertThat(raw().get(EMBED + "?theme=dark").header("ETag")).isNotEqualTo(raw().get(EMBED).header("ETag"));
        given().get(EMBED + "?theme=sepia").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown theme 'sepia'"));
    }

    @Test
    void embedPagesCarryAStrictCspWhoseHashesMatchTheInlineStyleAndScript() throws Exception {
        for (String path : new String[] {EMBED, EMBED + "/sections/setup?theme=dark"}) {
            Response r = raw().get(path);
            String csp = r.header("Content-Security-Policy");
            Document doc = Jsoup.parse(r.asString());
            assertThat(csp).isEqualTo("default-src 'none'; img-src 'self'; style-src '" + sha256(doc.selectFirst("style").data())
                    + "'; script-src '" + sha256(doc.selectFirst("script").data())
                    + "'; base-uri 'none'; form-action 'none'; frame-ancestors *");
            assertThat(csp).doesNotContain("unsafe-eval").doesNotContain("unsafe-inline");
            assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isNull();
        }
    }

    @Test
    void embedPagesHaveAStrongEtagAnd304WithTheSameSecurityHeaders() {
        Response first = raw().get(EMBED);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        Response again = raw().header("If-None-Match", etag).get(EMBED);
        again.then().statusCode(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
        assertThat(again.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy"));
        assertThat(again.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(again.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        // the fast path (second request) answers the same bytes and headers
        Response third = raw().get(EMBED);
        assertThat(third.asString()).isEqualTo(first.asString());
        assertThat(third.header("Content-Security-Policy")).isEqualTo(first.header("Content-Security-Policy"));
    }

    @Test
    void resizeScriptPostsTheDocumentedMessageAndAnswersOnlyItsParentsMeasureRequest() {
        String script = page(EMBED).selectFirst("script").data();
        assertThat(script).contains("\"essays-embed:resize\"", "height:", "slug:", "ResizeObserver", "postMessage");
        assertThat(script).containsOnlyOnce("addEventListener(\"message\"")
                .contains("e.source===window.parent", "\"essays-embed:measure\"");
    }

    @Test
    void hostScriptIsServedWithAStrongEtagAndChecksOriginAndSource() {
        Response r = raw().get("/embed.js");
        r.then().statusCode(200).contentType("text/javascript; charset=utf-8");
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.asString()).contains("blockquote.essays-embed[data-url]", "event.origin !== origin",
                "contentWindow === event.source", "essays-embed:resize", "essays-embed:measure");
        raw().header("If-None-Match", r.header("ETag")).get("/embed.js").then().statusCode(304);
    }

    // ---- oEmbed ----

    @Test
    void oembedOfAnEssayPageIsARichResponseWithAnIframeAndTheFirstFigure() {
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps")).then().statusCode(200).contentType("application/json")
                .body("type", equalTo("rich"))
                .body("version", equalTo("1.0"))
                .body("title", equalTo("First Steps"))
                .body("author_name", equalTo("The Essays authors"))
                .body("provider_name", equalTo("Essays"))
                .body("provider_url", equalTo("https://essays.example.org/"))
                .body("cache_age", equalTo(86400))
                .body("width", equalTo(640))
                .body("height", equalTo(480))
                .body("thumbnail_url", startsWith(BASE + "/api/v1/assets/"))
                .body("thumbnail_width", equalTo(240))
                .body("thumbnail_height", equalTo(120))
                .body("html", startsWith("<iframe class=\"essays-embed-frame\" src=\"" + BASE + EMBED
                        + "\" width=\"640\" height=\"480\" title=\"First Steps\""))
                .body("html", containsString("<script async src=\"" + BASE + "/embed.js\"></script>"));
    }

    @Test
    void oembedOfASectionUrlEmbedsTheSection() {
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps#details")).then().statusCode(200)
                .body("title", equalTo("Details — First Steps"))
                .body("html", containsString("src=\"" + BASE + EMBED + "/sections/details\""));
    }

    /** As a browser resolves them: what an address bar copies has its path and fragment percent-encoded. */
    @Test
    void oembedDecodesAPercentEncodedPathAndFragment() {
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-step%73#%64etails")).then().statusCode(200)
                .body("title", equalTo("Details — First Steps"))
                .body("html", containsString("src=\"" + BASE + EMBED + "/sections/details\""));
        // a malformed escape is no URL at all
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps#det%ZZails")).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void oembedHonoursMaxwidthAndMaxheight() {
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&maxwidth=300&maxheight=200&format=json").then().statusCode(200)
                .body("width", equalTo(300))
                .body("height", equalTo(200))
                .body("html", containsString("width=\"300\" height=\"200\""))
                .body("html", not(containsString("<script")))
                .body("thumbnail_url", startsWith(BASE))
                .body("thumbnail_width", equalTo(240));
        // a thumbnail that does not fit is left out, with its size
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&maxwidth=200").then().statusCode(200)
                .body("width", equalTo(200))
                .body("thumbnail_url", nullValue())
                .body("thumbnail_width", nullValue())
                .body("thumbnail_height", nullValue());
        // an essay without figures has no thumbnail
        given().urlEncodingEnabled(false).get(oembed(PAGE + "third-way")).then().statusCode(200).body("thumbnail_url", nullValue());
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&maxwidth=wide").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'maxwidth'"));
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&maxheight=0").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'maxheight'"));
        // a blank maxheight is a left-out one, not a height of zero
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&maxheight=").then().statusCode(200)
                .body("height", equalTo(480))
                .body("html", containsString("<script"));
    }

    /** What consumers pass: a tracking parameter, a trailing slash, the default port, a capitalised host. */
    @Test
    void oembedTakesTheUsualVariantsOfAPageUrl() {
        for (String url : new String[] {PAGE + "first-steps?utm_source=news", PAGE + "first-steps/",
                "https://essays.example.org:443/essays/first-steps", "HTTPS://Essays.Example.org/essays/first-steps",
                PAGE + "first-steps/?ref=x#details"}) {
            given().urlEncodingEnabled(false).get(oembed(url)).then().statusCode(200).contentType("application/json")
                    .body("title", url.endsWith("#details") ? equalTo("Details — First Steps") : equalTo("First Steps"));
        }
        for (String url : new String[] {"https://essays.example.org:8443/essays/first-steps", PAGE + "first-steps//",
                "http://essays.example.org/essays/first-steps", PAGE + "First-Steps"}) {
            given().urlEncodingEnabled(false).get(oembed(url)).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void oembedAnswers404ForAUrlThatIsNoEssayOrSection() {
        for (String url : new String[] {"https://other.example/essays/first-steps", PAGE + "no-such-essay",
                PAGE + "first-steps#no-such-heading", PAGE + "first-steps/extra", "https://essays.example.org/about"}) {
            given().urlEncodingEnabled(false).get(oembed(url)).then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }

    @Test
    void oembedAnswers501ForXmlAndOtherFormats() {
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&format=xml").then().statusCode(501)
                .contentType("application/problem+json")
                .body("status", equalTo(501))
                .body("detail", containsString("'xml' is not implemented"));
        given().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps") + "&format=yaml").then().statusCode(501);
    }

    @Test
    void oembedAnswers400ForAMissingOrMalformedUrl() {
        given().get("/api/v1/oembed").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'url' is required"));
        for (String bad : new String[] {"first-steps", "/essays/first-steps", "ftp://essays.example.org/essays/first-steps",
                "http://[bad"}) {
            given().urlEncodingEnabled(false).get(oembed(bad)).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("absolute http(s) URL"));
        }
    }

    @Test
    void oembedHasAStrongEtagAnd304() {
        Response r = raw().urlEncodingEnabled(false).get(oembed(PAGE + "first-steps"));
        raw().urlEncodingEnabled(false).header("If-None-Match", r.header("ETag")).get(oembed(PAGE + "first-steps")).then().statusCode(304);
    }

    // ---- discovery and meta ----

    @Test
    void essayDetailCarriesItsPageAndOEmbedUrls() {
        given().get("/api/v1/essays/first-steps").then().statusCode(200)
                .body("pageUrl", equalTo(PAGE + "first-steps"))
                .body("oembedUrl", equalTo(BASE + oembed(PAGE + "first-steps") + "&format=json"));
        given().get("/api/v1/essays/first-steps?fields=oembedUrl").then().statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void metaHasCanonicalUrlOpenGraphTwitterCardOEmbedLinkAndJsonLd() {
        given().get("/api/v1/essays/first-steps/meta").then().statusCode(200).contentType("application/json")
                .body("canonicalUrl", equalTo(PAGE + "first-steps"))
                .body("title", equalTo("First Steps"))
                .body("description", equalTo("Where everything begins, with math, tables and a few dangerous inputs."))
                .body("openGraph.type", equalTo("article"))
                .body("openGraph.url", equalTo(PAGE + "first-steps"))
                .body("openGraph.siteName", equalTo("Essays"))
                // its figure is an SVG and its other image a 32 by 24 PNG: nothing a social site would show on a card
                .body("openGraph.image", nullValue())
                .body("openGraph.imageWidth", nullValue())
                .body("openGraph.publishedTime", equalTo("2026-01-01"))
                .body("openGraph.section", equalTo("Alpha Series"))
                .body("twitter.card", equalTo("summary"))
                .body("twitter.image", nullValue())
                .body("oembed.type", equalTo("application/json+oembed"))
                .body("oembed.href", equalTo(BASE + oembed(PAGE + "first-steps") + "&format=json"))
                .body("jsonLd.'@context'", equalTo("https://schema.org"))
                .body("jsonLd.'@type'", equalTo("Article"))
                .body("jsonLd.headline", equalTo("First Steps"))
                .body("jsonLd.datePublished", equalTo("2026-01-01"))
                .body("jsonLd.image.url", startsWith(BASE + "/api/v1/assets/"))
                .body("jsonLd.image.width", equalTo(240));
        given().get("/api/v1/essays/third-way/meta").then().statusCode(200)
                .body("twitter.card", equalTo("summary"))
                .body("openGraph.image", nullValue());
    }

    @Test
    void jsonLdObjectsKeepTheirKeysInOneOrderSoEveryReplicaSendsTheSameBytes() {
        // Map.of iterates in an order that changes from one JVM to the next: another body, another ETag, per replica
        String body = raw().get("/api/v1/essays/first-steps/meta").then().statusCode(200).extract().asString();
        assertThat(body).contains("\"author\":{\"@type\":\"Organization\",\"name\":")
                .contains("\"publisher\":{\"@type\":\"Organization\",\"name\":\"Essays\",\"url\":")
                .contains("\"image\":{\"@type\":\"ImageObject\",\"url\":")
                .contains("\"isPartOf\":{\"@type\":\"CreativeWorkSeries\",\"name\":\"Alpha Series\"}");
    }

    @Test
    void metaAsHtmlIsEscapedAndItsJsonLdCannotCloseTheScript() {
        Response r = raw().get("/api/v1/essays/first-steps/meta?format=html");
        r.then().statusCode(200).contentType("text/html; charset=utf-8");
        Document head = Jsoup.parse("<head>" + r.asString() + "</head>");
        assertThat(head.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(PAGE + "first-steps");
        assertThat(head.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("First Steps");
        assertThat(head.selectFirst("meta[property=og:image]")).isNull();
        assertThat(head.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
        assertThat(head.selectFirst("link[rel=alternate][type=application/json+oembed]").attr("href"))
                .isEqualTo(BASE + oembed(PAGE + "first-steps") + "&format=json");
        assertThat(r.asString()).contains("&amp;format=json");
        String jsonLd = head.selectFirst("script[type=application/ld+json]").data();
        assertThat(jsonLd).startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"Article\"");
        assertThat(jsonLd).doesNotContain("<").doesNotContain(">").doesNotContain("&");
        given().get("/api/v1/essays/first-steps/meta?format=xml").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/essays/nope/meta").then().statusCode(404).contentType("application/problem+json");
    }

    static String sha256(String text) throws Exception {
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(sum);
    }
}
