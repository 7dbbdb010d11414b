package io.essays.links;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The whole cross-link graph of the corpus. */
@Path("/api/v1/graph")
@Tag(name = "Links")
@NonBlocking
public class GraphResource {
    private final CorpusState state;
    private final LinkService links;
    private final ContentResponses responses;

    GraphResource(CorpusState state, LinkService links, ContentResponses responses) {
        this.state = state;
        this.links = links;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getGraph", summary = "Get the link graph",
            description = "Every essay as a node (with in- and out-degree: distinct essays linking in and out) and every "
                    + "distinct (source, target) pair of cross-links as an edge weighted by the number of links. With "
                    + "series, only that series' essays and the edges between them; degrees stay corpus-wide.")
    @APIResponse(responseCode = "200", description = "The graph", content = @Content(
            schema = @Schema(implementation = EssayGraph.class),
            examples = @ExampleObject(name = "graph", value = LinkExamples.GRAPH)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "Unknown series", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown series", value = LinkExamples.UNKNOWN_SERIES)))
    public Response graph(@Parameter(description = "Only essays of this series and the links between them",
                                  example = "foundations") @QueryParam("series") String series,
                          @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        String s = links.graphSeries(corpus, series);
        return responses.json(corpus, headers, "graph?series=" + (s == null ? "" : s), () -> links.graph(corpus, s));
    }
}
