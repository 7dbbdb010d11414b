package io.essays.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Entities;

import io.essays.Sha256;
import io.essays.EssaysConfig;
import io.essays.PublicUrls;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds embed pages: complete, self-contained HTML5 documents of an essay or one of its sections, with one inline
 * stylesheet and one inline script (reporting the page's height to its parent), both allowed by their SHA-256 in a
 * strict Content-Security-Policy. The stylesheet and script are read once from {@code embed/} on the class path and
 * their hashes computed from the exact bytes that are inlined, so they cannot drift apart.
 */
@ApplicationScoped
public class EmbedPages {
    private final String style;
    private final String script;
    private final String hostScript;
    private final Map<String, String> headers;
    private final PublicUrls urls;

    EmbedPages(EssaysConfig config, PublicUrls urls) {
        this.urls = urls;
        this.style = resource("embed/embed.css");
        this.script = resource("embed/resize.js");
        this.hostScript = resource("embed/embed.js");
        var h = new LinkedHashMap<String, String>();
        h.put("Content-Security-Policy", csp(config, urls, sha256(style), sha256(script)));
        h.put("Referrer-Policy", "strict-origin-when-cross-origin");
        h.put("X-Content-Type-Options", "nosniff");
        this.headers = Map.copyOf(h);
    }

    static String csp(EssaysConfig config, PublicUrls urls, String styleHash, String scriptHash) {
        String assets = config.assetBaseUrl().contains("://") ? urls.assetBase() + "/" : "'self'";
        return "default-src 'none'; img-src " + assets + "; style-src '" + styleHash + "'; script-src '" + scriptHash
                + "'; base-uri 'none'; form-action 'none'; frame-ancestors " + config.embed().frameAncestors();
    }

    /** The headers of every embed page, on the 200 and the 304 alike. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The script host pages include once ({@code /embed.js}). */
    public String hostScript() {
        return hostScript;
    }

    /** The embed page of a whole essay. */
    public String essay(CorpusSnapshot corpus, EssayData essay, Theme theme) {
        return page(corpus, essay, null, PublishedHtml.forEmbed(essay.html(), essay.slug(), urls), theme);
    }

    /** The embed page of one section of an essay; {@code sectionHtml} from {@link PublishedHtml#section}. */
    public String section(CorpusSnapshot corpus, EssayData essay, HeadingData heading, String sectionHtml, Theme theme) {
        return page(corpus, essay, heading, PublishedHtml.forEmbed(sectionHtml, essay.slug(), urls),
                theme);
    }

    private String page(CorpusSnapshot corpus, EssayData e, HeadingData heading, String body, Theme theme) {
        String pageUrl = urls.page(e.slug(), heading == null ? null : heading.id());
        String title = heading == null ? e.title() : heading.text() + " — " + e.title();
        var out = new StringBuilder(body.length() + style.length() + 2048);
        out.append("<!DOCTYPE html>\n<html lang=\"en\" data-slug=\"").append(escape(e.slug())).append('"');
        if (theme != Theme.AUTO) {
            out.append(" data-theme=\"").append(theme.name().toLowerCase(Locale.ROOT)).append('"');
        }
        out.append(">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"")
                .append(theme == Theme.AUTO ? "light dark" : theme.name().toLowerCase(Locale.ROOT)).append("\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<link rel=\"canonical\" href=\"").append(escape(pageUrl)).append("\">\n")
                .append("<style>").append(style).append("</style>\n</head>\n<body>\n<article>\n<header>\n")
                .append("<p class=\"kicker\">").append(escape(corpus.series(e.series()).title()))
                .append(" · Part ").append(e.order()).append("</p>\n");
        if (heading == null) {
            out.append("<h1>").append(escape(e.title())).append("</h1>\n");
        } else {
            out.append("<p class=\"meta\">From <a href=\"").append(escape(urls.page(e.slug()))).append("\" target=\"_top\">")
                    .append(escape(e.title())).append("</a></p>\n");
        }
        out.append("<p class=\"meta\">").append(e.readingMinutes()).append(" min read")
                .append(heading == null ? "" : " (whole essay)").append("</p>\n</header>\n")
                .append(heading == null ? "<div class=\"essay\">\n" : "<div class=\"section\">\n")
                .append(body).append("\n</div>\n<footer><a href=\"").append(escape(urls.page(e.slug())))
                .append("\" target=\"_top\">Read the whole essay</a></footer>\n</article>\n<script>").append(script)
                .append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    static String escape(String text) {
        return Entities.escape(text);
    }

    /** The CSP source of exact bytes: {@code sha256-<base64>}. */
    static String sha256(String text) {
        return "sha256-" + Base64.getEncoder().encodeToString(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String resource(String path) {
        try (InputStream in = EmbedPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
