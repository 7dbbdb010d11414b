package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.essays.importer.ImportService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The REST API over the fixture corpus (src/test/resources/fixture). Runs on H2; {@link PostgresEssayApiTest} reruns it on PostgreSQL. */
@QuarkusTest
public class EssayApiTest {

    @Inject
    ImportService imports;

    /**
     * Titles, summaries, descriptions, aliases, headings (and so anchors) and link texts are stored whatever their
     * length: a long heading is not a reason for an import to fail in the database.
     */
    @Test
    void longTextsAreStoredWhole() throws IOException {
        Path fixture = Path.of("src/test/resources/fixture");
        Path copy = Files.createTempDirectory("fixture-long");
        String title = "A Third Way " + "and yet another way ".repeat(40);
        String heading = "Heading " + "with many words ".repeat(150);
        String alias = "alias " + "y".repeat(400);
        String linkText = "link " + "z".repeat(1500);
        String description = "A description " + "that goes on ".repeat(500);
        try {
            copyTree(fixture, copy);
            Files.writeString(copy.resolve("series/gamma.yaml"), "title: Gamma " + "Series ".repeat(100) + "\norder: 3\n"
                    + "description: " + description + "\n");
            Files.writeString(copy.resolve("essays/third-way.md"), "---\ntitle: " + title + "\nseries: beta\norder: 1\n"
                    + "summary: " + "Stands alone. ".repeat(400) + "\ntags: [basics]\naliases: [" + alias + "]\n"
                    + "published: 2026-01-15\n---\nSee [" + linkText + "](first-steps.md).\n\n## " + heading + "\n\nLast words.\n");
            assertThat(imports.importFrom(copy).changed()).isTrue();
            given().get("/api/v1/essays/third-way").then().statusCode(200)
                    .body("title", equalTo(title.strip()))
                    .body("aliases", contains(alias))
                    .body("toc[0].text", equalTo(heading.strip()))
                    .body("toc[0].id.length()", equalTo(heading.strip().length()));
            given().get("/api/v1/essays/first-steps/links").then().statusCode(200)
                    .body("incoming.find { it.slug == 'third-way' }.links[0].text", equalTo(linkText));
            given().get("/api/v1/series/gamma").then().statusCode(200)
                    .body("description", equalTo(description.strip()));
        } finally {
            imports.importFrom(fixture);
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        given().get("/api/v1/essays/third-way").then().statusCode(200).body("title", equalTo("A Third Way"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void seriesAreListedInOrderWithEssayCounts() {
        given().get("/api/v1/series").then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .body("slug", contains("alpha", "beta", "gamma"))
                .body("essayCount", contains(2, 1, 0))
                .body("[1].description", equalTo("The second series, folded over two lines."))
                .body("[0].order", equalTo(1));
    }

    @Test
    void seriesDetailListsEssaysInReadingOrder() {
        given().get("/api/v1/series/alpha").then().statusCode(200)
                .body("title", equalTo("Alpha Series"))
                .body("essayCount", equalTo(2))
                .body("essays.slug", contains("first-steps", "second-look"))
                .body("essays[0].html", nullValue());
        given().get("/api/v1/series/gamma").then().statusCode(200).body("essays", hasSize(0));
    }

    @Test
    void unknownSeriesIsProblem404() {
        given().get("/api/v1/series/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No series with slug 'nope'"))
                .body("instance", equalTo("/api/v1/series/nope"));
    }

    /** RFC 9457's instance is a URI reference: decoded, {@code first-steps%3Ffields=title} would name another resource. */
    @Test
    void aProblemsInstanceIsThePathAsSentStillEncoded() {
        given().urlEncodingEnabled(false).get("/api/v1/essays/first-steps%3Ffields=title").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/essays/first-steps%3Ffields=title"));
        given().urlEncodingEnabled(false).get("/api/v1/nothing/%C3%A9t%C3%A9%20here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("instance", equalTo("/api/v1/nothing/%C3%A9t%C3%A9%20here"))
                .body("detail", equalTo("No resource at /api/v1/nothing/%C3%A9t%C3%A9%20here"));
    }

    @Test
    void essaysAreListedNewestFirstByDefaultWithoutHtml() {
        given().get("/api/v1/essays").then().statusCode(200)
                .body("items.slug", contains("second-look", "third-way", "first-steps"))
                .body("items[0].html", nullValue())
                .body("items[0].series.slug", equalTo("alpha"))
                .body("items[0].series.title", equalTo("Alpha Series"))
                .body("items[0].updated", equalTo("2026-03-01"))
                .body("items[1].updated", nullValue())
                .body("items[2].tags", contains("basics", "maths"))
                .body("items[2].readingMinutes", equalTo(1))
                .body("page.number", equalTo(1))
                .body("page.size", equalTo(20))
                .body("page.totalItems", equalTo(3))
                .body("page.totalPages", equalTo(1));
    }

    @Test
    void essaysSortByPublishedAndTitleBothWays() {
        given().queryParam("sort", "published").get("/api/v1/essays").then()
                .body("items.slug", contains("first-steps", "third-way", "second-look"));
        given().queryParam("sort", "title").get("/api/v1/essays").then()
                .body("items.title", contains("A Third Way", "First Steps", "Second Look"));
        given().queryParam("sort", "-title").get("/api/v1/essays").then()
                .body("items.title", contains("Second Look", "First Steps", "A Third Way"));
        given().queryParam("sort", "reading-order").get("/api/v1/essays").then()
                .body("items.slug", contains("first-steps", "second-look", "third-way"));
    }

    @Test
    void essaysFilterBySeriesAndTag() {
        given().queryParam("series", "alpha").get("/api/v1/essays").then()
                .body("items.slug", contains("second-look", "first-steps"));
        given().queryParam("tag", "basics").get("/api/v1/essays").then()
                .body("items.slug", contains("third-way", "first-steps"));
        given().queryParam("tag", "maths").queryParam("series", "alpha").queryParam("sort", "title").get("/api/v1/essays")
                .then().body("items.slug", contains("first-steps", "second-look"));
    }

    @Test
    void paginationHasPageObjectAndLinkHeader() {
        given().queryParam("size", 1).queryParam("page", 2).queryParam("sort", "title").get("/api/v1/essays").then()
                .statusCode(200)
                .body("items.slug", contains("first-steps"))
                .body("page.number", equalTo(2))
                .body("page.totalPages", equalTo(3))
                .header("Link", equalTo("</api/v1/essays?sort=title&page=1&size=1>; rel=\"first\", "
                        + "</api/v1/essays?sort=title&page=1&size=1>; rel=\"prev\", "
                        + "</api/v1/essays?sort=title&page=3&size=1>; rel=\"next\", "
                        + "</api/v1/essays?sort=title&page=3&size=1>; rel=\"last\""));
    }

    @Test
    void invalidListParametersAreProblem400() {
        given().queryParam("page", 0).get("/api/v1/essays").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("'page' must be a whole number from 1, got '0'"));
        given().queryParam("size", 10000).get("/api/v1/essays").then().statusCode(400)
                .body("detail", equalTo("'size' must be a whole number from 1 to 100, got '10000'"));
        given().queryParam("page", "abc").get("/api/v1/essays").then().statusCode(400)
                .body("detail", containsString("'page' must be a whole number"));
        given().queryParam("sort", "popularity").get("/api/v1/essays").then().statusCode(400)
                .body("detail", startsWith("Unknown sort 'popularity'; use one of -published, published, title"));
        given().queryParam("series", "nope").get("/api/v1/essays").then().statusCode(400)
                .body("detail", equalTo("Unknown series 'nope' in filter 'series'; known series: alpha, beta, gamma"));
        given().queryParam("tag", "nope").get("/api/v1/essays").then().statusCode(400)
                .body("detail", startsWith("Unknown tag 'nope'"));
        given().queryParam("page", 5).get("/api/v1/essays").then().statusCode(400)
                .body("detail", equalTo("Page 5 is past the last page (1) of 3 essays"));
    }

    @Test
    void essayDetailHasEverything() {
        given().get("/api/v1/essays/second-look").then().statusCode(200)
                .body("title", equalTo("Second Look"))
                .body("series.slug", equalTo("alpha"))
                .body("order", equalTo(2))
                .body("published", equalTo("2026-02-01"))
                .body("updated", equalTo("2026-03-01"))
                .body("toc.id", contains("details", "more"))
                .body("toc.level", contains(2, 2))
                .body("toc[1].text", equalTo("More"))
                .body("links.slug", contains("first-steps"))
                .body("backlinks.slug", contains("first-steps"))
                .body("backlinks[0].title", equalTo("First Steps"))
                .body("previous.slug", equalTo("first-steps"))
                .body("next", nullValue())
                .body("wordCount", equalTo(27))
                .body("html", containsString("<a href=\"/essays/first-steps#setup\" data-essay=\"first-steps\">setup</a>"))
                .body("html", containsString("<a href=\"#more\">below</a>"))
                .body("html", containsString("<del>Struck</del>"))
                .body("html", containsString("type=\"checkbox\""));
    }

    @Test
    void essayHtmlIsSafeAndMathIsMathMlThatKeepsItsTex() {
        given().get("/api/v1/essays/first-steps").then().statusCode(200)
                .body("links.slug", contains("second-look", "third-way"))
                .body("backlinks.slug", contains("second-look"))
                .body("previous", nullValue())
                .body("next.slug", equalTo("second-look"))
                .body("aliases", contains("first steps", "beginnings"))
                .body("html", not(containsString("<script")))
                .body("html", containsString("&lt;script&gt;"))
                .body("html", not(containsString("javascript:")))
                .body("html", containsString("<a rel=\"noopener noreferrer\" href=\"https://example.org/page\">an external one</a>"))
                .body("html", containsString("<span class=\"math math-inline\"><math><semantics><mrow><msub><mi>x</mi>"
                        + "<mn>1</mn></msub><mo>+</mo><msub><mi>y</mi><mn>2</mn></msub></mrow>"
                        + "<annotation encoding=\"application/x-tex\">x_1 + y_2</annotation></semantics></math></span>"))
                .body("html", containsString("<div class=\"math math-display\"><math display=\"block\"><semantics>"))
                .body("html", containsString("<annotation encoding=\"application/x-tex\">\\sum_{i=1}^{n} a_i * b_i</annotation>"))
                .body("html", not(containsString("math-inline\">x_1")))
                .body("html", containsString("<table>"))
                .body("html", containsString("class=\"footnotes\""));
    }

    @Test
    void mathTexGivesEscapedTexSpansWithTheirOwnEtag() {
        String mathMlTag = given().get("/api/v1/essays/first-steps").then().statusCode(200)
                .extract().header("ETag");
        String texTag = given().queryParam("math", "tex").get("/api/v1/essays/first-steps").then().statusCode(200)
                .contentType("application/json")
                .header("ETag", not(equalTo(mathMlTag)))
                .body("html", containsString("<span class=\"math math-inline\">x_1 + y_2</span>"))
                .body("html", containsString("<div class=\"math math-display\">\\sum_{i=1}^{n} a_i * b_i</div>"))
                .body("html", not(containsString("<math")))
                .body("html", containsString("<a rel=\"noopener noreferrer\" href=\"https://example.org/page\">an external one</a>"))
                .body("title", equalTo("First Steps"))
                .extract().header("ETag");
        given().queryParam("math", "tex").header("If-None-Match", texTag).get("/api/v1/essays/first-steps").then()
                .statusCode(304).header("ETag", texTag);
        given().queryParam("math", "mathml").get("/api/v1/essays/first-steps").then().statusCode(200)
                .header("ETag", mathMlTag);
    }

    @Test
    void htmlFragmentWithMathTexHasItsOwnEtag() {
        String mathMl = given().get("/api/v1/essays/first-steps/html").then().statusCode(200)
                .contentType("text/html; charset=utf-8")
                .body(containsString("<annotation encoding=\"application/x-tex\">x_1 + y_2</annotation>"))
                .extract().header("ETag");
        given().queryParam("math", "tex").get("/api/v1/essays/first-steps/html").then().statusCode(200)
                .contentType("text/html; charset=utf-8")
                .header("ETag", not(equalTo(mathMl)))
                .body(startsWith("<p>The opening paragraph mentions <span class=\"math math-inline\">x_1 + y_2</span>"))
                .body(not(containsString("<math")));
    }

    @Test
    void unknownMathIsProblem400() {
        for (String path : new String[] {"/api/v1/essays/first-steps", "/api/v1/essays/first-steps/html"}) {
            given().queryParam("math", "svg").get(path).then().statusCode(400)
                    .contentType("application/problem+json")
                    .header("Cache-Control", "no-store")
                    .body("status", equalTo(400))
                    .body("detail", equalTo("Unknown math 'svg'; use mathml (the default: MathML elements) or tex "
                            + "(escaped TeX in span.math and div.math)"));
        }
    }

    @Test
    void htmlOpenedOnItsOwnMayRunNothingAndNoTextIsSniffed() {
        // twice: the second answer comes from the fast path's binding of the first
        for (int i = 0; i < 2; i++) {
            for (String path : new String[] {"/api/v1/essays/third-way/html", "/api/v1/essays/third-way/meta?format=html"}) {
                given().get(path).then().statusCode(200)
                        .contentType("text/html; charset=utf-8")
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy",
                                "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; sandbox");
            }
            given().get("/api/v1/essays/third-way/source").then().statusCode(200)
                    .contentType("text/markdown; charset=utf-8")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", nullValue());
        }
    }

    @Test
    void htmlFragmentIsServedAsHtml() {
        given().get("/api/v1/essays/third-way/html").then().statusCode(200)
                .contentType("text/html; charset=utf-8")
                .header("ETag", notNullValue())
                .body(startsWith("<p>Nothing links out from here, but <code>code</code>"));
    }

    @Test
    void sourceIsTheFileAsAuthored() {
        String source = given().get("/api/v1/essays/third-way/source").then().statusCode(200)
                .contentType("text/markdown; charset=utf-8")
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(source)
                .startsWith("---\ntitle: A Third Way\nseries: beta\n")
                .contains("## Only Heading\n\nLast words.");
    }

    @Test
    void unknownEssayIsProblem404OnEveryRepresentation() {
        for (String path : new String[] {"/api/v1/essays/nope", "/api/v1/essays/nope/html", "/api/v1/essays/nope/source"}) {
            given().get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .header("Cache-Control", "no-store")
                    .body("detail", equalTo("No essay with slug 'nope'"));
        }
    }

    @Test
    void tagsAreListedWithCounts() {
        given().get("/api/v1/tags").then().statusCode(200)
                .body("tag", contains("basics", "maths"))
                .body("count", contains(2, 2));
    }

    @Test
    void unlinkedMentionsAreStoredAndServed() {
        given().get("/api/v1/essays/first-steps/mentions").then().statusCode(200)
                .body("slug", contains("third-way"))
                .body("[0].linksHere", equalTo(false))
                .body("[0].mentions.term", contains("beginnings"))
                .body("[0].mentions[0].sectionId", equalTo("only-heading"))
                .body("[0].mentions[0].line", equalTo(13))
                .body("[0].mentions[0].context.html", equalTo("All <mark>beginnings</mark> are hard."));
    }

    @Test
    void relatedEssaysAreStoredAndServed() {
        given().get("/api/v1/essays/third-way/related").then().statusCode(200)
                .body("slug", contains("first-steps", "second-look"))
                .body("score", contains(4.0f, 1.0f))
                .body("[0].reasons.reason", contains("linked-from", "shared-tags"))
                .body("[0].reasons[1].values", contains("basics"))
                .body("[1].reasons.reason", contains("co-cited-by"))
                .body("[1].reasons[0].values", contains("first-steps"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().delete("/api/v1/essays/first-steps").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("GET, HEAD, OPTIONS"))
                .body("detail", equalTo("DELETE is not allowed on /api/v1/essays/first-steps; it answers GET, HEAD, OPTIONS"));
        given().get("/api/v1/admin/import").then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo("POST, OPTIONS"))
                .body("detail", equalTo("GET is not allowed on /api/v1/admin/import; it answers POST, OPTIONS"));
    }
}
