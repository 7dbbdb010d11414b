package io.essays.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 8288 pagination links (first, prev, next, last), relative to the API root. */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * The {@code Link} header value for a paginated list.
     *
     * @param path  the list's path, e.g. {@code /api/v1/essays}
     * @param query parameters in the order they appear; null values are left out, and the value of {@code page} is
     *              replaced by each link's page number
     */
    public static String header(String path, Map<String, String> query, int page, int totalPages) {
        var links = new LinkedHashMap<String, Integer>();
        links.put("first", 1);
        if (page > 1) {
            links.put("prev", page - 1);
        }
        if (page < totalPages) {
            links.put("next", page + 1);
        }
        links.put("last", totalPages);
        var sb = new StringBuilder();
        links.forEach((rel, number) -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append('<').append(path);
            char separator = '?';
            for (var parameter : query.entrySet()) {
                String value = parameter.getKey().equals("page") ? number.toString() : parameter.getValue();
                if (value != null) {
                    sb.append(separator).append(parameter.getKey()).append('=').append(encode(value));
                    separator = '&';
                }
            }
            sb.append(">; rel=\"").append(rel).append('"');
        });
        return sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
