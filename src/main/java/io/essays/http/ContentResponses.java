package io.essays.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Builds every content response from a precomputed {@link Representation}: strong ETag, Last-Modified from the
 * release, conditional requests (RFC 9110 §13: If-None-Match with weak comparison, lists and {@code *}; If-Modified-Since
 * only without If-None-Match), Cache-Control, Vary and gzip negotiation. A revalidation is a map lookup and a string
 * comparison.
 */
@ApplicationScoped
public class ContentResponses {
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String MARKDOWN = "text/markdown; charset=utf-8";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ObjectMapper mapper;
    private final int compressionThreshold;
    private final String cacheControl;

    public ContentResponses(ObjectMapper mapper, EssaysConfig config) {
        this.mapper = mapper;
        this.compressionThreshold = config.http().compressionThreshold();
        this.cacheControl = "public, max-age=" + config.http().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.http().staleWhileRevalidate().toSeconds();
    }

    /** A JSON response for {@code key}, serializing {@code model} once per release. */
    public Response json(ReleaseCache release, HttpHeaders request, String key, Supplier<?> model) {
        return respond(release, request, release.representation(key, () -> jsonRepresentation(model.get(), Map.of())));
    }

    /** A JSON response with extra representation headers (such as {@code Link}), computed together with the body. */
    public Response json(ReleaseCache release, HttpHeaders request, String key, Supplier<?> model,
                         java.util.function.Function<Object, Map<String, String>> headers) {
        return respond(release, request, release.representation(key, () -> {
            Object value = model.get();
            return jsonRepresentation(value, headers.apply(value));
        }));
    }

    /** A text response (HTML fragment, Markdown source) for {@code key}. */
    public Response text(ReleaseCache release, HttpHeaders request, String key, String mediaType, Supplier<String> text) {
        return respond(release, request, release.representation(key,
                () -> Representation.of(text.get().getBytes(StandardCharsets.UTF_8), mediaType, Map.of(), compressionThreshold)));
    }

    public Representation jsonRepresentation(Object value, Map<String, String> headers) {
        try {
            return Representation.of(mapper.writeValueAsBytes(value), JSON, headers, compressionThreshold);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }

    Response respond(ReleaseCache release, HttpHeaders request, Representation representation) {
        boolean gzip = representation.gzip() != null && acceptsGzip(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        String etag = gzip ? representation.gzipEtag() : representation.etag();
        Instant lastModified = release.importedAt().truncatedTo(ChronoUnit.SECONDS);
        Response.ResponseBuilder builder = notModified(request, representation, lastModified)
                ? Response.notModified()
                : Response.ok(gzip ? representation.gzip() : representation.body(), representation.mediaType());
        builder.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, HTTP_DATE.format(ZonedDateTime.ofInstant(lastModified, ZoneOffset.UTC)))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            builder.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        representation.headers().forEach(builder::header);
        return builder.build();
    }

    static boolean notModified(HttpHeaders request, Representation representation, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || representation.matches(t)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), HTTP_DATE).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip();
            if (coding.equals("gzip") || coding.equals("*")) {
                double q = 1;
                for (int i = 1; i < pieces.length; i++) {
                    String p = pieces[i].strip();
                    if (p.startsWith("q=")) {
                        try {
                            q = Double.parseDouble(p.substring(2));
                        } catch (NumberFormatException e) {
                            q = 0;
                        }
                    }
                }
                if (q > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
