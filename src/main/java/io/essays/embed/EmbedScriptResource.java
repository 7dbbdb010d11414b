package io.essays.embed;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
import io.essays.http.Problem;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /embed.js}: the script a host page includes once to turn embed blockquotes into self-sizing iframes. */
@Path("/embed.js")
@Tag(name = "Embeds")
@NonBlocking
public class EmbedScriptResource {
    static final String JAVASCRIPT = "text/javascript; charset=utf-8";

    private final CorpusState state;
    private final EmbedPages pages;
    private final ContentResponses responses;

    EmbedScriptResource(CorpusState state, EmbedPages pages, ContentResponses responses) {
        this.state = state;
        this.pages = pages;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces(JAVASCRIPT)
    @Operation(operationId = "getEmbedScript", summary = "Get the host script for embeds",
            description = "Replaces every <blockquote class=\"essays-embed\" data-url=\"…/embed/essays/{slug}\"> by an "
                    + "iframe of that embed page and resizes embed iframes on their essays-embed:resize messages, "
                    + "accepted only from this script's origin and from the window of an iframe on the page; when it "
                    + "starts, asks every embed iframe already on the page for its height (essays-embed:measure).")
    @APIResponse(responseCode = "200", description = "The script", content = @Content(mediaType = JAVASCRIPT,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "The Accept header admits no JavaScript",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response script(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        return responses.bytes(corpus, headers, "embed.js", JAVASCRIPT, true, Map.of("X-Content-Type-Options", "nosniff"),
                () -> pages.hostScript().getBytes(StandardCharsets.UTF_8));
    }
}
