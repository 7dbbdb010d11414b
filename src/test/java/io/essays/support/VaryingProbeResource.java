package io.essays.support;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Test-only endpoints whose answers depend on something other than the URI (a header, authentication), built with the
 * same {@link ContentResponses} as the real resources, to show that such responses are never bound to their URI; and
 * one that opts in, for contrast. Hidden from the OpenAPI document.
 */
@Path("/test/probe")
public class VaryingProbeResource {
    private final CorpusState state;
    private final ContentResponses responses;

    VaryingProbeResource(CorpusState state, ContentResponses responses) {
        this.state = state;
        this.responses = responses;
    }

    @GET
    @Path("/by-header")
    @Produces(ContentResponses.JSON)
    @Operation(hidden = true)
    public Response byHeader(@HeaderParam("X-Variant") String variant, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        String v = variant == null ? "none" : variant;
        return responses.json(corpus, headers, "probe/by-header?" + v, () -> Map.of("variant", v));
    }

    @GET
    @Path("/by-auth")
    @Produces(ContentResponses.JSON)
    @Operation(hidden = true)
    public Response byAuth(@HeaderParam("Authorization") String authorization, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        boolean signedIn = authorization != null;
        return responses.json(corpus, headers, "probe/by-auth?" + signedIn, () -> Map.of("signedIn", signedIn));
    }

    @GET
    @Path("/pure")
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(hidden = true)
    public Response pure(@QueryParam("n") String n, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        String canonical = n == null ? "0" : n.strip();
        return responses.json(corpus, headers, "probe/pure?n=" + canonical, () -> Map.of("n", canonical));
    }
}
