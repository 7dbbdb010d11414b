package io.essays.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.essays.EssaysConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request URI longer than {@code essays.http.max-uri-length} with a 414 problem+json that says the limit,
 * before the fast path or JAX-RS look at it. The server's own request-line limit
 * ({@code quarkus.http.limits.max-initial-line-length}) is set well above it, because a request over that one is
 * refused by the HTTP codec with a bare 414 that no handler can see.
 */
@ApplicationScoped
public class UriLimit {
    private final int maxLength;
    private final ObjectMapper mapper;

    UriLimit(EssaysConfig config, ObjectMapper mapper) {
        this.maxLength = config.http().maxUriLength();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 1).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        int length = ctx.request().uri().length();
        if (length <= maxLength) {
            ctx.next();
            return;
        }
        String detail = "The request URI has " + length + " characters; at most " + maxLength
                + " are accepted. Shorten the query (fewer or shorter parameters).";
        Problem problem = new Problem(ProblemMappers.TYPE_BASE + "uri-too-long", "URI Too Long", 414, detail, null);
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(414)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(body));
    }
}
