package io.essays.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes CORS answers safe to store in shared caches (CDNs, proxies). Quarkus' CORS filter echoes the request's
 * {@code Origin} in {@code Access-Control-Allow-Origin} without {@code Vary: Origin}, so a cache would hand origin A's
 * answer to origin B, whose browser then refuses it.
 * <ul>
 * <li>When any origin is allowed (the default, {@code quarkus.http.cors.origins=*}) and credentials are not, this is a
 * public read API: every response says {@code Access-Control-Allow-Origin: *} and exposes the configured headers,
 * whether or not the request had an {@code Origin}, so the response does not vary by origin at all.</li>
 * <li>When origins are restricted, every response adds {@code Origin} to {@code Vary}, including responses to requests
 * without an {@code Origin} (a cache must not reuse those for a cross-origin request either).</li>
 * </ul>
 * Both apply just before the headers are written, so they hold for the fast path, JAX-RS, 304s and errors alike.
 */
@ApplicationScoped
public class SharedCacheCors {
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    static final String ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials";

    private final boolean enabled;
    private final boolean anyOrigin;
    private final String exposed;

    SharedCacheCors(@ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean enabled,
                    @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins,
                    @ConfigProperty(name = "quarkus.http.cors.exposed-headers") Optional<List<String>> exposed,
                    @ConfigProperty(name = "quarkus.http.cors.access-control-allow-credentials") Optional<Boolean> credentials) {
        this.enabled = enabled;
        this.anyOrigin = origins.map(o -> o.size() == 1 && (o.get(0).equals("*") || o.get(0).equals("/.*/"))).orElse(false)
                && !credentials.orElse(false);
        this.exposed = exposed.filter(e -> !e.isEmpty()).map(e -> String.join(",", e)).orElse(null);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::handle);
        }
    }

    void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> apply(ctx.response().headers()));
        ctx.next();
    }

    void apply(MultiMap headers) {
        if (anyOrigin) {
            headers.set(ALLOW_ORIGIN, "*");
            headers.remove(ALLOW_CREDENTIALS);
            if (exposed != null) {
                headers.set(EXPOSE_HEADERS, exposed);
            }
        } else {
            headers.set(HttpHeaders.VARY, withOrigin(headers.get(HttpHeaders.VARY)));
        }
    }

    /** A Vary value that includes Origin, keeping what was there. */
    static String withOrigin(String vary) {
        if (vary == null || vary.isBlank()) {
            return "Origin";
        }
        for (String field : vary.split(",")) {
            String f = field.strip().toLowerCase(Locale.ROOT);
            if (f.equals("origin") || f.equals("*")) {
                return vary;
            }
        }
        return "Origin, " + vary;
    }
}
