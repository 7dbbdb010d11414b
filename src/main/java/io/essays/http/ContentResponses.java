package io.essays.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Builds every content response from a precomputed {@link Representation}: strong ETag, Last-Modified from the
 * release, conditional requests and gzip ({@link Conditional}), Cache-Control and Vary. It also binds the request URI
 * to the representation, so that the next request for that URI is answered by {@link FastPath} without JAX-RS.
 */
@ApplicationScoped
public class ContentResponses {
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final ObjectMapper mapper;
    private final HttpServerRequest request;
    private final int compressionThreshold;
    private final String cacheControl;

    public ContentResponses(ObjectMapper mapper, HttpServerRequest request, EssaysConfig config) {
        this.mapper = mapper;
        this.request = request;
        this.compressionThreshold = config.http().compressionThreshold();
        this.cacheControl = cacheControl(config);
    }

    static String cacheControl(EssaysConfig config) {
        return "public, max-age=" + config.http().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.http().staleWhileRevalidate().toSeconds();
    }

    /** A JSON response for {@code key}, serializing {@code model} once per release. */
    public Response json(ReleaseCache release, HttpHeaders headers, String key, Supplier<?> model) {
        return respond(release, headers, release.representation(key, () -> jsonRepresentation(model.get(), Map.of())));
    }

    /**
     * A JSON response whose body and extra representation headers (such as {@code Link}) both derive from one model,
     * computed once per release.
     */
    public <T> Response json(ReleaseCache release, HttpHeaders headers, String key, Supplier<T> model,
                             Function<T, Object> body, Function<T, Map<String, String>> extraHeaders) {
        return respond(release, headers, release.representation(key, () -> {
            T value = model.get();
            return jsonRepresentation(body.apply(value), extraHeaders.apply(value));
        }));
    }

    /** A text response (HTML fragment, Markdown source) for {@code key}. */
    public Response text(ReleaseCache release, HttpHeaders headers, String key, String mediaType, Supplier<String> text) {
        return respond(release, headers, release.representation(key,
                () -> Representation.of(text.get().getBytes(StandardCharsets.UTF_8), mediaType, Map.of(), compressionThreshold)));
    }

    /**
     * A binary response (an asset) for {@code key}: gzip only when {@code compressible}, and {@code extraHeaders}
     * (which may replace the default {@code Cache-Control}) on the 200 and the 304 alike.
     */
    public Response bytes(ReleaseCache release, HttpHeaders headers, String key, String mediaType, boolean compressible,
                          Map<String, String> extraHeaders, Supplier<byte[]> body) {
        return respond(release, headers, release.representation(key, () -> Representation.of(body.get(), mediaType,
                extraHeaders, compressible ? compressionThreshold : Integer.MAX_VALUE)));
    }

    Representation jsonRepresentation(Object value, Map<String, String> headers) {
        try {
            return Representation.of(mapper.writeValueAsBytes(value), JSON, headers, compressionThreshold);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }

    Response respond(ReleaseCache release, HttpHeaders headers, Representation representation) {
        release.bindUri(request.uri(), representation);
        Conditional.Decision decision = Conditional.decide(representation, release.importedAt(),
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        Response.ResponseBuilder builder = decision.notModified()
                ? Response.notModified()
                : Response.ok(decision.gzip() ? representation.gzip() : representation.body(), representation.mediaType());
        builder.header(HttpHeaders.ETAG, decision.etag())
                .header(HttpHeaders.LAST_MODIFIED, HttpDates.format(release.importedAt()))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (!representation.headers().containsKey(HttpHeaders.CACHE_CONTROL)) {
            builder.header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        if (decision.gzip()) {
            builder.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        representation.headers().forEach(builder::header);
        return builder.build();
    }
}
