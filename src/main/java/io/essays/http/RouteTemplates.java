package io.essays.http;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The route template a request is recorded under in metrics ({@code uri="/api/v1/essays/{slug}"}). Quarkus REST puts
 * the matched resource's template in the request's Vert.x context under {@code UrlPathTemplate}, and Micrometer (and
 * OpenTelemetry) read it from there when the response ends. The fast path never reaches Quarkus REST, so it puts the
 * template the JAX-RS response was bound with; otherwise every essay would be a series of its own.
 */
final class RouteTemplates {
    static final String KEY = "UrlPathTemplate";

    private RouteTemplates() {
    }

    /** The template Quarkus REST recorded for this request, or null outside a resource method. */
    static String of(RoutingContext ctx) {
        return ctx.request() instanceof HttpServerRequestInternal request ? request.context().getLocal(KEY) : null;
    }

    /** Records this request under {@code template}. */
    static void record(RoutingContext ctx, String template) {
        if (template != null && ctx.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(KEY, template);
        }
    }
}
