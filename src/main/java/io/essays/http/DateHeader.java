package io.essays.http;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends {@code Date} on every response the router answers: the fast path, JAX-RS, 304s, problems and the health and
 * metrics endpoints (RFC 9110 §6.6.1: an origin server with a clock must, and caches compute a response's age from
 * it). The value is formatted once a second and shared, as nginx does, so a request pays a clock read and a compare.
 * Set when the request arrives, which is within milliseconds of when its answer is originated.
 */
@ApplicationScoped
public class DateHeader {
    private final Clock clock;
    private volatile Stamp stamp = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long second, String value) {
    }

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        ctx.response().headers().set(HttpHeaders.DATE, now());
        ctx.next();
    }

    /** The IMF-fixdate of the clock's current second. */
    String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Stamp current = stamp;
        if (current.second() != second) {
            current = new Stamp(second, HttpDates.format(Instant.ofEpochSecond(second)));
            stamp = current;
        }
        return current.value();
    }
}
