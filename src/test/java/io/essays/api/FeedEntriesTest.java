package io.essays.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A feed holds the newest essays only, as many as essays.embed.feed-entries says (the fixture has three). */
@QuarkusTest
@TestProfile(FeedEntriesTest.Profile.class)
class FeedEntriesTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:feed-entries;DB_CLOSE_DELAY=-1",
                    "essays.embed.feed-entries", "2");
        }
    }

    @Test
    void everyFeedKeepsTheNewestEntriesUpToTheLimit() throws Exception {
        var atom = new SyndFeedInput().build(new StringReader(given().get("/feeds/atom.xml").then().statusCode(200)
                .extract().asString()));
        assertThat(atom.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Second Look", "A Third Way");
        assertThat(given().get("/feeds/feed.json").then().statusCode(200).extract().jsonPath().getList("items.title"))
                .containsExactly("Second Look", "A Third Way");
    }
}
