package io.essays.essay;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.EssaysConfig.Paging;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.PageLinks;
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

/** Essays: listing, detail, HTML fragment and Markdown source. Answers from the in-memory snapshot. */
@Path("/api/v1/essays")
@Tag(name = "Essays")
@NonBlocking
public class EssayResource {
    private final CorpusState state;
    private final EssayService essays;
    private final ContentResponses responses;
    private final SparseFields fields;

    EssayResource(CorpusState state, EssayService essays, ContentResponses responses, SparseFields fields) {
        this.state = state;
        this.essays = essays;
        this.responses = responses;
        this.fields = fields;
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "listEssays", summary = "List essays", description = "Essay summaries (no HTML), filtered, sorted and paginated. "
            + "The Link header (RFC 8288) carries first, prev, next and last page URLs.")
    @APIResponse(responseCode = "200", description = "One page of essays",
            headers = @Header(name = "Link", description = "first, prev, next, last", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EssayPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Invalid page, size, sort, fields or unknown series/tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Only essays of this series", example = "foundations") @QueryParam("series") String series,
            @Parameter(description = "Only essays with this tag", example = "probability") @QueryParam("tag") String tag,
            @Parameter(description = "-published (default, newest first), published, title, -title, reading-order",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "-published",
                            enumeration = {"-published", "published", "title", "-title", "reading-order"}),
                    example = "title") @QueryParam("sort") String sort,
            @Parameter(description = Paging.PAGE_DESCRIPTION,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"),
                    example = "1") @QueryParam("page") String page,
            @Parameter(description = Paging.SIZE_DESCRIPTION,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = Paging.MAX_SIZE,
                            defaultValue = Paging.DEFAULT_SIZE),
                    example = Paging.DEFAULT_SIZE) @QueryParam("size") String size,
            @Parameter(description = "Comma-separated item fields to keep (sparse fieldset), e.g. slug,title",
                    example = "slug,title,readingMinutes") @QueryParam("fields") String fieldList,
            @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        EssayService.ListQuery query = essays.query(corpus, series, tag, sort, page, size);
        var keep = fields.parse(fieldList, EssaySummary.class);
        return responses.json(corpus, headers, "essays?" + query.key() + "&fields=" + keep,
                () -> essays.list(corpus, query), result -> fields.pageOf(result, keep),
                result -> Map.of("Link", pageLinks(query, keep, result.page())));
    }

    @GET
    @FastPathBindable
    @Path("/{slug}")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "getEssay", summary = "Get an essay", description = "Metadata, table of contents, sanitized HTML, cross-links, "
            + "backlinks and previous/next essay in the series.")
    @APIResponse(responseCode = "200", description = "The essay", content = @Content(schema = @Schema(implementation = EssayDetail.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "Unknown field in fields, or unknown math",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No essay with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug,
                        @Parameter(description = "Comma-separated fields to keep (sparse fieldset)", example = "slug,title,toc")
                        @QueryParam("fields") String fieldList,
                        @Parameter(description = MATH_PARAMETER,
                                schema = @Schema(type = SchemaType.STRING, enumeration = {"mathml", "tex"}, defaultValue = "mathml"),
                                example = "tex") @QueryParam("math") String mathParam,
                        @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        var keep = fields.parse(fieldList, EssayDetail.class);
        MathFormat math = MathFormat.parse(mathParam);
        essays.essay(corpus, slug);
        return responses.json(corpus, headers, "essay/" + slug + "?fields=" + keep + math.keySuffix(),
                () -> fields.of(essays.detail(corpus, slug, math), keep));
    }

    static final String MATH_PARAMETER = "How math appears in the HTML: mathml (default: <math> elements rendered at "
            + "import, TeX kept as an annotation) or tex (escaped TeX in span.math-inline and div.math-display, for "
            + "KaTeX or MathJax on the client)";

    @GET
    @FastPathBindable
    @Path("/{slug}/html")
    @Produces(ContentResponses.HTML)
    @Operation(operationId = "getEssayHtml", summary = "Get an essay's HTML fragment", description = "The sanitized HTML body alone, ready to insert into a page.")
    @APIResponse(responseCode = "200", description = "HTML fragment", content = @Content(mediaType = ContentResponses.HTML,
            schema = @Schema(type = SchemaType.STRING, example = "<p>The softmax function turns…</p>")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown math",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No essay with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response html(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug,
                         @Parameter(description = MATH_PARAMETER,
                                 schema = @Schema(type = SchemaType.STRING, enumeration = {"mathml", "tex"}, defaultValue = "mathml"),
                                 example = "tex") @QueryParam("math") String mathParam,
                         @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        MathFormat math = MathFormat.parse(mathParam);
        var essay = essays.essay(corpus, slug);
        return responses.text(corpus, headers, "html/" + slug + math.keySuffix(), ContentResponses.HTML,
                () -> math.html(essay));
    }

    @GET
    @FastPathBindable
    @Path("/{slug}/source")
    @Produces(ContentResponses.MARKDOWN)
    @Operation(operationId = "getEssaySource", summary = "Get an essay's Markdown source", description = "The file as authored, front matter included, as UTF-8: a byte-order mark is "
            + "dropped and CRLF line endings become LF.")
    @APIResponse(responseCode = "200", description = "Markdown source", content = @Content(mediaType = ContentResponses.MARKDOWN,
            schema = @Schema(type = SchemaType.STRING, example = "---\ntitle: The Softmax Function\n…")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "404", description = "No essay with this slug",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response source(@Parameter(description = "Essay slug: the file name without .md", example = "softmax") @PathParam("slug") String slug, @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        var essay = essays.essay(corpus, slug);
        return responses.text(corpus, headers, "source/" + slug, ContentResponses.MARKDOWN, essay::source);
    }

    /**
     * The pagination links of a list query, keeping every other parameter in canonical form (the representation is
     * shared by every spelling of the query, so its links must not repeat one of them).
     */
    static String pageLinks(EssayService.ListQuery q, java.util.Set<String> fields, PageInfo page) {
        var query = new LinkedHashMap<String, String>();
        query.put("series", q.series());
        query.put("tag", q.tag());
        query.put("sort", q.sort());
        query.put("page", null);
        query.put("size", Integer.toString(q.size()));
        query.put("fields", fields.isEmpty() ? null : String.join(",", fields));
        return PageLinks.header("/api/v1/essays", query, page.number(), page.totalPages());
    }

}
