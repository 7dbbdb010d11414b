package io.essays.links;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.corpus.CorpusSnapshot.HeadingData;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** One essay's place in the link graph: links both ways, neighbourhood, related essays, previews, unlinked mentions. */
@Path("/api/v1/essays/{slug}")
@Tag(name = "Links")
@NonBlocking
public class LinkResource {
    private final CorpusState state;
    private final LinkService links;
    private final ContentResponses responses;

    LinkResource(CorpusState state, LinkService links, ContentResponses responses) {
        this.state = state;
        this.links = links;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Path("/links")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getEssayLinks", summary = "Get an essay's links and backlinks",
            description = "Outgoing: each essay linked to, once, with every link to it (text, target anchor, section of "
                    + "this essay holding the link). Incoming (backlinks): each essay linking here, with every link and "
                    + "the passage around it, as plain text and as HTML with the link text in <mark>. Agrees with the "
                    + "detail's links and backlinks. Links from an essay to its own file are in-essay references, not "
                    + "cross-links, and are not listed.")
    @APIResponse(responseCode = "200", description = "Links both ways", content = @Content(
            schema = @Schema(implementation = EssayLinks.class),
            examples = @ExampleObject(name = "links", value = LinkExamples.LINKS)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No essay with this slug", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown essay", value = LinkExamples.UNKNOWN_ESSAY)))
    public Response links(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        links.essay(corpus, slug);
        return responses.json(corpus, headers, "links/" + slug, () -> links.links(corpus, slug));
    }

    @GET
    @FastPathBindable
    @Path("/graph")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getEssayGraph", summary = "Get an essay's neighbourhood graph",
            description = "The essays at most depth links away from this one, following links either way, and every "
                    + "edge among them. Nodes carry their distance from this essay (0 for itself) and are ordered by "
                    + "distance, then reading order; degrees are those of the whole corpus graph.")
    @APIResponse(responseCode = "200", description = "The neighbourhood", content = @Content(
            schema = @Schema(implementation = EssayGraph.class),
            examples = @ExampleObject(name = "depth 1", value = LinkExamples.NEIGHBOURHOOD)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "depth is not 1 or 2", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "bad depth", value = LinkExamples.BAD_DEPTH)))
    @APIResponse(responseCode = "404", description = "No essay with this slug", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown essay", value = LinkExamples.UNKNOWN_ESSAY)))
    public Response graph(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug,
                          @Parameter(description = "How many links away to go: 1 (default) or 2",
                                  schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "2", defaultValue = "1"),
                                  example = "2") @QueryParam("depth") String depth,
                          @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        links.essay(corpus, slug);
        int d = links.depth(depth);
        return responses.json(corpus, headers, "graph/" + slug + "?depth=" + d, () -> links.neighbourhood(corpus, slug, d));
    }

    @GET
    @FastPathBindable
    @Path("/related")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getRelatedEssays", summary = "Get related essays",
            description = "Other essays ranked by a score computed at import: links-to 3 (this essay links there), "
                    + "linked-from 3 (it links here), co-cited-by 1 per essay that links to both, both-link-to 1 per "
                    + "essay both link to, shared-tags 1 per shared tag, same-series 0.5. Highest score first, ties by "
                    + "slug; essays scoring 0 are left out. Each result lists its reasons with their share of the score.")
    @APIResponse(responseCode = "200", description = "Related essays, best first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = RelatedEssay.class),
            examples = @ExampleObject(name = "related", value = LinkExamples.RELATED)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to 50", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "bad limit", value = LinkExamples.BAD_LIMIT)))
    @APIResponse(responseCode = "404", description = "No essay with this slug", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown essay", value = LinkExamples.UNKNOWN_ESSAY)))
    public Response related(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug,
                            @Parameter(description = "How many essays at most, 1 to 50 (default 5)",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50", defaultValue = "5"),
                                    example = "3") @QueryParam("limit") String limit,
                            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        links.essay(corpus, slug);
        int n = links.relatedLimit(limit);
        return responses.json(corpus, headers, "related/" + slug + "?limit=" + n, () -> links.related(corpus, slug, n));
    }

    @GET
    @FastPathBindable
    @Path("/preview")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getEssayPreview", summary = "Get a link preview",
            description = "A small hover-card payload: title, series, summary and reading time; with ?anchor= also the "
                    + "heading and the first paragraph of that section, as plain text and sanitized HTML.")
    @APIResponse(responseCode = "200", description = "The preview", content = @Content(
            schema = @Schema(implementation = Preview.class),
            examples = {@ExampleObject(name = "essay", value = LinkExamples.PREVIEW),
                    @ExampleObject(name = "section", value = LinkExamples.SECTION_PREVIEW)}))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No essay with this slug, or no heading with this id in it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unknown essay", value = LinkExamples.UNKNOWN_ESSAY),
                            @ExampleObject(name = "unknown anchor", value = LinkExamples.UNKNOWN_ANCHOR)}))
    public Response preview(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug,
                            @Parameter(description = "A heading id of the essay (see its toc)", example = "temperature")
                            @QueryParam("anchor") String anchor,
                            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        HeadingData heading = links.anchor(corpus, slug, anchor);
        return responses.json(corpus, headers, "preview/" + slug + "?anchor=" + (heading == null ? "" : heading.id()),
                () -> links.preview(corpus, slug, heading));
    }

    @GET
    @FastPathBindable
    @Path("/mentions")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getEssayMentions", summary = "Get unlinked mentions",
            description = "For authors: places in other essays where this essay's title or one of its aliases appears "
                    + "in running text without a link, grouped by essay in reading order, each with the passage around "
                    + "it. Matching is case-insensitive, on word boundaries, with any whitespace between words; text "
                    + "inside links, code, math and headings does not count.")
    @APIResponse(responseCode = "200", description = "Essays mentioning this one", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = MentioningEssay.class),
            examples = @ExampleObject(name = "mentions", value = LinkExamples.MENTIONS)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No essay with this slug", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown essay", value = LinkExamples.UNKNOWN_ESSAY)))
    public Response mentions(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        links.essay(corpus, slug);
        return responses.json(corpus, headers, "mentions/" + slug, () -> links.mentions(corpus, slug));
    }
}
