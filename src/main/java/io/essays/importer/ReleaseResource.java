package io.essays.importer;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.QueryParameters;
import io.essays.store.CorpusRelease;
import io.essays.http.ContentResponses;
import io.essays.http.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** Recent releases, read from the database: what a static-site build or a CDN purge script polls. */
@Path("/api/v1/releases")
@Tag(name = "Releases")
@Blocking
public class ReleaseResource {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ContentResponses responses;

    ReleaseResource(ContentResponses responses) {
        this.responses = responses;
    }

    @GET
    @Produces("application/json")
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "listReleases", summary = "Recent releases, newest first",
            description = "Id, import time, content hash and change counts of the most recent releases, read from the "
                    + "database (so every replica answers the same, also before it has loaded the newest release).")
    @APIResponse(responseCode = "200", description = "Releases, newest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReleaseSummary.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1–100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response releases(@Parameter(description = "How many releases (1–100)",
                                     schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                             maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
                             @QueryParam("limit") String limitParam) {
        int limit = QueryParameters.integer("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<ReleaseSummary> releases = CorpusRelease.recent(limit).stream().map(ReleaseSummary::of).toList();
        // changes with every import, on any replica: revalidate each time
        return responses.uncachedJson(Response.ok(), releases).header("Cache-Control", "no-cache").build();
    }
}
