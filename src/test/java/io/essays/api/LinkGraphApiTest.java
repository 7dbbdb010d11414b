package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.essays.support.FixtureGraphProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The link endpoints over a fixture with a known graph (src/test/resources/fixture-graph):
 *
 * <pre>
 * apple  → banana ×3 (one into #peeling), apple → cherry, apple → apple#roots (in-essay, not an edge)
 * banana → cherry#picking
 * cherry → apple (closing the cycles apple → banana → cherry → apple and apple ⇄ cherry), cherry → date
 * date, elder: no links out; elder: no links in
 * </pre>
 */
@QuarkusTest
@TestProfile(FixtureGraphProfile.class)
class LinkGraphApiTest {

    @Test
    void outgoingLinksGroupEveryPlaceByTargetWithoutSelfLinks() {
        given().get("/api/v1/essays/apple/links").then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .header("Cache-Control", startsWith("public, max-age="))
                .body("slug", equalTo("apple"))
                .body("title", equalTo("Apple Basics"))
                .body("outgoing.slug", contains("banana", "cherry"))
                .body("outgoing[0].title", equalTo("Banana Split"))
                .body("outgoing[0].series.slug", equalTo("core"))
                .body("outgoing[0].series.title", equalTo("Core Fruit"))
                .body("outgoing[0].links.text", contains("bananas", "the peeling step", "Banana Split"))
                .body("outgoing[0].links.anchor", contains(null, "peeling", null))
                .body("outgoing[0].links.sectionId", contains(null, null, "seeds"))
                .body("outgoing[0].links.line", contains(10, 10, 18))
                .body("outgoing[0].links[1].context.text", equalTo("Apples lead to bananas and, for the peel, to the peeling step."))
                .body("outgoing[0].links[1].context.html",
                        equalTo("Apples lead to bananas and, for the peel, to <mark>the peeling step</mark>."))
                .body("outgoing[1].series.slug", equalTo("extra"))
                .body("outgoing[1].links.text", contains("cherries"))
                .body("outgoing[1].links.sectionId", contains("roots"))
                .body("outgoing[1].links.line", contains(14));
    }

    @Test
    void backlinksCarryTheirContext() {
        given().get("/api/v1/essays/cherry/links").then().statusCode(200)
                .body("outgoing.slug", contains("apple", "date"))
                .body("incoming.slug", contains("apple", "banana"))
                .body("incoming[0].links.text", contains("cherries"))
                .body("incoming[0].links[0].sectionId", equalTo("roots"))
                .body("incoming[0].links[0].context.text", equalTo("Then try cherries."))
                .body("incoming[0].links[0].context.html", equalTo("Then try <mark>cherries</mark>."))
                .body("incoming[1].links[0].text", equalTo("cherry picking"))
                .body("incoming[1].links[0].anchor", equalTo("picking"))
                .body("incoming[1].links[0].sectionId", nullValue())
                .body("incoming[1].links[0].line", equalTo(10))
                .body("incoming[1].links[0].context.html", equalTo("A banana split needs <mark>cherry picking</mark> first."));
        given().get("/api/v1/essays/elder/links").then().statusCode(200)
                .body("outgoing", empty())
                .body("incoming", empty());
    }

    @Test
    void detailLinkListsLeaveOutLinksToItself() {
        given().get("/api/v1/essays/apple").then().statusCode(200)
                .body("links.slug", contains("banana", "cherry"))
                .body("backlinks.slug", contains("cherry"));
    }

    @Test
    void graphHasEveryEssayAndOneWeightedEdgePerLinkedPair() {
        given().get("/api/v1/graph").then().statusCode(200)
                .contentType("application/json")
                .body("nodes.slug", contains("apple", "banana", "cherry", "date", "elder"))
                .body("nodes.inDegree", contains(1, 1, 2, 1, 0))
                .body("nodes.outDegree", contains(2, 1, 2, 0, 0))
                .body("nodes[2].series.slug", equalTo("extra"))
                .body("nodes[0]", not(hasKey("distance")))
                .body("edges.source", contains("apple", "apple", "banana", "cherry", "cherry"))
                .body("edges.target", contains("banana", "cherry", "cherry", "apple", "date"))
                .body("edges.weight", contains(3, 1, 1, 1, 1));
    }

    @Test
    void graphFilteredBySeriesKeepsEdgesInsideItAndCorpusDegrees() {
        given().queryParam("series", "extra").get("/api/v1/graph").then().statusCode(200)
                .body("nodes.slug", contains("cherry", "date", "elder"))
                .body("nodes.inDegree", contains(2, 1, 0))
                .body("edges.source", contains("cherry"))
                .body("edges.target", contains("date"));
        given().queryParam("series", "core").get("/api/v1/graph").then().statusCode(200)
                .body("nodes.slug", contains("apple", "banana"))
                .body("edges.weight", contains(3));
        given().queryParam("series", "nope").get("/api/v1/graph").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("Unknown series 'nope' in filter 'series'; known series: core, extra"));
    }

    @Test
    void neighbourhoodFollowsLinksBothWaysUpToDepth() {
        given().get("/api/v1/essays/date/graph").then().statusCode(200)
                .body("nodes.slug", contains("date", "cherry"))
                .body("nodes.distance", contains(0, 1))
                .body("nodes.inDegree", contains(1, 2))
                .body("edges.source", contains("cherry"))
                .body("edges.target", contains("date"));
        given().queryParam("depth", 2).get("/api/v1/essays/date/graph").then().statusCode(200)
                .body("nodes.slug", contains("date", "cherry", "apple", "banana"))
                .body("nodes.distance", contains(0, 1, 2, 2))
                .body("edges.source", contains("apple", "apple", "banana", "cherry", "cherry"))
                .body("edges.target", contains("banana", "cherry", "cherry", "apple", "date"))
                .body("edges.weight", contains(3, 1, 1, 1, 1));
        given().queryParam("depth", 2).get("/api/v1/essays/elder/graph").then().statusCode(200)
                .body("nodes.slug", contains("elder"))
                .body("edges", empty());
    }

    @Test
    void depthOutsideOneToTwoIsProblem400() {
        for (String depth : List.of("0", "3", "two")) {
            given().queryParam("depth", depth).get("/api/v1/essays/apple/graph").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("'depth' must be a whole number from 1 to 2, got '" + depth + "'"));
        }
    }

    @Test
    void relatedEssaysAreRankedByScoreWithReasons() {
        given().get("/api/v1/essays/apple/related").then().statusCode(200)
                .contentType("application/json")
                .body("slug", contains("cherry", "banana", "date", "elder"))
                .body("score", contains(8.0f, 5.5f, 1.0f, 1.0f))
                .body("[0].title", equalTo("Cherry Picking"))
                .body("[0].series.slug", equalTo("extra"))
                .body("[0].reasons.reason", contains("links-to", "linked-from", "shared-tags"))
                .body("[0].reasons.score", contains(3.0f, 3.0f, 2.0f))
                .body("[0].reasons[2].values", contains("fruit", "red"))
                .body("[1].reasons.reason", contains("links-to", "both-link-to", "shared-tags", "same-series"))
                .body("[1].reasons[1].values", contains("cherry"))
                .body("[1].reasons[3].values", contains("core"))
                .body("[2].reasons.reason", contains("co-cited-by"))
                .body("[2].reasons[0].values", contains("cherry"));
        given().get("/api/v1/essays/cherry/related").then().statusCode(200)
                .body("slug", contains("apple", "banana", "date", "elder"))
                .body("score", contains(8.0f, 5.0f, 3.5f, 1.5f))
                .body("[1].reasons.reason", contains("linked-from", "co-cited-by", "shared-tags"))
                .body("[1].reasons[1].values", contains("apple"));
        given().get("/api/v1/essays/banana/related").then().statusCode(200)
                .body("slug", contains("apple", "cherry"))
                .body("score", contains(5.5f, 5.0f));
    }

    @Test
    void relatedTiesAreBrokenBySlugAndLimitCuts() {
        given().get("/api/v1/essays/elder/related").then().statusCode(200)
                .body("slug", contains("cherry", "date", "apple"))
                .body("score", contains(1.5f, 1.5f, 1.0f));
        given().queryParam("limit", 2).get("/api/v1/essays/apple/related").then().statusCode(200)
                .body("slug", contains("cherry", "banana"));
        given().queryParam("limit", 50).get("/api/v1/essays/date/related").then().statusCode(200)
                .body("slug", contains("cherry", "elder", "apple"))
                .body("score", contains(3.5f, 1.5f, 1.0f));
    }

    @Test
    void badLimitIsProblem400() {
        for (String limit : List.of("0", "51", "-1", "many")) {
            given().queryParam("limit", limit).get("/api/v1/essays/apple/related").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("'limit' must be a whole number from 1 to 50, got '" + limit + "'"));
        }
    }

    @Test
    void previewOfAnEssayIsItsCard() {
        given().get("/api/v1/essays/banana/preview").then().statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .body("slug", equalTo("banana"))
                .body("title", equalTo("Banana Split"))
                .body("series.slug", equalTo("core"))
                .body("series.title", equalTo("Core Fruit"))
                .body("summary", equalTo("A split, a peel and a link onwards."))
                .body("readingMinutes", equalTo(1))
                .body("section", nullValue());
    }

    @Test
    void previewOfAnAnchorHasTheHeadingAndFirstParagraph() {
        given().queryParam("anchor", "peeling").get("/api/v1/essays/banana/preview").then().statusCode(200)
                .body("title", equalTo("Banana Split"))
                .body("section.anchor", equalTo("peeling"))
                .body("section.heading", equalTo("Peeling"))
                .body("section.level", equalTo(2))
                .body("section.text", equalTo("Peeling is easy. Unlike apples code or apples math, plain apples count "
                        + "here, and so does APPLE BASICS. Pineapples and applesauce do not."))
                .body("section.html", equalTo("<p>Peeling is easy. Unlike <code>apples</code> code or "
                        + "<span class=\"math math-inline\"><math><semantics><mrow><mi>a</mi><mi>p</mi><mi>p</mi><mi>l</mi><mi>e</mi>"
                        + "<mi>s</mi></mrow><annotation encoding=\"application/x-tex\">apples</annotation></semantics></math>"
                        + "</span> math, plain apples\ncount here, and so does "
                        + "APPLE BASICS. Pineapples and applesauce do not.</p>"));
        given().queryParam("anchor", "growing").get("/api/v1/essays/date/preview").then().statusCode(200)
                .body("section.heading", equalTo("Growing"))
                .body("section.text", equalTo(""))
                .body("section.html", equalTo(""));
    }

    /** A heading followed directly by a subheading previews its first subsection's paragraph, not nothing. */
    @Test
    void previewOfAHeadingWithOnlySubsectionsHasItsFirstSubsectionsParagraph() {
        given().queryParam("anchor", "heat").get("/api/v1/essays/date/preview").then().statusCode(200)
                .body("section.anchor", equalTo("heat"))
                .body("section.heading", equalTo("Heat"))
                .body("section.level", equalTo(2))
                .body("section.text", equalTo("It grows slowly in heat."))
                .body("section.html", equalTo("<p>It grows slowly in heat.</p>"));
        given().queryParam("anchor", "slowly").get("/api/v1/essays/date/preview").then().statusCode(200)
                .body("section.heading", equalTo("Slowly"))
                .body("section.level", equalTo(3))
                .body("section.text", equalTo("It grows slowly in heat."));
    }

    /** A card is shown on other essays' pages too: "#roots" there would jump within that page, not to apple's. */
    @Test
    void previewGivesLinksToHeadingsOfItsOwnEssayAsCrossLinks() {
        given().queryParam("anchor", "roots").get("/api/v1/essays/apple/preview").then().statusCode(200)
                .body("section.html", equalTo("<p>See <a href=\"/essays/apple#roots\" data-essay=\"apple\">the roots "
                        + "here</a> and <a href=\"/essays/apple#roots\" data-essay=\"apple\">above</a>. Then try "
                        + "<a href=\"/essays/cherry\" data-essay=\"cherry\">cherries</a>.</p>"));
    }

    @Test
    void unknownAnchorIsProblem404NamingIt() {
        given().queryParam("anchor", "roots").get("/api/v1/essays/banana/preview").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("detail", equalTo("Essay 'banana' has no heading with id 'roots'; the essay's toc lists its heading ids"));
    }

    @Test
    void mentionsAreUnlinkedTitlesAndAliasesOutsideCodeMathAndHeadings() {
        given().get("/api/v1/essays/apple/mentions").then().statusCode(200)
                .contentType("application/json")
                .body("slug", contains("banana"))
                .body("[0].title", equalTo("Banana Split"))
                .body("[0].series.slug", equalTo("core"))
                .body("[0].linksHere", equalTo(false))
                .body("[0].mentions.term", contains("apples", "Apple Basics", "Apple Basics", "pomme"))
                .body("[0].mentions.text", contains("apples", "APPLE BASICS", "Apple Basics", "pomme"))
                .body("[0].mentions.sectionId", contains("peeling", "peeling", "apple-basics-compared", "apple-basics-compared"))
                .body("[0].mentions.line", contains(14, 15, 19, 19))
                .body("[0].mentions[0].context.text",
                        equalTo("Unlike apples code or apples math, plain apples count here, and so does APPLE BASICS."))
                .body("[0].mentions[0].context.html",
                        equalTo("Unlike apples code or apples math, plain <mark>apples</mark> count here, and so does APPLE BASICS."))
                .body("[0].mentions[3].context.html",
                        equalTo("The heading above names Apple Basics, and this line mentions <mark>pomme</mark> once."));
    }

    @Test
    void mentionsSpanLineBreaksAndSayWhetherTheEssayLinksElsewhere() {
        given().get("/api/v1/essays/banana/mentions").then().statusCode(200)
                .body("slug", contains("apple", "cherry"))
                .body("linksHere", contains(true, false))
                .body("[0].mentions.text", contains("bananas"))
                .body("[0].mentions[0].sectionId", equalTo("seeds"))
                .body("[0].mentions[0].line", equalTo(18))
                .body("[1].mentions.term", contains("bananas", "Banana Split"))
                .body("[1].mentions.text", contains("Bananas", "Banana Split"))
                .body("[1].mentions.line", contains(15, 16))
                .body("[1].mentions[1].context.html",
                        equalTo("Bananas are mentioned across a line break here, as is <mark>Banana Split</mark>."));
        given().get("/api/v1/essays/cherry/mentions").then().statusCode(200)
                .body("slug", contains("elder"))
                .body("[0].mentions.text", contains("cherries"))
                .body("[0].mentions[0].sectionId", nullValue())
                .body("[0].mentions[0].line", equalTo(9));
        given().get("/api/v1/essays/date/mentions").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void unknownEssayIsProblem404OnEveryLinkEndpoint() {
        for (String path : List.of("links", "graph", "related", "preview", "mentions")) {
            given().get("/api/v1/essays/nope/" + path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No essay with slug 'nope'"))
                    .body("instance", equalTo("/api/v1/essays/nope/" + path));
        }
    }

    @Test
    void linkResponsesRevalidateWithTheirEtag() {
        String etag = given().get("/api/v1/graph").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/graph").then().statusCode(304);
        String other = given().queryParam("series", "core").get("/api/v1/graph").then().statusCode(200).extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(etag);
    }

    @Test
    void linkPropertiesHoldForEveryEssay() {
        LinkGraphProperties.holdForEveryEssay();
    }
}
