package io.essays.feed;

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

/** {@code /sitemap.xml}: every essay page URL with its last modification. */
@Path("/sitemap.xml")
@Tag(name = "Feeds")
@NonBlocking
public class SitemapResource {
    public static final String XML = "application/xml; charset=utf-8";

    private final CorpusState state;
    private final FeedService feeds;
    private final ContentResponses responses;

    SitemapResource(CorpusState state, FeedService feeds, ContentResponses responses) {
        this.state = state;
        this.feeds = feeds;
        this.responses = responses;
    }

    @GET
    @FastPathBindable
    @Produces(XML)
    @Operation(operationId = "getSitemap", summary = "Sitemap",
            description = "sitemaps.org 0.9: every essay's page URL (absolute) and its last modification date.")
    @APIResponse(responseCode = "200", description = "The sitemap", content = @Content(mediaType = XML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "406", description = "The Accept header admits no XML",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sitemap(@Context HttpHeaders headers) {
        CorpusSnapshot corpus = state.current();
        return responses.bytes(corpus, headers, "sitemap", XML, true, Map.of(),
                () -> feeds.sitemap(corpus).getBytes(StandardCharsets.UTF_8));
    }
}
