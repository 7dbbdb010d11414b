package io.essays.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.essays.corpus.CorpusState;
import io.essays.importer.ImportService;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Search and suggest over the search fixture corpus (src/test/resources/fixture-search), with exact expectations. It
 * runs in the default profile, which serves another fixture: each test imports the search fixture first (unchanged,
 * so a no-op, once the first has), and the default fixture is served again after the class.
 */
@QuarkusTest
class SearchApiTest {
    static final String FIXTURE = "src/test/resources/fixture-search";

    @Inject
    ImportService imports;

    @Inject
    SearchService searchService;

    @Inject
    CorpusState state;

    @BeforeEach
    void serveTheSearchFixture() {
        imports.importFrom(Path.of(FIXTURE));
    }

    @AfterAll
    static void serveTheDefaultFixtureAgain() {
        Arc.container().instance(ImportService.class).get().importFrom(Path.of("src/test/resources/fixture"));
    }

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).get("/api/v1/search").then();
    }

    private static ValidatableResponse suggest(String q) {
        return given().queryParam("q", q).get("/api/v1/search/suggest").then();
    }

    private static void problem(ValidatableResponse response, String detail) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://essays.dev/problems/invalid-parameter"))
                .body("status", equalTo(400))
                .body("detail", equalTo(detail));
    }

    @Test
    void titleAndHeadingMatchesRankAboveBodyMatches() {
        search("temperature").statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=3600")
                .body("query", equalTo("temperature"))
                .body("didYouMean", nullValue())
                .body("items.slug", contains("softmax-temperature", "boltzmann", "sampling-notes"))
                .body("items.title", contains("Softmax and Temperature", "The Boltzmann Distribution", "Sampling Notes"))
                .body("items.series.slug", contains("basics", "basics", "models"))
                .body("items[2].series.title", equalTo("Models"))
                .body("items.section.id", contains("temperature-scaling", "energy-and-temperature", "greedy-decoding"))
                .body("items.section.heading", contains("Temperature scaling", "Energy and temperature", "Greedy decoding"))
                .body("page.number", equalTo(1))
                .body("page.size", equalTo(20))
                .body("page.totalItems", equalTo(3))
                .body("page.totalPages", equalTo(1));
    }

    @Test
    void scoresDescend() {
        var scores = search("temperature").extract().jsonPath().getList("items.score", Float.class);
        org.assertj.core.api.Assertions.assertThat(scores).hasSize(3).allMatch(s -> s > 0)
                .isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void snippetsMarkMatchesInPlainTextAndEscapedHtmlBestFirst() {
        search("temperature")
                .body("items[0].snippets.text", contains(
                        "Dividing the logits by a temperature T flattens or sharpens the distribution.…",
                        "…A high temperature gives more uniform samples; a low one approaches the arg max."))
                .body("items[0].snippets.html", contains(
                        "Dividing the logits by a <mark>temperature</mark> T flattens or sharpens the distribution.…",
                        "…A high <mark>temperature</mark> gives more uniform samples; a low one approaches the arg max."))
                .body("items[0].snippets.sectionId", contains("temperature-scaling", "temperature-scaling"))
                .body("items[1].snippets[0].html", equalTo("At high <mark>temperature</mark> every state is almost "
                        + "equally likely; at low <mark>temperature</mark> the ground state dominates.…"))
                .body("items[2].snippets", hasSize(1));
    }

    @Test
    void snippetsComeFromTheBestSectionsFirstThenTheIntroduction() {
        search("softmax temperature").statusCode(200)
                .body("items.slug", contains("softmax-temperature"))
                .body("items[0].snippets.sectionId", contains("temperature-scaling", "in-code", null))
                .body("items[0].snippets[2].html", equalTo("The <mark>softmax</mark> turns logits into probabilities.…"));
    }

    @Test
    void theBestSectionIsTheOneToLinkTo() {
        search("partition").statusCode(200)
                .body("items.slug", contains("boltzmann"))
                .body("items[0].section.id", equalTo("partition-function"))
                .body("items[0].section.heading", equalTo("Partition function"))
                .body("items[0].snippets.text", contains(
                        "The normalizer Z = \\sum_i e^{-E_i / kT} is called the partition function.…"))
                .body("items[0].snippets.html", contains(
                        "The normalizer Z = \\sum_i e^{-E_i / kT} is called the <mark>partition</mark> function.…"));
    }

    @Test
    void everyWordMustMatch() {
        search("softmax temperature").body("items.slug", contains("softmax-temperature"));
        search("softmax").body("items.slug", contains("softmax-temperature", "attention"));
        search("temperature attention").body("items", empty()).body("didYouMean", nullValue());
    }

    @Test
    void anExactPhraseMatchesOnlyWordsSideBySide() {
        search("\"dot product\"").statusCode(200)
                .body("query", equalTo("\"dot product\""))
                .body("items.slug", contains("attention"))
                .body("items[0].section.id", equalTo("scaled-dot-product"))
                .body("items[0].snippets[0].html", equalTo("Scores are the <mark>dot product</mark> of queries and keys, "
                        + "scaled by the square root of the key dimension before the softmax."));
        search("dot product").statusCode(200)
                .body("items.slug", contains("attention", "sampling-notes"))
                .body("items[1].section", nullValue())
                .body("items[1].snippets[0].html", equalTo("Good sampling is the <mark>product</mark> of careful design, "
                        + "down to the last <mark>dot</mark> on the i."))
                .body("items[1].snippets[0].sectionId", nullValue());
    }

    @Test
    void aPrefixFindsEveryWordStartingWithIt() {
        search("normaliz*").statusCode(200)
                .body("query", equalTo("normaliz*"))
                .body("items.slug", contains("layer-normalization", "boltzmann", "softmax-temperature"))
                .body("items[0].snippets.html", contains(
                        "Each vector is <mark>normalized</mark> to zero mean and unit variance, one layer at a time.",
                        "<mark>Normalization</mark> keeps activations in a healthy range while a network trains."))
                .body("items[1].snippets[0].html", startsWith("The <mark>normalizer</mark> Z"));
        search("decod* greedy").body("items.slug", contains("sampling-notes"));
        search("zzz*").statusCode(200).body("items", empty());
    }

    @Test
    void exclusionsRemoveEssaysThatMatchThemAnywhere() {
        search("temperature -physics").statusCode(200)
                .body("query", equalTo("temperature -physics"))
                .body("items.slug", contains("softmax-temperature", "sampling-notes"));
        search("temperature -\"statistical physics\"").body("items.slug", contains("softmax-temperature", "sampling-notes"));
        search("temperature -boltz*").body("items.slug", contains("softmax-temperature", "sampling-notes"));
        search("temperature -\"physics statistical\"").body("items.slug", contains("softmax-temperature", "boltzmann", "sampling-notes"));
    }

    @Test
    void inflectionsAndSpellingsMeet() {
        for (String q : new String[] {"normalize", "normalization", "normalized", "normalise", "normalisation"}) {
            search(q).statusCode(200).body("query", equalTo(q))
                    .body("items.slug", contains("layer-normalization", "boltzmann", "softmax-temperature"))
                    .body("items[0].section.id", equalTo("how-to-normalize"));
        }
    }

    @Test
    void codeIdentifiersAreFindableWholeAndByPart() {
        search("log_softmax").statusCode(200)
                .body("items.slug", contains("softmax-temperature"))
                .body("items[0].section.id", equalTo("in-code"))
                .body("items[0].snippets[0].html", equalTo("PyTorch has <mark>log_softmax</mark> for numerical stability: "
                        + "import torch device = torch.device(&quot;cuda&quot;) logp = torch.<mark>log_softmax</mark>(z / T, dim=-1)"))
                .body("items[0].snippets[0].text", equalTo("PyTorch has log_softmax for numerical stability: "
                        + "import torch device = torch.device(\"cuda\") logp = torch.log_softmax(z / T, dim=-1)"));
        search("torch.device").body("items.slug", contains("softmax-temperature"))
                .body("items[0].snippets[0].html", equalTo("PyTorch has log_softmax for numerical stability: "
                        + "import <mark>torch device</mark> = <mark>torch.device</mark>(&quot;cuda&quot;) logp = "
                        + "torch.log_softmax(z / T, dim=-1)"));
        search("log_soft*").body("items.slug", contains("softmax-temperature"));
        search("cuda").body("items.slug", contains("softmax-temperature"));
    }

    @Test
    void texCommandsAreNotIndexed() {
        search("frac").statusCode(200).body("items", empty()).body("didYouMean", nullValue());
        search("mathrm").statusCode(200).body("items", empty()).body("didYouMean", nullValue());
        search("sum").statusCode(200).body("items", empty());
        search("\\frac temperature").statusCode(200)
                .body("query", equalTo("\\frac temperature"))
                .body("items.slug", contains("softmax-temperature", "boltzmann", "sampling-notes"));
        problem(search("\\frac \\sum"), "q has no words that can be searched: common words such as 'the' or 'of' "
                + "and TeX commands such as \\frac are ignored");
    }

    @Test
    void aQueryThatFindsNothingIsRetriedWithItsSpellingCorrected() {
        search("temprature").statusCode(200)
                .body("query", equalTo("temprature"))
                .body("didYouMean", equalTo("temperature"))
                .body("items.slug", contains("softmax-temperature", "boltzmann", "sampling-notes"))
                .body("items[0].snippets[0].html", startsWith("Dividing the logits by a <mark>temperature</mark>"));
        search("boltzman distribution").statusCode(200)
                .body("didYouMean", equalTo("boltzmann distribution"))
                .body("items.slug", contains("boltzmann"))
                .body("items[0].section", nullValue())
                .body("items[0].snippets.text", contains("Energy, temperature and the partition function."))
                .body("items[0].snippets.html", contains("Energy, temperature and the partition function."));
        search("\"partion function\"").body("didYouMean", equalTo("\"partition function\"")).body("items.slug", contains("boltzmann"));
        search("xylophone").statusCode(200).body("items", empty()).body("didYouMean", nullValue())
                .body("page.totalItems", equalTo(0)).body("page.totalPages", equalTo(1));
    }

    @Test
    void filtersBySeriesAndTag() {
        given().queryParam("q", "temperature").queryParam("series", "models").get("/api/v1/search").then()
                .statusCode(200).body("items.slug", contains("sampling-notes"));
        given().queryParam("q", "temperature").queryParam("tag", "physics").get("/api/v1/search").then()
                .statusCode(200).body("items.slug", contains("boltzmann"));
        given().queryParam("q", "temperature").queryParam("tag", "probability").queryParam("series", "basics")
                .get("/api/v1/search").then().body("items.slug", contains("softmax-temperature", "boltzmann"));
        problem(given().queryParam("q", "temperature").queryParam("series", "nope").get("/api/v1/search").then(),
                "Unknown series 'nope' in filter 'series'; known series: basics, models");
        problem(given().queryParam("q", "temperature").queryParam("tag", "nope").get("/api/v1/search").then(),
                "Unknown tag 'nope' in filter 'tag'; GET /api/v1/tags lists every tag");
    }

    @Test
    void paginationHasPageObjectAndLinkHeader() {
        given().queryParam("q", "Temperature").queryParam("size", 1).queryParam("page", 2).get("/api/v1/search").then()
                .statusCode(200)
                .body("items.slug", contains("boltzmann"))
                .body("page.number", equalTo(2))
                .body("page.size", equalTo(1))
                .body("page.totalItems", equalTo(3))
                .body("page.totalPages", equalTo(3))
                .header("Link", equalTo("</api/v1/search?q=temperature&page=1&size=1>; rel=\"first\", "
                        + "</api/v1/search?q=temperature&page=1&size=1>; rel=\"prev\", "
                        + "</api/v1/search?q=temperature&page=3&size=1>; rel=\"next\", "
                        + "</api/v1/search?q=temperature&page=3&size=1>; rel=\"last\""));
        given().queryParam("q", "dot product").queryParam("series", "models").queryParam("size", 1).get("/api/v1/search")
                .then().header("Link", equalTo("</api/v1/search?q=dot%20product&series=models&page=1&size=1>; rel=\"first\", "
                        + "</api/v1/search?q=dot%20product&series=models&page=2&size=1>; rel=\"next\", "
                        + "</api/v1/search?q=dot%20product&series=models&page=2&size=1>; rel=\"last\""));
    }

    @Test
    void invalidPagingIsProblem400() {
        problem(given().queryParam("q", "temperature").queryParam("page", 2).get("/api/v1/search").then(),
                "Page 2 is past the last page (1) of 3 results");
        problem(given().queryParam("q", "temperature").queryParam("size", 1).queryParam("page", 4).get("/api/v1/search").then(),
                "Page 4 is past the last page (3) of 3 results");
        problem(given().queryParam("q", "xylophone").queryParam("page", 2).get("/api/v1/search").then(),
                "Page 2 is past the last page (1) of 0 results");
        problem(given().queryParam("q", "temperature").queryParam("page", 0).get("/api/v1/search").then(),
                "'page' must be a whole number from 1, got '0'");
        problem(given().queryParam("q", "temperature").queryParam("size", 101).get("/api/v1/search").then(),
                "'size' must be a whole number from 1 to 100, got '101'");
        problem(given().queryParam("q", "temperature").queryParam("size", "ten").get("/api/v1/search").then(),
                "'size' must be a whole number from 1 to 100, got 'ten'");
    }

    @Test
    void emptyOrMissingQueryIsProblem400() {
        problem(given().get("/api/v1/search").then(), "q must not be empty: give one or more words to search for");
        problem(search(""), "q must not be empty: give one or more words to search for");
        problem(search("   \t "), "q must not be empty: give one or more words to search for");
    }

    @Test
    void tooLongQueryIsProblem400() {
        problem(search("temperature ".repeat(17)), "q is 203 characters long; shorten it to at most 200");
    }

    @Test
    void unsearchableQueriesAreProblem400() {
        problem(search("*"), "A lone '*' cannot be searched: put it at the end of a word, as in 'norm*'");
        problem(search("-temperature"), "q only excludes words (-word); add at least one word to search for");
        problem(search("the of and"), "q has no words that can be searched: common words such as 'the' or 'of' and "
                + "TeX commands such as \\frac are ignored");
        problem(search(":()~^\\"), "q has no words to search for: use letters or digits");
        problem(search("w ".repeat(33)), "q has 33 words, phrases and exclusions; use at most 32");
    }

    @Test
    void luceneSyntaxAndUnbalancedQuotesAreReadLeniently() {
        search("softmax:(temperature)^2~").statusCode(200)
                .body("query", equalTo("softmax temperature 2"))
                .body("items", empty());
        search("softmax:(temperature)~").statusCode(200)
                .body("query", equalTo("softmax temperature"))
                .body("items.slug", contains("softmax-temperature"));
        search("\"dot product").statusCode(200)
                .body("query", equalTo("\"dot product\""))
                .body("items.slug", contains("attention"));
        search("temperature AND physics OR NOT").statusCode(200).body("items.slug", contains("boltzmann"));
        search("temperature *").statusCode(200).body("query", equalTo("temperature")).body("items", hasSize(3));
        search("[temperature] {physics} !").statusCode(200).body("items.slug", contains("boltzmann"));
    }

    @Test
    void noInputIsAServerError() {
        var inputs = new java.util.ArrayList<>(java.util.List.of("\"", "\"\"\"\"", "-", "--", "-*", "*-", "a*b*c", "\\",
                "\\\\frac", "(", ")", "~", "^", ":", "\"-\"", "-\"", "\"*\"", "* * *", "😀", "İstanbul", "straße",
                "temperature\u0000physics", "x".repeat(200), "norm* ".repeat(32), "\"a b c d e f g h\"", "-a -b c*",
                "AND OR NOT", "title:(softmax OR temperature)^2 -physics~0.8", "\"dot product\"~2", "[0 TO 9]", "$x_1$"));
        var random = new java.util.Random(6);
        String alphabet = "abtemprsx \"*-:()~^\\{}[]!?+/|&.,_'$";
        for (int i = 0; i < 300; i++) {
            var sb = new StringBuilder();
            for (int n = 1 + random.nextInt(30); n > 0; n--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String q : inputs) {
            int search = SearchFuzz.get("/api/v1/search", q).statusCode();
            int suggest = SearchFuzz.get("/api/v1/search/suggest", q).statusCode();
            org.assertj.core.api.Assertions.assertThat(java.util.List.of(search, suggest)).as(q)
                    .allMatch(status -> status == 200 || status == 400);
        }
    }

    @Test
    void noNonAsciiOrMalformedInputIsAServerError() {
        SearchFuzz.assertNoServerError(14, 400);
    }

    @Test
    void aCachedSearchAndA304CostNoQueryAnalysis() {
        long before = searchService.analyses();
        String etag = search("softmax  Temperature normaliz*").statusCode(200)
                .body("query", equalTo("softmax temperature normaliz*")).extract().header("ETag");
        assertThat(searchService.analyses()).isEqualTo(before + 1);
        search("softmax temperature normaliz*").statusCode(200).header("ETag", etag);
        given().queryParam("q", "SOFTMAX temperature normaliz*").header("If-None-Match", etag).get("/api/v1/search")
                .then().statusCode(304).header("ETag", etag);
        assertThat(searchService.analyses()).as("cache hits and 304s analyse nothing").isEqualTo(before + 1);
    }

    @Test
    void aStalledSearchDoesNotStallOtherRequests() throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI series = URI.create("http://localhost:" + RestAssured.port + "/api/v1/series");
        client.send(HttpRequest.newBuilder(series).build(), HttpResponse.BodyHandlers.discarding());
        SearchCache cache = searchService.index(state.current()).cache();
        var searches = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        cache.gate.writeLock().lock();
        try {
            // more stalled searches than the server has event loops: were search on the event loop, none would be free
            for (int i = 0; i < 12; i++) {
                searches.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/v1/search?q=stalled" + i)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (int waited = 0; cache.gate.getQueueLength() < 4 && waited < 100; waited++) {
                Thread.sleep(100);
            }
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(series).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"slug\":\"basics\"");
        } finally {
            cache.gate.writeLock().unlock();
        }
        for (var s : searches) {
            HttpResponse<String> done = s.get(30, TimeUnit.SECONDS);
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("\"items\":[]");
        }
    }

    @Test
    void aQueryLuceneRefusesAsTooLargeIsAProblem400() {
        // the 200-character and 32-clause limits keep real queries far below Lucene's 1024 clauses; lower the
        // limit to see what a client gets when a query reaches it
        int limit = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
        org.apache.lucene.search.IndexSearcher.setMaxClauseCount(8);
        try {
            problem(search("dot product norm* sampl*"), "q expands to more than 8 Lucene clauses (each word is "
                    + "searched in 5 fields, each prefix* stands for up to 32 words and a hyphenated word for all its "
                    + "parts): use fewer words, fewer prefixes or longer ones");
        } finally {
            org.apache.lucene.search.IndexSearcher.setMaxClauseCount(limit);
        }
        search("dot product norm* sampl*").statusCode(200);
    }

    @Test
    void conditionalRequestsGet304() {
        String etag = search("temperature").extract().header("ETag");
        given().queryParam("q", "temperature").header("If-None-Match", etag).get("/api/v1/search").then()
                .statusCode(304).header("ETag", etag);
        given().queryParam("q", "Temperature").header("If-None-Match", etag).get("/api/v1/search").then()
                .statusCode(304);
        given().queryParam("q", "temperature").queryParam("size", 2).header("If-None-Match", etag).get("/api/v1/search")
                .then().statusCode(200).header("ETag", not(equalTo(etag)));
    }

    @Test
    void suggestCompletesTitlesThenHeadingsThenTerms() {
        suggest("temp").statusCode(200)
                .contentType("application/json")
                .header("ETag", startsWith("\""))
                .body("text", contains("Softmax and Temperature", "Temperature scaling", "Energy and temperature", "temperature"))
                .body("kind", contains("title", "heading", "heading", "term"))
                .body("slug", contains("softmax-temperature", "softmax-temperature", "boltzmann", null))
                .body("anchor", contains(null, "temperature-scaling", "energy-and-temperature", null))
                .body("[3]", equalTo(java.util.Map.of("text", "temperature", "kind", "term")));
    }

    @Test
    void suggestMatchesEveryTypedWordAndKeepsThemInTermCompletions() {
        suggest("energy and t").statusCode(200)
                .body("text", contains("Energy and temperature", "energy and temperature", "energy and token", "energy and torch"))
                .body("kind", contains("heading", "term", "term", "term"));
        suggest("Sampling N").statusCode(200)
                .body("text", contains("Sampling Notes", "sampling network", "sampling normalization", "sampling notes"));
        suggest("soft").body("text", contains("Softmax and Temperature", "softmax"));
    }

    @Test
    void aTrailingSpaceFinishesTheLastWord() {
        suggest("layer ").statusCode(200).body("text", contains("Layer Normalization")).body("kind", contains("title"));
        suggest("lay").body("text", contains("Layer Normalization", "layer"));
    }

    @Test
    void suggestWithNothingToCompleteIsEmpty() {
        suggest("xylo").statusCode(200).body("$", empty());
        suggest("((( ").statusCode(200).body("$", empty());
    }

    @Test
    void suggestRejectsEmptyAndTooLongInput() {
        problem(given().get("/api/v1/search/suggest").then(), "q must not be empty: send what has been typed so far");
        problem(suggest("  "), "q must not be empty: send what has been typed so far");
        problem(suggest("a".repeat(201)), "q is 201 characters long; shorten it to at most 200");
    }

    @Test
    void aNewImportSwapsTheIndexTogetherWithTheSnapshot() throws IOException {
        Path copy = Files.createTempDirectory("fixture-search");
        try {
            copyTree(Path.of(FIXTURE), copy);
            Files.writeString(copy.resolve("essays/zebra-notes.md"), """
                    ---
                    title: Zebra Notes
                    series: models
                    order: 4
                    summary: Stripes, and the quagga.
                    published: 2026-03-01
                    ---
                    ## Quagga

                    The quagga was a zebra.
                    """);
            search("quagga").statusCode(200).body("items", empty());
            imports.importFrom(copy);
            search("quagga").statusCode(200)
                    .body("items.slug", contains("zebra-notes"))
                    .body("items[0].section.id", equalTo("quagga"));
            suggest("zeb").body("text", contains("Zebra Notes", "zebra"));
        } finally {
            imports.importFrom(Path.of(FIXTURE));
            try (Stream<Path> files = Files.walk(copy)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        search("quagga").statusCode(200).body("items", empty());
        suggest("zeb").body("$", empty());
    }

    private static void copyTree(Path from, Path to) throws IOException {
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
}
