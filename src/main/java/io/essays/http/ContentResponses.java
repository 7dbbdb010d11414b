package io.essays.http;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Builds every content response from a precomputed {@link Representation}: strong ETag, Last-Modified from the
 * release, conditional requests and gzip ({@link Conditional}), Cache-Control and Vary. For resource methods that
 * opt in with {@link FastPathBindable}, it also binds the request URI to the representation, so that the next request
 * for that URI is answered by {@link FastPath} without JAX-RS.
 */
@ApplicationScoped
public class ContentResponses {
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";
    /** The policy of HTML fragments served on their own: images and inline styles, nothing else; sandboxed. */
    public static final String FRAGMENT_POLICY = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; "
            + "sandbox";
    private static final Map<String, String> TEXT_HEADERS = Map.of("X-Content-Type-Options", "nosniff");
    private static final Map<String, String> HTML_HEADERS = Map.of("X-Content-Type-Options", "nosniff",
            "Content-Security-Policy", FRAGMENT_POLICY);
    public static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final ObjectMapper mapper;
    private final CurrentVertxRequest request;
    private final ResourceInfo resource;
    private final int compressionThreshold;
    private final String cacheControl;
    /** Per resource method: the query parameters it declares, or null when it does not opt in to binding. */
    private final Map<Method, Optional<Set<String>>> bindable = new ConcurrentHashMap<>();

    public ContentResponses(ObjectMapper mapper, CurrentVertxRequest request, ResourceInfo resource, EssaysConfig config) {
        this.mapper = mapper;
        this.request = request;
        this.resource = resource;
        this.compressionThreshold = config.http().compressionThreshold();
        this.cacheControl = cacheControl(config);
    }

    /** The {@code Cache-Control} of content responses, from {@code essays.http.*}. */
    public static String cacheControl(EssaysConfig config) {
        return "public, max-age=" + config.http().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.http().staleWhileRevalidate().toSeconds();
    }

    /** A JSON response for {@code key}, serializing {@code model} once per release. */
    public Response json(ReleaseCache release, HttpHeaders headers, String key, Supplier<?> model) {
        return respond(release, headers, key, release.representation(key, () -> jsonRepresentation(model.get(), Map.of())));
    }

    /** A JSON response in another JSON media type ({@code application/feed+json}) for {@code key}. */
    public Response json(ReleaseCache release, HttpHeaders headers, String mediaType, String key, Supplier<?> model) {
        return respond(release, headers, key, release.representation(key, () -> {
            try {
                return Representation.of(mapper.writeValueAsBytes(model.get()), mediaType, Map.of(), compressionThreshold);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialize " + key, e);
            }
        }));
    }

    /**
     * A JSON response whose body and extra representation headers (such as {@code Link}) both derive from one model,
     * computed once per release.
     */
    public <T> Response json(ReleaseCache release, HttpHeaders headers, String key, Supplier<T> model,
                             Function<T, Object> body, Function<T, Map<String, String>> extraHeaders) {
        return respond(release, headers, key, release.representation(key, () -> {
            T value = model.get();
            return jsonRepresentation(body.apply(value), extraHeaders.apply(value));
        }));
    }

    /**
     * A text response (HTML fragment, page metadata, Markdown source) for {@code key}, never sniffed as anything else.
     * HTML is meant to be inserted into another page; opened on its own, on this origin, its policy lets nothing in it
     * run, load (images aside) or submit ({@link #FRAGMENT_POLICY}), should the sanitizing at import ever miss
     * something.
     */
    public Response text(ReleaseCache release, HttpHeaders headers, String key, String mediaType, Supplier<String> text) {
        Map<String, String> extra = mediaType.startsWith("text/html") ? HTML_HEADERS : TEXT_HEADERS;
        return respond(release, headers, key, release.representation(key,
                () -> Representation.of(text.get().getBytes(StandardCharsets.UTF_8), mediaType, extra, compressionThreshold)));
    }

    /**
     * A binary response (an asset) for {@code key}: gzip only when {@code compressible}, and {@code extraHeaders}
     * (which may replace the default {@code Cache-Control}) on the 200 and the 304 alike.
     */
    public Response bytes(ReleaseCache release, HttpHeaders headers, String key, String mediaType, boolean compressible,
                          Map<String, String> extraHeaders, Supplier<byte[]> body) {
        return respond(release, headers, key, release.representation(key, () -> Representation.of(body.get(), mediaType,
                extraHeaders, compressible ? compressionThreshold : Integer.MAX_VALUE)));
    }

    /**
     * {@code builder} with {@code model} as its JSON body, for answers outside any release (read from the database on
     * each request, so never cached here): negotiated as content is, so an explicit refusal of JSON is the same 406,
     * and in the same media type, {@code application/json} without a charset parameter.
     */
    public Response.ResponseBuilder uncachedJson(Response.ResponseBuilder builder, Object model) {
        requireAccepted(JSON);
        try {
            return builder.entity(mapper.writeValueAsBytes(model)).type(JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + model.getClass(), e);
        }
    }

    /** Throws the 406 when the request's {@code Accept} does not admit {@code mediaType}. */
    public void requireAccepted(String mediaType) {
        if (!Conditional.accepts(request.getCurrent().parsedHeaders().accept(), mediaType)) {
            throw new NotAcceptableException();
        }
    }

    Representation jsonRepresentation(Object value, Map<String, String> headers) {
        try {
            return Representation.of(mapper.writeValueAsBytes(value), JSON, headers, compressionThreshold);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }

    Response respond(ReleaseCache release, HttpHeaders headers, String key, Representation representation) {
        RoutingContext ctx = request.getCurrent();
        // an explicit refusal (application/json;q=0, */*), which JAX-RS' own matching lets through: the same 406
        // whether the URI is bound or not, since the fast path hands such requests to JAX-RS
        requireAccepted(representation.mediaType());
        Conditional.Decision decision = Conditional.decide(representation, release.importedAt(),
                Conditional.Validators.of(headers), ctx.parsedHeaders().acceptEncoding());
        bindIfPure(ctx, release, key);
        if (decision.preconditionFailed()) {
            throw decision.failure();
        }
        byte[] body = decision.gzip() ? representation.gzip() : representation.body();
        Response.ResponseBuilder builder = decision.notModified()
                ? Response.notModified()
                : Response.ok(body, representation.mediaType());
        if (!decision.notModified() && ctx.request().method() == HttpMethod.HEAD) {
            // the length the GET would send, as the fast path says it; Quarkus REST drops the body and says none
            builder.header(HttpHeaders.CONTENT_LENGTH, body.length);
        }
        builder.header(HttpHeaders.ETAG, decision.etag())
                .header(HttpHeaders.LAST_MODIFIED, release.lastModified())
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

    /**
     * Binds the request URI to {@code key} when the resource method opted in and every query parameter of the URI is
     * one it declares, given once: a URI with anything else ({@code ?_=123}) is never bound, so junk cannot fill the
     * cache, and is answered here from the canonical representation. (A declared parameter given twice is a 400 before any
     * resource answers, {@link RepeatedQueryParameters}; the cache checks it again so that what it binds never rests
     * on a filter elsewhere.)
     */
    private void bindIfPure(RoutingContext ctx, ReleaseCache release, String key) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return;
        }
        Method target = resource.getResourceMethod();
        Set<String> declared = target == null ? null
                : bindable.computeIfAbsent(target, ContentResponses::declaredQueryParameters).orElse(null);
        if (declared == null) {
            return;
        }
        MultiMap query;
        try {
            query = ctx.queryParams();
        } catch (RuntimeException malformed) {
            return;
        }
        for (String name : query.names()) {
            if (!declared.contains(name) || query.getAll(name).size() > 1) {
                return;
            }
        }
        release.bind(ctx.request().uri(), key, RouteTemplates.of(ctx));
    }

    private static Optional<Set<String>> declaredQueryParameters(Method method) {
        return method.isAnnotationPresent(FastPathBindable.class)
                ? Optional.of(DeclaredQueryParameters.of(method)) : Optional.empty();
    }
}
