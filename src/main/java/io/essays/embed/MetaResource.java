package io.essays.embed;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.essay.EssayService;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /essays/{slug}/meta}: what a frontend's server-rendered {@code <head>} needs, as JSON or as HTML. */
@Path("/api/v1/essays/{slug}/meta")
@Tag(name = "Embeds")
@NonBlocking
public class MetaResource {
    private final CorpusState state;
    private final EssayService essays;
    private final MetaService meta;
    private final ContentResponses responses;

    MetaResource(CorpusState state, EssayService essays, MetaService meta, ContentResponses responses) {
        this.state = state;
        this.essays = essays;
        this.meta = meta;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces({ContentResponses.JSON, ContentResponses.HTML})
    @Operation(operationId = "getEssayMeta", summary = "Get an essay's page metadata",
            description = "Canonical URL, Open Graph and Twitter card fields (image from the first figure, with its size), "
                    + "the oEmbed discovery link and schema.org Article JSON-LD; with format=html, the same as <head> "
                    + "elements ready to insert (escaped; the JSON-LD cannot close its script element).")
    @APIResponse(responseCode = "200", description = "The metadata", content = {
            @Content(mediaType = ContentResponses.JSON, schema = @Schema(implementation = EssayMeta.class)),
            @Content(mediaType = ContentResponses.HTML, schema = @Schema(type = SchemaType.STRING,
                    example = "<link rel=\"canonical\" href=\"https://essays.example.org/essays/softmax\">"))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No essay with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response meta(@Parameter(description = "Essay slug", example = "softmax") @PathParam("slug") String slug,
                         @Parameter(description = "json (default) or html",
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html"}, defaultValue = "json"),
                                 example = "html") @QueryParam("format") String format,
                         @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        if (format != null && !MetaService.formats().contains(format)) {
            throw ProblemException.badRequest("Unknown format '" + format + "'; use json or html");
        }
        var essay = essays.essay(corpus, slug);
        if ("html".equals(format)) {
            return responses.text(corpus, headers, "meta/" + slug + "?format=html", ContentResponses.HTML,
                    () -> meta.html(meta.meta(corpus, essay)));
        }
        return responses.json(corpus, headers, "meta/" + slug, () -> meta.meta(corpus, essay));
    }
}
