package io.essays.http;

import java.util.concurrent.atomic.LongAdder;

import io.essays.EssaysConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
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
 * Serves a GET or HEAD whose exact URI was bound in this release straight from the precomputed
 * {@link Representation}, on the event loop, before JAX-RS: a cache lookup, the conditional-request rules and a write
 * of bytes that were encoded once (large bodies from off-heap copies, {@link DirectBodies}). Anything else (an unbound
 * URI, other methods, an {@code Accept} that does not admit the media type) goes on to the JAX-RS resources. Only
 * resource methods marked {@link FastPathBindable} bind URIs (see the package documentation for the invariant). Runs
 * after the CORS filter, so CORS headers are unchanged, and records each request under the route template it was bound
 * with, so metrics see one series per endpoint.
 */
@ApplicationScoped
public class FastPath {
    /** Vert.x names the other validators but not this one (RFC 9110 §13.1.4). */
    private static final CharSequence IF_UNMODIFIED_SINCE = HttpHeaders.createOptimized("If-Unmodified-Since");
    private final CurrentRelease current;
    private final String cacheControl;
    private final LongAdder served = new LongAdder();
    private final DirectBodies directBodies;

    FastPath(CurrentRelease current, EssaysConfig config, MeterRegistry registry) {
        this.current = current;
        this.cacheControl = ContentResponses.cacheControl(config);
        this.directBodies = new DirectBodies(Math.toIntExact(config.http().directThreshold().asLongValue()),
                config.http().directBudget().asLongValue());
        Gauge.builder("essays.http.direct.bytes", directBodies, DirectBodies::weight)
                .description("Off-heap copies of large response bodies (essays.http.direct-budget)").baseUnit("bytes")
                .register(registry);
        FunctionCounter.builder("essays.http.fast.path.responses", served, LongAdder::sum)
                .description("Responses answered by the fast path, without JAX-RS")
                .register(registry);
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    /** How many responses the fast path has answered since start. */
    public long served() {
        return served.sum();
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        ReleaseCache release = method == HttpMethod.GET || method == HttpMethod.HEAD ? current.release() : null;
        ReleaseCache.Bound bound = release == null ? null : release.boundTo(request.uri());
        if (bound == null || !Conditional.accepts(ctx.parsedHeaders().accept(), bound.representation().mediaType())) {
            ctx.next();
            return;
        }
        Representation representation = bound.representation();
        Conditional.Decision decision = Conditional.decide(representation, release.importedAt(),
                new Conditional.Validators(request.getHeader(HttpHeaders.IF_MATCH),
                        request.getHeader(IF_UNMODIFIED_SINCE), request.getHeader(HttpHeaders.IF_NONE_MATCH),
                        request.getHeader(HttpHeaders.IF_MODIFIED_SINCE)),
                ctx.parsedHeaders().acceptEncoding());
        if (decision.preconditionFailed()) {
            ctx.next(); // JAX-RS answers the same decision with its 412 problem
            return;
        }
        RouteTemplates.record(ctx, bound.route());
        served.increment();
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, decision.etag())
                .set(HttpHeaders.LAST_MODIFIED, release.lastModified())
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
            ByteBuf direct = directBodies.retain(body);
            if (direct == null) {
                response.end(Buffer.buffer(Unpooled.wrappedBuffer(body)));
                return;
            }
            try {
                response.end(Buffer.buffer(direct)).onComplete(written -> direct.release());
            } catch (RuntimeException e) {
                direct.release();
                throw e;
            }
        }
    }
}
