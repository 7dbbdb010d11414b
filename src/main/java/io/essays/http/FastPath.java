package io.essays.http;

import io.essays.EssaysConfig;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves a GET or HEAD whose exact URI was already answered in this release straight from the precomputed
 * {@link Representation}, on the event loop, before JAX-RS: a map lookup, the conditional-request rules and a write
 * of bytes that were encoded once. Anything else (first request for a URI, other methods, errors) goes on to the JAX-RS
 * resources, which bind the URI for next time. Runs after the CORS filter, so CORS headers are unchanged.
 */
@ApplicationScoped
public class FastPath {
    private final CurrentRelease current;
    private final String cacheControl;
    /** The Last-Modified header of the release last served, formatted once; one reference, so never torn. */
    private volatile DatedRelease dated;

    private record DatedRelease(ReleaseCache release, String lastModified) {
    }

    FastPath(CurrentRelease current, EssaysConfig config) {
        this.current = current;
        this.cacheControl = ContentResponses.cacheControl(config);
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        ReleaseCache release = current.release();
        Representation representation = (method == HttpMethod.GET || method == HttpMethod.HEAD) && release != null
                ? release.boundTo(request.uri()) : null;
        if (representation == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), representation.mediaType())) {
            ctx.next();
            return;
        }
        Conditional.Decision decision = Conditional.decide(representation, release.importedAt(),
                request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, decision.etag())
                .set(HttpHeaders.LAST_MODIFIED, lastModified(release))
                .set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.VARY, "Accept-Encoding");
        representation.headers().forEach(headers::set);
        if (decision.notModified()) {
            response.setStatusCode(304).end();
            return;
        }
        byte[] body = decision.gzip() ? representation.gzip() : representation.body();
        headers.set(HttpHeaders.CONTENT_TYPE, representation.mediaType());
        if (decision.gzip()) {
            headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        if (method == HttpMethod.HEAD) {
            headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
            response.end();
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
        }
    }

    private String lastModified(ReleaseCache release) {
        DatedRelease d = dated;
        if (d == null || d.release() != release) {
            d = new DatedRelease(release, HttpDates.format(release.importedAt()));
            dated = d;
        }
        return d.lastModified();
    }

    /** Whether an Accept header admits the media type; when it does not, JAX-RS answers (406 as problem+json). */
    static boolean accepts(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String type = mediaType.split(";")[0];
        String major = type.substring(0, type.indexOf('/'));
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String r = parts[0].strip();
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && (r.equals("*/*") || r.equals(type) || r.equals(major + "/*"))) {
                return true;
            }
        }
        return false;
    }
}
