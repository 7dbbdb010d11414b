package io.essays.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Hostile and non-ASCII input for search and suggest: scripts without spaces (CJK), combining marks, emoji and ZWJ
 * sequences, right-to-left text and bidi controls, hyphen chains, 200-character prefixes, lone surrogates and
 * malformed percent-encoding. No input may be a server error, and every client error is problem+json.
 */
final class SearchFuzz {
    static final List<String> PIECES = List.of("中文", "日本語の文章", "ひらがな", "한국어", "注意力机制", "e\u0301",
            "a\u0308\u0323", "\u0301", "😀", "👩\u200D👩\u200D👧", "🇩🇪", "العربية", "עברית", "\u202Esoftmax",
            "\u200F", "\uFEFF", "İ", "ß", "ﬁ", "Ⅻ", "٣", "\uD800", "\uDC00", "\u0000", "\t", "-", "*", "\"", "_",
            "soft", "temperature", "norm", "attention", "x", "a", "2", " ", " ", " ");

    private SearchFuzz() {
    }

    /** Fixed inputs that have broken search engines, then {@code random} combinations of {@link #PIECES}. */
    static List<String> inputs(long seed, int random) {
        var inputs = new ArrayList<>(List.of("中文", "日本語の文章を検索する", "e\u0301te\u0301", "\u0301\u0301\u0301",
                "😀*", "👩\u200D👩\u200D👧 family", "العربية*", "\u202Esoftmax", "\uD800", "\uDC00abc", "a\uD800*",
                "a-".repeat(99) + "a", "-a".repeat(100), "a-b-".repeat(50), ("x".repeat(199) + "*"),
                "é".repeat(199) + "*", "中".repeat(200), "a* ".repeat(66) + "a*", "s* t* u* v* w* x* y* z* a* b* c*",
                "\"" + "a ".repeat(99) + "\"", "-\"中文\" 中文", "ﬁ*", "İ*", "ß*", "Ⅻ", "٣*", "\uFEFF*", "x_".repeat(100)));
        var r = new Random(seed);
        for (int i = 0; i < random; i++) {
            var sb = new StringBuilder();
            for (int n = 1 + r.nextInt(12); n > 0; n--) {
                sb.append(PIECES.get(r.nextInt(PIECES.size())));
            }
            inputs.add(sb.toString());
        }
        return inputs;
    }

    /** Query strings sent as they are, percent-encoding and all: invalid UTF-8, overlong forms, broken escapes. */
    static final List<String> RAW = List.of("q=%ED%A0%80", "q=%FF", "q=%C0%AF", "q=%E4%B8", "q=a%", "q=%ZZ",
            "q=%F0%9F%98", "q=%00", "q=" + "%E4%B8%AD".repeat(200), "q=soft&q=max");

    /** Sends every input to search and suggest and checks that each answer is a 200 or a problem+json 4xx. */
    static void assertNoServerError(long seed, int random) {
        for (String q : inputs(seed, random)) {
            check(q, given().queryParam("q", q).get("/api/v1/search").then().extract());
            check(q, given().queryParam("q", q).get("/api/v1/search/suggest").then().extract());
        }
        for (String raw : RAW) {
            check(raw, given().urlEncodingEnabled(false).get("/api/v1/search?" + raw).then().extract());
            check(raw, given().urlEncodingEnabled(false).get("/api/v1/search/suggest?" + raw).then().extract());
        }
    }

    private static void check(String q, ExtractableResponse<Response> response) {
        int status = response.statusCode();
        assertThat(status).as("status for %s", q).isLessThan(500);
        if (status == 200) {
            assertThat(response.contentType()).as("content type for %s", q).startsWith("application/json");
        } else {
            assertThat(status).as("status for %s", q).isEqualTo(400);
            assertThat(response.contentType()).as("content type for %s", q).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail")).as("detail for %s", q).isNotBlank();
        }
    }
}
