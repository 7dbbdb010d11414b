package io.essays.api;

import static io.essays.api.HttpCachingTest.raw;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Atom, JSON Feed and sitemap over the fixture corpus, parsed back (ROME, Jackson, a DOM parser): entries, ids, dates,
 * content, and that no URL in them is relative. {@link PostgresFeedApiTest} reruns it on PostgreSQL.
 */
@QuarkusTest
public class FeedApiTest {
    static final String PAGE = EmbedApiTest.PAGE;
    static final String BASE = EmbedApiTest.BASE;

    static SyndFeed atom(String path) throws Exception {
        Response r = raw().get(path);
        r.then().statusCode(200).contentType("application/atom+xml; charset=utf-8");
        return new SyndFeedInput().build(new StringReader(r.asString()));
    }

    @Test
    void aFeedReaderAskingForGenericXmlOrJsonGetsTheFeedAndOtherAcceptsAProblem406() {
        record Feed(String path, String type, List<String> generic, String other) {
        }
        for (Feed feed : List.of(
                new Feed("/feeds/atom.xml", "application/atom+xml; charset=utf-8",
                        List.of("application/xml", "text/xml", "application/xml;q=0.9, text/html"), "application/json"),
                new Feed("/feeds/feed.json", "application/feed+json",
                        List.of("application/json", "application/json;q=0.9, text/html"), "application/xml"))) {
            // bound to the fast path by the first plain request, and not (a parameter the method does not declare)
            for (String path : List.of(feed.path(), feed.path() + "?_=1")) {
                String body = raw().get(path).then().statusCode(200).extract().asString();
                for (String accept : feed.generic()) {
                    Response r = raw().header("Accept", accept).get(path);
                    r.then().statusCode(200).contentType(feed.type()).header("Vary", "Accept-Encoding");
                    assertThat(r.asString()).isEqualTo(body);
                    raw().header("Accept", accept).head(path).then().statusCode(200).contentType(feed.type());
                }
                raw().header("Accept", feed.other()).get(path).then().statusCode(406)
                        .contentType("application/problem+json").header("Cache-Control", "no-store");
                raw().header("Accept", feed.other()).head(path).then().statusCode(406);
                // the feed's own name is more specific than its generic syntax
                raw().header("Accept", feed.type().replace("; charset=utf-8", "") + ";q=0, " + feed.generic().get(0))
                        .get(path).then().statusCode(406);
                // the generic syntax only admits: refusing it leaves the wildcard to decide
                raw().header("Accept", feed.generic().get(0) + ";q=0, */*").get(path).then().statusCode(200)
                        .contentType(feed.type());
            }
        }
    }

    @Test
    void atomFeedListsEveryEssayNewestFirstWithStableIdsDatesSummaryAndContent() throws Exception {
        SyndFeed feed = atom("/feeds/atom.xml");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Essays");
        assertThat(feed.getUri()).isEqualTo(BASE + "/feeds/atom.xml");
        assertThat(feed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref).contains(
                org.assertj.core.groups.Tuple.tuple("self", BASE + "/feeds/atom.xml"));
        // the feed's updated is the newest entry's, never the time of the request or the import
        assertThat(feed.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).extracting(SyndEntry::getUri)
                .containsExactly(PAGE + "second-look", PAGE + "third-way", PAGE + "first-steps");
        assertThat(entries).extracting(SyndEntry::getLink)
                .containsExactly(PAGE + "second-look", PAGE + "third-way", PAGE + "first-steps");
        SyndEntry second = entries.get(0);
        assertThat(second.getTitle()).isEqualTo("Second Look");
        assertThat(second.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(second.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(second.getDescription().getValue()).isEqualTo("A second essay that links back to the first.");
        SyndEntry first = entries.get(2);
        assertThat(first.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(first.getCategories()).extracting(c -> c.getName()).containsExactly("basics", "maths");
        assertThat(first.getContents()).hasSize(1);
        assertThat(first.getContents().get(0).getType()).isEqualTo("html");
        String html = first.getContents().get(0).getValue();
        var content = Jsoup.parseBodyFragment(html);
        assertThat(content.select("math")).isNotEmpty();
        assertThat(content.selectFirst("a[data-essay=second-look]").attr("href")).isEqualTo(PAGE + "second-look#details");
        assertThat(content.selectFirst("figure img").attr("src"))
                .matches(BASE.replace(".", "\\.") + "/api/v1/assets/[0-9a-f]{64}/first-steps/curve\\.svg");
        assertThat(content.select("a[href^=#fn]")).isEmpty();
        assertThat(content.selectFirst("sup a").attr("href")).startsWith(PAGE + "first-steps#fn");
        entries.forEach(e -> assertAllAbsolute(e.getContents().get(0).getValue()));
        assertThat(entries).allSatisfy(e -> assertThat(e.getAuthors()).extracting(p -> p.getName())
                .containsExactly("The Essays authors"));
        assertThat(given().get("/feeds/atom.xml").asString()).as("no entry names an empty author")
                .doesNotContain("<name />").doesNotContain("<name></name>");
    }

    @Test
    void atomFeedOfOneSeriesHasOnlyItsEssaysAndAnUnknownSeriesIsProblem400() throws Exception {
        SyndFeed feed = atom("/feeds/atom.xml?series=alpha");
        assertThat(feed.getTitle()).isEqualTo("Essays: Alpha Series");
        assertThat(feed.getUri()).isEqualTo(BASE + "/feeds/atom.xml?series=alpha");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(PAGE + "second-look", PAGE + "first-steps");
        assertThat(atom("/feeds/atom.xml?series=gamma").getEntries()).isEmpty();
        given().get("/feeds/atom.xml?series=nope").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Unknown series 'nope'"));
        given().get("/feeds/feed.json?series=nope").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void jsonFeedHasTheSameEntriesAsTheAtomFeed() throws Exception {
        Response r = raw().get("/feeds/feed.json");
        r.then().statusCode(200).contentType("application/feed+json");
        JsonNode feed = new ObjectMapper().readTree(r.asByteArray());
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asText()).isEqualTo("Essays");
        assertThat(feed.get("feed_url").asText()).isEqualTo(BASE + "/feeds/feed.json");
        assertThat(feed.get("home_page_url").asText()).isEqualTo("https://essays.example.org/");
        assertThat(feed.get("authors").get(0).get("name").asText()).isEqualTo("The Essays authors");
        List<String> ids = new ArrayList<>();
        feed.get("items").forEach(item -> ids.add(item.get("id").asText()));
        List<String> atomIds = atom("/feeds/atom.xml").getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(ids).isEqualTo(atomIds);
        JsonNode second = feed.get("items").get(0);
        assertThat(second.get("url").asText()).isEqualTo(PAGE + "second-look");
        assertThat(second.get("title").asText()).isEqualTo("Second Look");
        assertThat(second.get("summary").asText()).isEqualTo("A second essay that links back to the first.");
        assertThat(second.get("date_published").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(second.get("date_modified").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(second.has("image")).isFalse();
        JsonNode first = feed.get("items").get(2);
        assertThat(first.get("image").asText()).startsWith(BASE + "/api/v1/assets/");
        assertThat(first.get("tags").toString()).isEqualTo("[\"basics\",\"maths\"]");
        feed.get("items").forEach(item -> assertAllAbsolute(item.get("content_html").asText()));
    }

    @Test
    void sitemapListsEveryEssayPageWithItsLastModification() throws Exception {
        Response r = raw().get("/sitemap.xml");
        r.then().statusCode(200).contentType("application/xml; charset=utf-8");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.asByteArray()));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("urlset");
        NodeList urls = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "url");
        var entries = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < urls.getLength(); i++) {
            var url = (Element) urls.item(i);
            entries.put(url.getElementsByTagNameNS("*", "loc").item(0).getTextContent(),
                    url.getElementsByTagNameNS("*", "lastmod").item(0).getTextContent());
        }
        assertThat(entries).containsExactly(Map.entry(PAGE + "first-steps", "2026-01-01"),
                Map.entry(PAGE + "second-look", "2026-03-01"), Map.entry(PAGE + "third-way", "2026-01-15"));
        entries.keySet().forEach(loc -> assertThat(URI.create(loc).isAbsolute()).isTrue());
    }

    @Test
    void feedsAndSitemapHaveStrongEtagsAnd304s() {
        for (String path : new String[] {"/feeds/atom.xml", "/feeds/atom.xml?series=alpha", "/feeds/feed.json", "/sitemap.xml"}) {
            Response r = raw().get(path);
            String etag = r.header("ETag");
            assertThat(etag).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(r.header("Last-Modified")).as(path).isNotNull();
            Response again = raw().header("If-None-Match", etag).get(path);
            assertThat(again.statusCode()).as(path).isEqualTo(304);
            assertThat(again.header("ETag")).as(path).isEqualTo(etag);
            // and the bytes are the same on the next request (the fast path)
            assertThat(raw().get(path).asString()).as(path).isEqualTo(r.asString());
        }
    }

    /** Every href and src in the HTML is an absolute URL. */
    static void assertAllAbsolute(String html) {
        var doc = Jsoup.parseBodyFragment(html);
        doc.select("[href]").forEach(e -> assertThat(URI.create(e.attr("href")).isAbsolute()).as(e.outerHtml()).isTrue());
        doc.select("[src]").forEach(e -> assertThat(URI.create(e.attr("src")).isAbsolute()).as(e.outerHtml()).isTrue());
    }
}
