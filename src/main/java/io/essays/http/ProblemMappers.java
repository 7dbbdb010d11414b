package io.essays.http;

import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.essays.DatabaseOutage;
import io.essays.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns every exception into an RFC 9457 problem+json response; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String TYPE_BASE = "https://essays.dev/problems/";

    private final AllowedMethods allowed;

    ProblemMappers(AllowedMethods allowed) {
        this.allowed = allowed;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = response(e.status(), e.type(), e.title(), e.getMessage(), uri);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    /** The one translation of the domain's errors ({@link DomainException}) into HTTP. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        String detail = e.getMessage();
        if (e instanceof DomainException.UnknownResource) {
            return response(404, "not-found", "Not Found", detail, uri);
        }
        if (e instanceof DomainException.InvalidParameter) {
            return response(400, "invalid-parameter", "Invalid Parameter", detail, uri);
        }
        if (e instanceof DomainException.NoCorpus) {
            return response(503, "no-corpus", "Service Unavailable", detail, uri);
        }
        if (e instanceof DomainException.InvalidSyncToken token) {
            return token.forged() ? response(400, "forged-sync-token", "Forged Sync Token", detail, uri)
                    : response(400, "invalid-sync-token", "Invalid Sync Token", detail, uri);
        }
        if (e instanceof DomainException.SyncRestartRequired) {
            return response(410, "sync-restart-required", "Initial Sync Required", detail, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, Request request) {
        int status = e.getResponse().getStatus();
        // what the path answers, read from the resources: a 405 must list it (RFC 9110: Allow is required)
        Set<String> methods = status == 404 || status == 405 ? allowed.of(uri.getRequestUri().getRawPath()) : Set.of();
        if (status == 404 && !methods.isEmpty() && !methods.contains(request.getMethod())) {
            // Quarkus REST routes a path shared by several resource classes (/api/v1/essays/{slug} and its /links)
            // to one of them and, finding no method there, says 404 where the path exists under another method
            status = 405;
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "HTTP " + status : info.getReasonPhrase();
        String allow = status == 405 ? allow(e, methods) : null;
        String detail = switch (status) {
            case 404 -> "No resource at " + instance(uri);
            case 405 -> request.getMethod() + " is not allowed on " + instance(uri)
                    + (allow == null ? "" : "; it answers " + allow);
            case 406 -> "None of the accepted media types can be produced for " + instance(uri);
            case 415 -> "Unsupported media type";
            default -> e.getMessage();
        };
        Response response = response(status, title.toLowerCase(Locale.ROOT).replace(' ', '-'), title, detail, uri);
        return allow == null ? response : Response.fromResponse(response).header("Allow", allow).build();
    }

    private static String allow(WebApplicationException e, Set<String> methods) {
        String given = e.getResponse().getHeaderString("Allow");
        if (given != null && !given.isBlank()) {
            return given;
        }
        return methods.isEmpty() ? null : String.join(", ", methods);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        var outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            // not a bug: one line, and a status that tells a client to come back
            LOG.warnf("The database does not answer on %s: %s", instance(uri), outage.get());
            return Response.fromResponse(response(503, "database-unavailable", "Database Unavailable",
                    "The database does not answer (" + outage.get() + "), and this request needs it; the essays "
                            + "themselves are still served. Try again later.", uri))
                    .header("Retry-After", "10").build();
        }
        LOG.errorf(logged(e), "Unexpected error on %s", instance(uri));
        return response(500, "internal-error", "Internal Server Error",
                "The server failed to answer this request; it has been logged.", uri);
    }

    /** Longest exception message logged: some quote their whole input (a feed entry's HTML), on every request. */
    static final int LOGGED_MESSAGE = 1_000;

    /** {@code e} as logged: with its stack trace, and its message cut to {@link #LOGGED_MESSAGE} characters. */
    static Throwable logged(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.length() <= LOGGED_MESSAGE) {
            return e;
        }
        var cut = new RuntimeException(e.getClass().getName() + ": " + message.substring(0, LOGGED_MESSAGE) + "… ("
                + message.length() + " characters)", e.getCause());
        cut.setStackTrace(e.getStackTrace());
        return cut;
    }

    static Response response(int status, String type, String title, String detail, UriInfo uri) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(new Problem(TYPE_BASE + type, title, status, detail, instance(uri)))
                .build();
    }

    /**
     * The request's path as sent, still percent-encoded: RFC 9457's {@code instance} is a URI reference, and the
     * decoded path can name another resource ({@code softmax%3Ffields=title} is not {@code softmax?fields=title}).
     */
    static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}
