package io.essays.search;

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
import io.essays.corpus.CorpusState;
import io.essays.essay.PageInfo;
import io.essays.http.ContentResponses;
import io.essays.http.PageLinks;
import io.essays.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Full-text search with highlighted, section-level results, and search-as-you-type. */
@Path("/api/v1/search")
@Tag(name = "Search")
@Blocking // on a worker thread: a slow query must never stall the event loop that also serves the fast path
public class SearchResource {
    static final String SYNTAX = "Plain words must all match (stemmed: normalize, normalized and normalization meet); "
            + "\"exact phrase\"; prefix* (at the end of a word); -word or -\"phrase\" excludes. Lucene operators "
            + "(: ( ) ~ ^ \\ and the like) are read as spaces; common words (the, of, and) are ignored. At most "
            + SearchQueryParser.MAX_LENGTH + " characters and " + SearchQueryParser.MAX_CLAUSES + " clauses.";

    private final CorpusState state;
    private final SearchService search;
    private final ContentResponses responses;

    SearchResource(CorpusState state, SearchService search, ContentResponses responses) {
        this.state = state;
        this.search = search;
        this.responses = responses;
    }

    @GET
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "searchEssays", summary = "Search essays", description = "Essays ranked by BM25 over title (weight 3), headings (2), "
            + "summary (2), tags and aliases (2) and body (1), each with its best-matching section and up to three "
            + "highlighted snippets. " + SYNTAX + " When nothing matches, the query is retried with its spelling "
            + "corrected, and didYouMean says so. The Link header (RFC 8288) carries first, prev, next and last pages.")
    @APIResponse(responseCode = "200", description = "One page of results",
            headers = @Header(name = "Link", description = "first, prev, next, last", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Empty or too long q, nothing searchable in q (only common words, "
            + "a lone *, only exclusions), invalid page or size, page past the last, or unknown series or tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(
            @Parameter(description = "What to search for. " + SYNTAX, required = true,
                    example = "temperature \"partition function\"") @QueryParam("q") String q,
            @Parameter(description = "Only essays of this series", example = "foundations") @QueryParam("series") String series,
            @Parameter(description = "Only essays with this tag", example = "probability") @QueryParam("tag") String tag,
            @Parameter(description = Paging.PAGE_DESCRIPTION,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"),
                    example = "1") @QueryParam("page") String page,
            @Parameter(description = Paging.SIZE_DESCRIPTION,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = Paging.MAX_SIZE,
                            defaultValue = Paging.DEFAULT_SIZE),
                    example = Paging.DEFAULT_SIZE) @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        SearchIndex index = search.index(state.current());
        SearchService.SearchRequest request = search.request(index, q, series, tag, page, size);
        return responses.json(index.cache(), headers, request.key(), () -> search.search(index, request),
                results -> results, results -> Map.of("Link", pageLinks(request, results.page())));
    }

    @GET
    @Path("/suggest")
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "suggest", summary = "Complete what is being typed", description = "Up to 10 completions for search-as-you-type: "
            + "essay titles and section headings in which every typed word starts a word (the last may be unfinished), "
            + "then frequent words of the corpus completing the last typed word. A trailing space means the last word "
            + "is finished. Answered from memory, typically in a fraction of a millisecond.")
    @APIResponse(responseCode = "200", description = "Completions, titles first, then headings, then terms",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Suggestion.class)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "Empty or too long q",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response suggest(
            @Parameter(description = "What has been typed so far, up to " + SearchQueryParser.MAX_LENGTH + " characters",
                    required = true, example = "soft") @QueryParam("q") String q,
            @Context HttpHeaders headers) {
        SearchIndex index = search.index(state.current());
        String typed = search.suggestQuery(q);
        return responses.json(index.cache(), headers, "suggest?q=" + typed, () -> search.suggest(index, typed));
    }

    /** The pagination links of a search, with the query as understood. */
    static String pageLinks(SearchService.SearchRequest request, PageInfo page) {
        var query = new java.util.LinkedHashMap<String, String>();
        query.put("q", request.query().normalized());
        query.put("series", request.series());
        query.put("tag", request.tag());
        query.put("page", null);
        query.put("size", Integer.toString(request.size()));
        return PageLinks.header("/api/v1/search", query, page.number(), page.totalPages());
    }
}
