package io.essays.sync;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.EssaysConfig;
import io.essays.EssaysConfig.Sync;
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

/**
 * Delta sync for offline clients. Runs on a worker thread: a delta from an old release reads that release's hashes
 * from the database. A page is a pure function of its URI (token, limit, fields) and the release served, so it opts in
 * to the fast path: the same page asked again in the same release, such as a token for the current release being
 * polled, is answered without JAX-RS.
 */
@Path(SyncService.PATH)
@Tag(name = "Sync")
@Blocking
public class SyncResource {
    private final CorpusState state;
    private final SyncService sync;
    private final ContentResponses responses;
    private final int defaultLimit;
    private final int maxLimit;

    SyncResource(CorpusState state, SyncService sync, ContentResponses responses, EssaysConfig config) {
        this.state = state;
        this.sync = sync;
        this.responses = responses;
        this.defaultLimit = config.sync().defaultLimit();
        this.maxLimit = config.sync().maxLimit();
    }

    @GET
    @FastPathBindable
    @Produces(ContentResponses.JSON)
    @Operation(operationId = "sync", summary = "Sync series, essays and assets",
            description = "Without token: an initial sync, every series, asset and essay (the full detail, as GET "
                    + "/essays/{slug} serves it), in pages. With the nextSyncToken of an earlier sync: only what "
                    + "changed since, compared by content, with a tombstone for each item deleted (a renamed essay is "
                    + "a deletion and an addition). Follow next until a page carries nextSyncToken. A token for the "
                    + "release being served returns no items and the same token.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = SyncPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match / If-Modified-Since)")
    @APIResponse(responseCode = "400", description = "Malformed token (invalid-sync-token), altered or foreign "
            + "signature (forged-sync-token), unknown field or limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "The token is older than the history kept, or from another "
            + "deployment (sync-restart-required): run an initial sync and replace everything synced",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sync(
            @Parameter(description = "nextSyncToken of the last sync, or the token in a next URL; absent for an "
                    + "initial sync") @QueryParam("token") String token,
            @Parameter(description = Sync.LIMIT_DESCRIPTION,
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = Sync.MAX_LIMIT,
                            defaultValue = Sync.DEFAULT_LIMIT),
                    example = Sync.DEFAULT_LIMIT) @QueryParam("limit") String limit,
            @Parameter(description = "Comma-separated essay fields to keep (sparse fieldset); items are still sent "
                    + "whenever anything in them changed", example = "slug,title,html")
            @QueryParam("fields") String fieldList,
            @Context HttpHeaders headers) {
        SyncService.Request request = sync.request(token, limit, fieldList, defaultLimit, maxLimit);
        CorpusSnapshot corpus = state.current();
        if (request.newest() > corpus.releaseId()) {
            // issued by a replica that loaded a newer release before this one did
            state.refresh();
            corpus = state.current();
        }
        CorpusSnapshot served = corpus;
        return responses.json(served, headers, request.key(), () -> sync.page(served, request));
    }
}
