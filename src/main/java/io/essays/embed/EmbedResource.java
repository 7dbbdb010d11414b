package io.essays.embed;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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

/** Embed pages: an essay or one section of it as a standalone HTML document for an iframe. */
@Path("/embed/essays/{slug}")
@Tag(name = "Embeds")
@NonBlocking
public class EmbedResource {
    static final String THEME = "light or dark; left out, the page follows the reader's prefers-color-scheme";

    private final CorpusState state;
    private final EssayService essays;
    private final EmbedPages pages;
    private final ContentResponses responses;

    EmbedResource(CorpusState state, EssayService essays, EmbedPages pages, ContentResponses responses) {
        this.state = state;
        this.essays = essays;
        this.pages = pages;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.HTML)
    @Operation(operationId = "getEssayEmbed", summary = "Get an essay's embed page",
            description = "A complete HTML5 document for an iframe: title, series, reading time, the essay with figures and "
                    + "MathML, and a link to the essay's page. One inline stylesheet and script, allowed by hash in a strict "
                    + "Content-Security-Policy; the page posts {\"type\": \"essays-embed:resize\", \"height\": …, \"slug\": …} "
                    + "to its parent whenever its height changes, and again when its parent posts "
                    + "{\"type\": \"essays-embed:measure\"}.")
    @APIResponse(responseCode = "200", description = "The embed page", content = @Content(mediaType = ContentResponses.HTML,
            schema = @Schema(type = SchemaType.STRING)), headers = {
            @Header(name = "Content-Security-Policy", description = "default-src 'none', images from the asset base URL, "
                    + "style and script by hash, frame-ancestors from essays.embed.frame-ancestors",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Referrer-Policy", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "X-Content-Type-Options", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown theme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No essay with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response essay(@Parameter(description = "Essay slug", example = "softmax") @PathParam("slug") String slug,
                          @Parameter(description = THEME,
                                  schema = @Schema(type = SchemaType.STRING, enumeration = {"light", "dark"}),
                                  example = "dark") @QueryParam("theme") String themeParam,
                          @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        Theme theme = Theme.parse(themeParam);
        var essay = essays.essay(corpus, slug);
        return responses.bytes(corpus, headers, "embed/" + slug + theme.keySuffix(), ContentResponses.HTML, true,
                pages.headers(), () -> pages.essay(corpus, essay, theme).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @FastPathBindable
    @Path("/sections/{headingId}")
    @Produces(ContentResponses.HTML)
    @Operation(operationId = "getSectionEmbed", summary = "Get a section's embed page",
            description = "Like the essay's embed page, with one section: the heading and everything up to the next "
                    + "heading of the same or a higher level.")
    @APIResponse(responseCode = "200", description = "The embed page of the section", content = @Content(
            mediaType = ContentResponses.HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown theme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No essay with this slug, or no heading with this id in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response section(@Parameter(description = "Essay slug", example = "softmax") @PathParam("slug") String slug,
                            @Parameter(description = "Heading id, as in the essay's toc", example = "temperature")
                            @PathParam("headingId") String headingId,
                            @Parameter(description = THEME,
                                    schema = @Schema(type = SchemaType.STRING, enumeration = {"light", "dark"}),
                                    example = "dark") @QueryParam("theme") String themeParam,
                            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        Theme theme = Theme.parse(themeParam);
        var essay = essays.essay(corpus, slug);
        var heading = essay.heading(headingId);
        String sectionHtml = heading == null ? null : PublishedHtml.section(essay.html(), headingId);
        if (sectionHtml == null) {
            throw ProblemException.notFound("Essay '" + slug + "' has no heading with id '" + headingId
                    + "'; its toc lists the heading ids");
        }
        return responses.bytes(corpus, headers, "embed/" + slug + "/sections/" + headingId + theme.keySuffix(),
                ContentResponses.HTML, true, pages.headers(),
                () -> pages.section(corpus, essay, heading, sectionHtml, theme).getBytes(StandardCharsets.UTF_8));
    }
}
