package io.essays.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.essays.support.RealCorpusProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** Imports the real corpus (content/), which must have no problems, and checks that search ranks it sensibly. */
@QuarkusTest
@TestProfile(RealCorpusProfile.class)
class RealCorpusSearchTest {

    private static ValidatableResponse search(String q) {
        return given().queryParam("q", q).get("/api/v1/search").then().statusCode(200);
    }

    private static List<String> slugs(String q) {
        return search(q).extract().jsonPath().getList("items.slug", String.class);
    }

    @Test
    void everyEssayOfTheRealCorpusIsImportedAndIndexed() throws IOException {
        long files;
        try (Stream<Path> essays = Files.list(Path.of("content/essays"))) {
            files = essays.filter(p -> p.toString().endsWith(".md")).count();
        }
        given().queryParam("size", 100).get("/api/v1/essays").then().statusCode(200)
                .body("page.totalItems", equalTo((int) files));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void noNonAsciiOrMalformedInputIsAServerErrorOnTheRealCorpus() {
        SearchFuzz.assertNoServerError(1114, 400);
    }

    @Test
    void temperatureRanksSoftmaxAndBoltzmannFirst() {
        assertThat(slugs("temperature").subList(0, 2)).containsExactlyInAnyOrder("softmax", "boltzmann-distribution");
    }

    @Test
    void queryKeyValueRanksTheAttentionEssayFirst() {
        search("query key value")
                .body("items[0].slug", equalTo("attention-is-all-you-need"))
                .body("items[0].section.id", equalTo("queries-keys-and-values"));
    }

    @Test
    void aPhraseRanksTheEssayAboutItFirst() {
        assertThat(slugs("\"cross entropy\"").get(0)).isEqualTo("cross-entropy");
        assertThat(slugs("\"partition function\"").get(0)).isEqualTo("boltzmann-distribution");
    }

    @Test
    void britishAndAmericanSpellingsFindTheSameEssays() {
        assertThat(slugs("layer normalization")).isEqualTo(slugs("layer normalisation")).isNotEmpty();
    }

    @Test
    void codeIdentifiersFindTheEssaysThatUseThem() {
        assertThat(slugs("log_softmax").get(0)).isEqualTo("softmax");
        assertThat(slugs("torch.device")).containsExactly("mps-metal-mlx-cuda");
    }

    @Test
    void texCommandsFindNothing() {
        for (String q : List.of("frac", "mathrm", "operatorname")) {
            search(q).body("page.totalItems", equalTo(0)).body("didYouMean", nullValue());
        }
    }

    @Test
    void theMostPrefixesStayWithinLucenesClauseLimit() {
        String q = "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t* u* v* w* x* y* z* ab* ac* ad* ae* af* ag*";
        search(q).body("query", equalTo(q));
        search("s*").body("page.totalItems", equalTo(12));
    }

    @Test
    void aMisspellingIsCorrected() {
        search("attenton mechanism")
                .body("didYouMean", equalTo("attention mechanism"))
                .body("items[0].slug", equalTo("attention-is-all-you-need"));
    }

    @Test
    void suggestCompletesTitlesFirst() {
        given().queryParam("q", "att").get("/api/v1/search/suggest").then().statusCode(200)
                .body("[0].text", equalTo("Attention Is All You Need"))
                .body("[0].slug", equalTo("attention-is-all-you-need"));
        given().queryParam("q", "temp").get("/api/v1/search/suggest").then().statusCode(200)
                .body("kind[0]", equalTo("heading"))
                .body("text", org.hamcrest.Matchers.hasItem("temperature"));
    }
}
