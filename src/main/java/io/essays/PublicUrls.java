package io.essays;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The absolute URLs the outside world sees: an essay's page (from {@code essays.page-url-template}), this service's own
 * public URLs (from {@code essays.public-base-url}: embed pages, {@code /embed.js}, oEmbed, feeds) and assets. Both
 * settings are checked at startup: each must be an absolute http(s) URL, and the template must contain {@code {slug}}
 * once. Feeds, the sitemap, oEmbed and page metadata never carry a relative URL, so everything they print goes through
 * here.
 */
@Startup
@ApplicationScoped
public class PublicUrls {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String pagePrefix;
    private final String pageSuffix;
    private final URI publicBase;
    private final String assetBase;

    public PublicUrls(EssaysConfig config) {
        String template = config.pageUrlTemplate();
        int at = template.indexOf("{slug}");
        if (at < 0 || template.indexOf("{slug}", at + 1) >= 0 || !isAbsoluteHttp(template.replace("{slug}", "x"))) {
            throw new IllegalStateException("essays.page-url-template (env ESSAYS_PAGE_URL_TEMPLATE) must be an absolute "
                    + "http(s) URL with {slug} once, got '"
                    + template + "'");
        }
        this.pagePrefix = template.substring(0, at);
        this.pageSuffix = template.substring(at + "{slug}".length());
        String base = config.publicBaseUrl();
        if (!isAbsoluteHttp(base)) {
            throw new IllegalStateException("essays.public-base-url (env ESSAYS_PUBLIC_BASE_URL) must be an absolute http(s) "
                    + "URL, got '" + base + "'");
        }
        this.publicBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.assetBase = absolute(config.assetBaseUrl());
    }

    static boolean isAbsoluteHttp(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The essay's page URL. */
    public String page(String slug) {
        return pagePrefix + slug + pageSuffix;
    }

    /** The essay's page URL with {@code #anchor} when the anchor is not null. */
    public String page(String slug, String anchor) {
        return anchor == null || anchor.isEmpty() ? page(slug) : page(slug) + "#" + anchor;
    }

    /** What a page URL names: an essay's slug and, with a {@code #fragment}, a heading id (else null). */
    public record PageTarget(String slug, String anchor) {
    }

    /**
     * The essay (and heading) a URL names if it is an essay page URL of the template, with or without a fragment;
     * empty for any other URL. Scheme and host compare case-insensitively, a default port ({@code :443} for https,
     * {@code :80} for http) is the same as none, a query string is ignored (tracking parameters name the same page)
     * unless the template has one, and a trailing slash more or less names the same page; the path compares exactly.
     */
    public Optional<PageTarget> parsePage(String url) {
        int hash = url.indexOf('#');
        String page = hash < 0 ? url : url.substring(0, hash);
        // compared as a browser resolves them: a copied address bar gives #th%C3%A9or%C3%A8me for #théorème
        String anchor = hash < 0 || hash == url.length() - 1 ? null : percentDecoded(url.substring(hash + 1));
        int query = page.indexOf('?');
        if (query >= 0 && !pageSuffix.contains("?")) {
            page = page.substring(0, query);
        }
        int authorityEnd = authorityEnd(page);
        int prefixAuthorityEnd = authorityEnd(pagePrefix);
        if (authorityEnd < 0 || prefixAuthorityEnd < 0 || prefixAuthorityEnd > pagePrefix.length()
                || !origin(page.substring(0, authorityEnd)).equals(origin(pagePrefix.substring(0, prefixAuthorityEnd)))) {
            return Optional.empty();
        }
        String rest = page.substring(authorityEnd);
        String prefixRest = pagePrefix.substring(prefixAuthorityEnd);
        String suffix = pageSuffix;
        if (rest.endsWith("/") && !suffix.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        } else if (suffix.endsWith("/") && !rest.endsWith("/")) {
            suffix = suffix.substring(0, suffix.length() - 1);
        }
        if (!rest.startsWith(prefixRest) || !rest.endsWith(suffix) || rest.length() < prefixRest.length() + suffix.length()) {
            return Optional.empty();
        }
        String slug = percentDecoded(rest.substring(prefixRest.length(), rest.length() - suffix.length()));
        return SLUG.matcher(slug).matches() ? Optional.of(new PageTarget(slug, anchor)) : Optional.empty();
    }

    /**
     * {@code s} with its percent-encoded UTF-8 decoded ({@code +} stays a plus: this is a path or a fragment, not a
     * form); as given when it holds a malformed escape or bytes that are not UTF-8.
     */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        var bytes = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return s;
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int end = i + Character.charCount(s.codePointAt(i));
                bytes.writeBytes(s.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return s;
        }
    }

    /** {@code scheme://authority} lowercased, without the scheme's default port. */
    private static String origin(String schemeAuthority) {
        String origin = schemeAuthority.toLowerCase(Locale.ROOT);
        if (origin.startsWith("https://") && origin.endsWith(":443")) {
            return origin.substring(0, origin.length() - ":443".length());
        }
        if (origin.startsWith("http://") && origin.endsWith(":80")) {
            return origin.substring(0, origin.length() - ":80".length());
        }
        return origin;
    }

    /** The index just after {@code scheme://authority} in {@code url}, or -1. */
    private static int authorityEnd(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return -1;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? url.length() : slash;
    }

    /** A path of this service ({@code /embed/essays/softmax}) as an absolute URL. */
    public String service(String path) {
        return publicBase.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
    }

    /** The embed page of an essay, or of one of its sections when {@code headingId} is not null. */
    public String embed(String slug, String headingId) {
        return service("/embed/essays/" + slug + (headingId == null ? "" : "/sections/" + headingId));
    }

    /** The oEmbed discovery URL of an essay page URL. */
    public String oembed(String pageUrl) {
        return service("/api/v1/oembed?url=" + URLEncoder.encode(pageUrl, StandardCharsets.UTF_8) + "&format=json");
    }

    /** A URL as it appears in rendered HTML (relative to this service, or absolute) made absolute. */
    public String absolute(String url) {
        if (url.isEmpty()) {
            // no URL at all (an image whose source the sanitizer dropped) must not become this service's root
            return url;
        }
        if (url.startsWith("//")) {
            // a network-path reference names another host: it takes the scheme, not the path, of the base
            return publicBase.getScheme() + ":" + url;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute()) {
                return url;
            }
        } catch (URISyntaxException e) {
            return url;
        }
        return service(url);
    }

    /** The absolute asset base URL, with no trailing slash. */
    public String assetBase() {
        return assetBase.endsWith("/") ? assetBase.substring(0, assetBase.length() - 1) : assetBase;
    }
}
