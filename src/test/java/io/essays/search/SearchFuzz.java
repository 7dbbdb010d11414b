package io.essays.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Random;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

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

    /** One client on kept-alive connections: thousands of requests, a few milliseconds each through RestAssured. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SearchFuzz() {
    }

    /** GET {@code path} with {@code q} as its one query parameter, percent-encoded as UTF-8. */
    static HttpResponse<String> get(String path, String q) {
        String query = URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path + "?q=" + query))
                .build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

    /**
     * Query strings sent as they are: well-formed escapes of bytes that are not UTF-8 (a lone surrogate in CESU-8,
     * an overlong '/', a cut multi-byte sequence, 0xFF, NUL), repeated and empty parameters.
     */
    static final List<String> RAW = List.of("q=%ED%A0%80", "q=%FF", "q=%C0%AF", "q=%E4%B8", "q=%F0%9F%98", "q=%00",
            "q=" + "%E4%B8%AD".repeat(200), "q=soft&q=max", "q", "q=&q=a", "q=soft%20max*", "q=%2B%2B", "q=%ED%B0%80x*");

    /**
     * Malformed escapes, which the HTTP server refuses before the application sees the request (a bare 400 with
     * {@code Connection: close}, like an over-long request line's 414); they must never be a server error.
     */
    static final List<String> MALFORMED = List.of("q=a%", "q=%ZZ", "q=%%%", "q=a%2", "q=%u00e9");

    /** Sends every input to search and suggest and checks that each answer is a 200 or a problem+json 4xx. */
    static void assertNoServerError(long seed, int random) {
        for (String q : inputs(seed, random)) {
            check(q, get("/api/v1/search", q));
            check(q, get("/api/v1/search/suggest", q));
        }
        for (String raw : RAW) {
            checkRaw("/api/v1/search?" + raw, false);
            checkRaw("/api/v1/search/suggest?" + raw, false);
        }
        for (String raw : MALFORMED) {
            checkRaw("/api/v1/search?" + raw, true);
            checkRaw("/api/v1/search/suggest?" + raw, true);
        }
    }

    /** Sends a request line as it is, over a socket: HTTP clients refuse to send malformed escapes. */
    private static void checkRaw(String target, boolean malformed) {
        try (var socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n"))).toLowerCase(Locale.ROOT);
            assertThat(status).as("status for %s", target).isLessThan(500);
            if (malformed) {
                assertThat(status).as("status for %s", target).isEqualTo(400);
            } else if (status == 200) {
                assertThat(head).as("content type for %s", target).contains("content-type: application/json");
            } else {
                assertThat(status).as("status for %s", target).isEqualTo(400);
                assertThat(head).as("content type for %s", target).contains("content-type: application/problem+json");
                assertThat(response).as("detail for %s", target).contains("\"detail\":\"");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String q, HttpResponse<String> response) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(status).as("status for %s", q).isLessThan(500);
        if (status == 200) {
            assertThat(contentType).as("content type for %s", q).startsWith("application/json");
        } else {
            assertThat(status).as("status for %s", q).isEqualTo(400);
            assertThat(contentType).as("content type for %s", q).startsWith("application/problem+json");
            assertThat(new JsonPath(response.body()).getString("detail")).as("detail for %s", q).isNotBlank();
        }
    }
}
