package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.support.FixtureGraphProfile;

/**
 * Properties that hold for any corpus, checked over the HTTP API for every essay: the detail's link lists, /links,
 * the graph, neighbourhoods, related essays, previews and mentions agree with each other. (Bodies are read with
 * Jackson: RestAssured's GPath is too slow for a few hundred responses.)
 */
final class LinkGraphProperties {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LinkGraphProperties() {
    }

    static void holdForEveryEssay() {
        // 40: FixtureGraphProfile's largest page (the real corpus has 12 essays, the graph fixture 5)
        JsonNode list = get("/api/v1/essays?sort=reading-order&size=" + FixtureGraphProfile.MAX_SIZE);
        assertThat(list.at("/page/totalPages").asInt()).as("this check reads one page of essays").isEqualTo(1);
        List<String> slugs = texts(list.get("items"), "slug");
        Map<String, JsonNode> links = new LinkedHashMap<>();
        for (String slug : slugs) {
            JsonNode detail = get("/api/v1/essays/" + slug);
            JsonNode l = get("/api/v1/essays/" + slug + "/links");
            links.put(slug, l);
            assertThat(texts(l.get("outgoing"), "slug")).as(slug + ": /links outgoing = detail links")
                    .isEqualTo(texts(detail.get("links"), "slug"));
            assertThat(texts(l.get("incoming"), "slug")).as(slug + ": /links incoming = detail backlinks")
                    .isEqualTo(texts(detail.get("backlinks"), "slug"));
            assertThat(texts(l.get("outgoing"), "slug")).as(slug + ": no self-loop").doesNotContain(slug);
            checkPreviews(slug, detail);
        }

        // every link A→B is among B's backlinks, at the same places, and the other way round
        var edges = new HashSet<String>();
        int outgoingPlaces = 0;
        int incomingPlaces = 0;
        for (String a : slugs) {
            for (JsonNode target : links.get(a).get("outgoing")) {
                String b = target.get("slug").asText();
                JsonNode in = linksFrom(links.get(b), a);
                assertThat(in).as(a + " → " + b + " is among " + b + "'s backlinks").isNotNull();
                assertThat(places(in)).as(a + " → " + b + ": same places both ways").isEqualTo(places(target.get("links")));
                in.forEach(place -> checkContext(a + " → " + b, place.get("context")));
                edges.add(a + " → " + b + " ×" + target.get("links").size());
                outgoingPlaces += target.get("links").size();
            }
            for (JsonNode source : links.get(a).get("incoming")) {
                incomingPlaces += source.get("links").size();
            }
        }
        assertThat(incomingPlaces).as("every backlink is some essay's link").isEqualTo(outgoingPlaces);

        // the graph's edges are exactly the distinct (source, target) pairs, weighted by their links
        JsonNode graph = get("/api/v1/graph");
        assertThat(texts(graph.get("nodes"), "slug")).isEqualTo(slugs);
        var graphEdges = new ArrayList<String>();
        for (JsonNode e : graph.get("edges")) {
            graphEdges.add(e.get("source").asText() + " → " + e.get("target").asText() + " ×" + e.get("weight").asInt());
        }
        assertThat(graphEdges).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(edges);
        for (JsonNode node : graph.get("nodes")) {
            String slug = node.get("slug").asText();
            assertThat(node.get("inDegree").asInt()).as(slug + " in-degree").isEqualTo(links.get(slug).get("incoming").size());
            assertThat(node.get("outDegree").asInt()).as(slug + " out-degree").isEqualTo(links.get(slug).get("outgoing").size());
        }

        for (String slug : slugs) {
            checkNeighbourhood(slug, links.get(slug));
            checkRelated(slug, links.get(slug));
            checkMentions(slug);
        }
    }

    private static void checkPreviews(String slug, JsonNode detail) {
        JsonNode preview = get("/api/v1/essays/" + slug + "/preview");
        assertThat(preview.get("title")).isEqualTo(detail.get("title"));
        assertThat(preview.get("summary")).isEqualTo(detail.get("summary"));
        assertThat(preview.get("section").isNull()).isTrue();
        for (JsonNode heading : detail.get("toc")) {
            String id = heading.get("id").asText();
            JsonNode section = get("/api/v1/essays/" + slug + "/preview?anchor=" + id).get("section");
            assertThat(section.get("anchor").asText()).isEqualTo(id);
            assertThat(section.get("heading")).as(slug + "#" + id).isEqualTo(heading.get("text"));
            assertThat(section.get("level")).isEqualTo(heading.get("level"));
            assertThat(section.get("html").asText()).doesNotContain("<script");
        }
    }

    private static JsonNode linksFrom(JsonNode target, String source) {
        for (JsonNode s : target.get("incoming")) {
            if (s.get("slug").asText().equals(source)) {
                return s.get("links");
            }
        }
        return null;
    }

    /** Where each link sits, without its context (which only backlinks must carry). */
    private static List<String> places(JsonNode links) {
        var result = new ArrayList<String>();
        links.forEach(l -> result.add(l.get("text") + " " + l.get("anchor") + " " + l.get("sectionId") + " " + l.get("line")));
        return result;
    }

    private static void checkContext(String what, JsonNode context) {
        String html = context.get("html").asText();
        assertThat(context.get("text").asText()).as(what + " context").isNotBlank();
        assertThat(html).as(what + " context html").contains("<mark>");
        assertThat(html.replace("<mark>", "").replace("</mark>", "")).as(what + " context html has no other markup")
                .doesNotContain("<", ">");
    }

    private static void checkNeighbourhood(String slug, JsonNode links) {
        JsonNode local = get("/api/v1/essays/" + slug + "/graph?depth=1");
        Set<String> expected = new HashSet<>(texts(links.get("outgoing"), "slug"));
        expected.addAll(texts(links.get("incoming"), "slug"));
        expected.add(slug);
        assertThat(new HashSet<>(texts(local.get("nodes"), "slug"))).as(slug + " depth-1 nodes").isEqualTo(expected);
        assertThat(local.at("/nodes/0/slug").asText()).isEqualTo(slug);
        assertThat(local.at("/nodes/0/distance").asInt()).isZero();
        JsonNode wider = get("/api/v1/essays/" + slug + "/graph?depth=2");
        assertThat(texts(wider.get("nodes"), "slug")).as(slug + " depth 2 ⊇ depth 1")
                .containsAll(texts(local.get("nodes"), "slug"));
    }

    private static void checkRelated(String slug, JsonNode links) {
        JsonNode related = get("/api/v1/essays/" + slug + "/related?limit=50");
        List<String> outgoing = texts(links.get("outgoing"), "slug");
        List<String> incoming = texts(links.get("incoming"), "slug");
        double previous = Double.MAX_VALUE;
        for (JsonNode r : related) {
            String other = r.get("slug").asText();
            double score = r.get("score").asDouble();
            assertThat(other).isNotEqualTo(slug);
            assertThat(score).as(slug + " related ordered by score").isPositive().isLessThanOrEqualTo(previous);
            previous = score;
            double sum = 0;
            var kinds = new ArrayList<String>();
            for (JsonNode reason : r.get("reasons")) {
                sum += reason.get("score").asDouble();
                kinds.add(reason.get("reason").asText());
            }
            assertThat(sum).as(slug + " → " + other + " score = sum of reasons").isEqualTo(score);
            assertThat(kinds.contains("links-to")).as(slug + " links to " + other).isEqualTo(outgoing.contains(other));
            assertThat(kinds.contains("linked-from")).as(other + " links to " + slug).isEqualTo(incoming.contains(other));
        }
        assertThat(texts(get("/api/v1/essays/" + slug + "/related"), "slug"))
                .isEqualTo(texts(related, "slug").stream().limit(5).toList());
    }

    private static void checkMentions(String slug) {
        for (JsonNode source : get("/api/v1/essays/" + slug + "/mentions")) {
            String by = source.get("slug").asText();
            assertThat(by).as("an essay does not mention itself").isNotEqualTo(slug);
            assertThat(source.get("mentions").size()).isPositive();
            source.get("mentions").forEach(m -> checkContext(by + " mentions " + slug, m.get("context")));
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        var result = new ArrayList<String>();
        array.forEach(item -> result.add(item.get(field).asText()));
        return result;
    }

    private static JsonNode get(String path) {
        String body = given().get(path).then().statusCode(200).contentType("application/json").extract().asString();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON from " + path, e);
        }
    }
}
