package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.essays.http.OpenApiDocument;
import io.essays.importer.ImportService;
import io.essays.ops.Imports;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Real responses of every JSON operation, held to the schemas the spec gives for them: every property a schema lists as
 * {@code required} is there, and null only where the schema admits null, in every object at any depth. A generated
 * client that trusts the spec ({@code slug: string}, not {@code slug?: string}) can therefore trust the service. Runs
 * over the fixture corpus, after a release with one more essay, so that the delta sync since that one has a tombstone.
 */
@QuarkusTest
class ResponseContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "Bearer test-admin-token-0123";
    private static final Path FIXTURE = Path.of("src/test/resources/fixture");
    private static final String SCHEMAS = "#/components/schemas/";

    @Inject
    ImportService imports;

    private JsonNode spec;

    @BeforeEach
    void fixtureCorpus() throws IOException {
        imports.importFrom(FIXTURE);
        spec = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyJsonOperationAnswersWhatItsSchemaRequires() throws IOException {
        Path copy = Files.createTempDirectory("fixture-contract");
        try {
            // a release with one more essay, then the fixture again: the delta sync since it has a tombstone
            EssayApiTest.copyTree(FIXTURE, copy);
            Files.writeString(copy.resolve("essays/passing-by.md"), "---\ntitle: Passing By\nseries: gamma\norder: 1\n"
                    + "summary: Here for one release.\ntags: [basics]\npublished: 2026-02-01\n---\nGone soon.\n");
            imports.importFrom(copy);
            String syncToken = given().get("/api/v1/sync").then().statusCode(200).extract().path("nextSyncToken");
            imports.importFrom(FIXTURE);
            String location = given().header("Authorization", TOKEN).post("/api/v1/admin/import").then()
                    .statusCode(202).extract().header("Location");
            Imports.awaitFinished(location);
            String importPath = URI.create(location).getPath();
            String delta = "/api/v1/sync?token=" + URLEncoder.encode(syncToken, StandardCharsets.UTF_8);
            given().urlEncodingEnabled(false).get(delta).then().statusCode(200)
                    .body("items.find { it.slug == 'passing-by' }.deletedInRelease", notNullValue());
            // operationId -> the requests that exercise it (the variants of its answer)
            var requests = new LinkedHashMap<String, List<String>>();
            requests.put("listSeries", List.of("/api/v1/series"));
            requests.put("getSeries", List.of("/api/v1/series/alpha", "/api/v1/series/beta"));
            requests.put("listEssays", List.of("/api/v1/essays", "/api/v1/essays?size=1&page=2&sort=title",
                    "/api/v1/essays?fields=slug,title"));
            requests.put("getEssay", List.of("/api/v1/essays/first-steps", "/api/v1/essays/second-look?math=tex",
                    "/api/v1/essays/first-steps?fields=slug,html"));
            requests.put("listTags", List.of("/api/v1/tags"));
            requests.put("getEssayLinks", List.of("/api/v1/essays/first-steps/links", "/api/v1/essays/second-look/links"));
            requests.put("getGraph", List.of("/api/v1/graph", "/api/v1/graph?series=alpha"));
            requests.put("getEssayGraph", List.of("/api/v1/essays/first-steps/graph?depth=2"));
            requests.put("getRelatedEssays", List.of("/api/v1/essays/first-steps/related?limit=50"));
            requests.put("getEssayPreview", List.of("/api/v1/essays/second-look/preview",
                    "/api/v1/essays/second-look/preview?anchor=details"));
            requests.put("getEssayMentions", List.of("/api/v1/essays/first-steps/mentions",
                    "/api/v1/essays/second-look/mentions"));
            requests.put("searchEssays", List.of("/api/v1/search?q=details", "/api/v1/search?q=detials",
                    "/api/v1/search?q=steps&size=1"));
            requests.put("suggest", List.of("/api/v1/search/suggest?q=fir", "/api/v1/search/suggest?q=det",
                    "/api/v1/search/suggest?q=m"));
            requests.put("getEssayMeta", List.of("/api/v1/essays/first-steps/meta"));
            requests.put("getOEmbed", List.of(oembed("first-steps"), oembed("first-steps#details")
                    + "&maxwidth=200&maxheight=100"));
            requests.put("getJsonFeed", List.of("/feeds/feed.json", "/feeds/feed.json?series=alpha"));
            requests.put("sync", List.of("/api/v1/sync", "/api/v1/sync?limit=2", delta));
            requests.put("listReleases", List.of("/api/v1/releases"));
            requests.put("listImports", List.of("/api/v1/admin/imports"));
            requests.put("getImport", List.of(importPath));
            requests.put("listWebhookDeliveries", List.of("/api/v1/admin/webhooks/deliveries"));

            var operations = jsonGetOperations();
            assertThat(requests.keySet()).as("a request for every JSON operation of the spec")
                    .containsExactlyInAnyOrderElementsOf(operations.keySet());
            var checked = new TreeSet<String>();
            for (var entry : requests.entrySet()) {
                JsonNode schema = operations.get(entry.getKey());
                for (String request : entry.getValue()) {
                    var response = given().urlEncodingEnabled(false).header("Authorization", TOKEN).get(request);
                    String body = response.asString();
                    assertThat(response.statusCode()).as("%s: %s", request, body).isEqualTo(200);
                    var problems = new ArrayList<String>();
                    check(JSON.readTree(body), schema, request, !request.contains("fields="), problems, checked);
                    assertThat(problems).as(request).isEmpty();
                }
            }
            // the variants above reach every schema with required properties but DeliveryStatus: this profile has no
            // webhook target, so the delivery log is empty (BackgroundImportTest holds its entries to the spec)
            assertThat(checked).contains("ImportStatus", "ImportOutcome", "ReleaseChanges", "EssayPage", "PageInfo", "SeriesSummary", "SeriesDetail", "EssayLinks",
                    "LinkPlace", "EssayGraph", "GraphNode", "GraphEdge", "RelatedEssay", "RelatedReason", "Preview",
                    "SectionPreview", "MentioningEssay", "SearchResults", "SearchHit", "SearchSnippet", "Suggestion",
                    "EssayMeta", "OEmbed", "JsonFeed", "JsonFeedItem", "SyncPage", "SyncItem", "ReleaseSummary",
                    "TagCount", "TocEntry");
        } finally {
            imports.importFrom(FIXTURE);
            try (var files = Files.walk(copy)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void aTrimmableSchemaListsWhatAnUntrimmedAnswerAlwaysCarries() {
        var detail = new ArrayList<String>();
        spec.at("/components/schemas/EssayDetail/" + OpenApiDocument.REQUIRED_IN_FULL).forEach(p -> detail.add(p.asText()));
        assertThat(detail).contains("slug", "title", "html", "toc", "links", "backlinks", "pageUrl")
                .doesNotContain("updated", "previous", "next");
        assertThat(spec.at("/components/schemas/EssayDetail/required").isMissingNode()).isTrue();
        var summary = new ArrayList<String>();
        spec.at("/components/schemas/EssaySummary/" + OpenApiDocument.REQUIRED_IN_FULL).forEach(p -> summary.add(p.asText()));
        assertThat(summary).containsExactly("slug", "title", "summary", "series", "order", "tags", "published",
                "readingMinutes");
    }

    @Test
    void aProblemCarriesWhatItsSchemaRequires() throws IOException {
        JsonNode problem = spec.at("/components/schemas/Problem");
        var problems = new ArrayList<String>();
        for (String request : List.of("/api/v1/essays/nope", "/api/v1/essays?size=0", "/api/v1/nothing",
                "/api/v1/essays?q=" + "x".repeat(5000), "/api/v1/essays/first-steps/links")) {
            var response = request.endsWith("/links") ? given().delete(request) : given().get(request);
            assertThat(response.statusCode()).as(request).isGreaterThanOrEqualTo(400);
            check(JSON.readTree(response.asString()), problem, request, true, problems, new TreeSet<>());
        }
        assertThat(problems).isEmpty();
    }

    /** The spec says 406 for every operation, and each of them answers one to an Accept it cannot meet. */
    @Test
    void everyOperationRefusesAnAcceptItCannotMeetWithTheDocumented406() {
        String html = given().get("/api/v1/essays/first-steps/html").then().statusCode(200).extract().asString();
        var asset = java.util.regex.Pattern.compile("/api/v1/assets/[0-9a-f]{64}/[^\"]+\\.svg").matcher(html);
        assertThat(asset.find()).as("the fixture has a figure").isTrue();
        var requests = new LinkedHashMap<String, String>(); // operationId -> "METHOD path"
        requests.put("importCorpus", "POST /api/v1/admin/import");
        requests.put("listImports", "GET /api/v1/admin/imports");
        requests.put("getImport", "GET /api/v1/admin/imports/1");
        requests.put("listWebhookDeliveries", "GET /api/v1/admin/webhooks/deliveries");
        requests.put("getAsset", "GET " + asset.group());
        requests.put("headBundle", "HEAD /api/v1/bundle");
        requests.put("getBundle", "GET /api/v1/bundle");
        requests.put("listEssays", "GET /api/v1/essays");
        requests.put("getEssay", "GET /api/v1/essays/first-steps");
        requests.put("getEssayGraph", "GET /api/v1/essays/first-steps/graph");
        requests.put("getEssayHtml", "GET /api/v1/essays/first-steps/html");
        requests.put("getEssayLinks", "GET /api/v1/essays/first-steps/links");
        requests.put("getEssayMentions", "GET /api/v1/essays/first-steps/mentions");
        requests.put("getEssayMeta", "GET /api/v1/essays/first-steps/meta");
        requests.put("getEssayPreview", "GET /api/v1/essays/second-look/preview");
        requests.put("getRelatedEssays", "GET /api/v1/essays/first-steps/related");
        requests.put("getEssaySource", "GET /api/v1/essays/first-steps/source");
        requests.put("getGraph", "GET /api/v1/graph");
        requests.put("getOEmbed", "GET " + oembed("first-steps"));
        requests.put("listReleases", "GET /api/v1/releases");
        requests.put("searchEssays", "GET /api/v1/search?q=details");
        requests.put("suggest", "GET /api/v1/search/suggest?q=fir");
        requests.put("listSeries", "GET /api/v1/series");
        requests.put("getSeries", "GET /api/v1/series/alpha");
        requests.put("sync", "GET /api/v1/sync");
        requests.put("listTags", "GET /api/v1/tags");
        requests.put("getEmbedScript", "GET /embed.js");
        requests.put("getEssayEmbed", "GET /embed/essays/first-steps");
        requests.put("getSectionEmbed", "GET /embed/essays/second-look/sections/details");
        requests.put("getAtomFeed", "GET /feeds/atom.xml");
        requests.put("getJsonFeed", "GET /feeds/feed.json");
        requests.put("getSitemap", "GET /sitemap.xml");
        var documented = new TreeSet<String>();
        var operations = new TreeSet<String>();
        spec.get("paths").forEach(item -> item.fields().forEachRemaining(op -> {
            operations.add(op.getValue().get("operationId").asText());
            if (op.getValue().at("/responses/406").isObject()) {
                documented.add(op.getValue().get("operationId").asText());
            }
        }));
        assertThat(requests.keySet()).as("a request for every operation of the spec")
                .containsExactlyInAnyOrderElementsOf(operations);
        assertThat(documented).as("operations documenting a 406").isEqualTo(operations);
        String newestImport = given().header("Authorization", TOKEN).get("/api/v1/admin/imports").then()
                .statusCode(200).extract().jsonPath().getString("[0].id");
        for (var request : requests.entrySet()) {
            String[] methodAndPath = request.getValue().split(" ", 2);
            var response = given().urlEncodingEnabled(false).header("Authorization", TOKEN)
                    .header("Accept", "application/x-nothing-here").request(methodAndPath[0], methodAndPath[1]);
            assertThat(response.statusCode()).as(request.getValue()).isEqualTo(406);
            if (!methodAndPath[0].equals("HEAD")) {
                assertThat(response.contentType()).as(request.getValue()).startsWith("application/problem+json");
            }
        }
        assertThat(given().header("Authorization", TOKEN).get("/api/v1/admin/imports").then().statusCode(200)
                .extract().jsonPath().getString("[0].id")).as("the refused POST started no import").isEqualTo(newestImport);
    }

    private static String oembed(String slugAndAnchor) {
        return "/api/v1/oembed?url=" + URLEncoder.encode(EmbedApiTest.PAGE + slugAndAnchor, StandardCharsets.UTF_8);
    }

    /** operationId -> schema of the 200 answer, of every GET whose 200 answer is JSON. */
    private Map<String, JsonNode> jsonGetOperations() {
        var operations = new LinkedHashMap<String, JsonNode>();
        spec.get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            JsonNode content = get == null ? null : get.at("/responses/200/content");
            if (content == null || content.isMissingNode()) {
                return;
            }
            content.fields().forEachRemaining(media -> {
                if (media.getKey().contains("json") && !media.getValue().path("schema").isMissingNode()) {
                    operations.put(get.get("operationId").asText(), media.getValue().get("schema"));
                }
            });
        });
        return operations;
    }

    /**
     * Walks {@code value} along {@code schema}, noting every missing required property and every unadmitted null; for
     * an answer to a request without {@code fields} ({@code full}), also every missing property that a trimmable
     * schema lists as present in full.
     */
    private void check(JsonNode value, JsonNode schema, String where, boolean full, List<String> problems,
            TreeSet<String> checked) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (ref.startsWith(SCHEMAS)) {
                checked.add(ref.substring(SCHEMAS.length()));
            }
            check(value, spec.at(ref.substring(1)), where, full, problems, checked);
            return;
        }
        for (String combinator : List.of("anyOf", "oneOf")) {
            if (schema.has(combinator)) {
                if (value.isNull() && admitsNull(schema.get(combinator))) {
                    return;
                }
                for (JsonNode option : schema.get(combinator)) {
                    if (!isNullType(option)) {
                        check(value, option, where, full, problems, checked);
                        return;
                    }
                }
            }
        }
        if (value.isNull()) {
            if (!isNullType(schema) && !admitsNull(schema.path("anyOf")) && !schema.path("type").isMissingNode()) {
                problems.add(where + " is null, which its schema does not admit");
            }
            return;
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + "." + required.asText() + " is required but missing");
                }
            }
            for (JsonNode required : full ? schema.path(OpenApiDocument.REQUIRED_IN_FULL) : MissingNode.getInstance()) {
                if (!value.has(required.asText())) {
                    problems.add(where + "." + required.asText() + " is present without fields= but missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                var property = it.next();
                if (value.has(property.getKey())) {
                    check(value.get(property.getKey()), property.getValue(), where + "." + property.getKey(), full,
                            problems, checked);
                }
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "[" + i + "]", full, problems, checked);
            }
        }
    }

    private static boolean admitsNull(JsonNode options) {
        for (JsonNode option : options) {
            if (isNullType(option)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNullType(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText().equals("null");
        }
        for (JsonNode t : type) {
            if (t.asText().equals("null")) {
                return true;
            }
        }
        return false;
    }
}
