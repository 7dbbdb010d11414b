package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Tags with their essay counts. */
@Path("/api/v1/tags")
@Tag(name = "Tags")
@NonBlocking
public class TagResource {
    private final CorpusState state;
    private final EssayService essays;
    private final ContentResponses responses;

    TagResource(CorpusState state, EssayService essays, ContentResponses responses) {
        this.state = state;
        this.essays = essays;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "listTags", summary = "List tags", description = "Every tag with the number of essays that carry it, sorted by tag.")
    @APIResponse(responseCode = "200", description = "Tags",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TagCount.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    public Response list(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        return responses.json(corpus, headers, "tags", () -> essays.tags(corpus));
    }
}
