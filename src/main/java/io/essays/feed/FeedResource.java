package io.essays.feed;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusState;
import io.essays.http.ContentResponses;
import io.essays.http.FastPathBindable;
import io.essays.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Atom and JSON feeds of the essays, newest first. */
@Path("/feeds")
@Tag(name = "Feeds")
@Blocking // a feed's first request per release parses every essay's HTML: on a worker thread, never on the event loop
public class FeedResource {
    public static final String ATOM = "application/atom+xml; charset=utf-8";
    public static final String JSON_FEED = "application/feed+json";
    // the generic syntaxes that also admit a feed (Conditional.accepts): without them in @Produces, JAX-RS would refuse
    // a feed reader's "Accept: application/xml" with a 406 before the resource could answer with the feed
    private static final String XML = "application/xml";
    private static final String TEXT_XML = "text/xml";
    private static final String JSON = "application/json";

    private final CorpusState state;
    private final FeedService feeds;
    private final ContentResponses responses;

    FeedResource(CorpusState state, FeedService feeds, ContentResponses responses) {
        this.state = state;
        this.feeds = feeds;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Path("/atom.xml")
    @Produces({ATOM, XML, TEXT_XML})
    @Operation(operationId = "getAtomFeed", summary = "Atom feed",
            description = "Atom 1.0 (RFC 4287): every essay, or one series', newest first; entry id and link are the "
                    + "essay's page URL; summary as text, the full content as HTML with absolute links and images. Always "
                    + "application/atom+xml, also to a client that accepts only application/xml or text/xml.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = ATOM,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header admits neither Atom nor XML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response atom(@Parameter(description = "Only this series' essays", example = "foundations") @QueryParam("series") String series,
                         @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        feeds.entries(corpus, series);
        return responses.bytes(corpus, headers, "feed/atom?series=" + (series == null ? "" : series), ATOM, true, Map.of(),
                () -> feeds.atom(corpus, series).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @FastPathBindable
    @Path("/feed.json")
    @Produces({JSON_FEED, JSON})
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed", description = "JSON Feed 1.1 with the Atom feed's entries. Always application/feed+json, also "
            + "to a client that accepts only application/json.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = JSON_FEED,
            schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Unknown series",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header admits neither JSON Feed nor JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response json(@Parameter(description = "Only this series' essays", example = "foundations") @QueryParam("series") String series,
                         @Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        feeds.entries(corpus, series);
        return responses.json(corpus, headers, JSON_FEED, "feed/json?series=" + (series == null ? "" : series),
                () -> feeds.json(corpus, series));
    }
}
