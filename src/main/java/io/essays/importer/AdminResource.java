package io.essays.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.QueryParameters;
import io.essays.http.ContentResponses;
import io.essays.http.OpenApiDocument;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Imports the content directory on demand (for example after a content deploy) in the background, and reports
 * imports; enabled when an admin token is set.
 */
@Path("/api/v1/admin")
@Tag(name = "Admin")
@Blocking
public class AdminResource {
    private final AdminToken token;
    private final ImportJobs jobs;
    private final DataSource database;
    private final ContentResponses responses;

    AdminResource(AdminToken token, ImportJobs jobs, DataSource database, ContentResponses responses) {
        this.responses = responses;
        this.token = token;
        this.jobs = jobs;
        this.database = database;
    }

    @POST
    @Path("import")
    @Produces("application/json")
    @Operation(operationId = "importCorpus", summary = "Start a re-import of the content directory",
            description = "Starts validating the whole content directory and, if valid, importing it as a new release, "
                    + "in the background. While an import runs, a second request starts nothing and answers with the "
                    + "running import. Poll the Location until the state is succeeded or failed. Requires "
                    + "'Authorization: Bearer <essays.admin-token>'; disabled when no token is configured.")
    @APIResponse(responseCode = "202", description = "The import now running (a new one, or the one already running)",
            headers = @Header(name = "Location", description = "/api/v1/admin/imports/{id}, a path on this host: where to follow it",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ImportStatus.class)))
    @APIResponse(responseCode = "400", description = "allowOlder is not true or false",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            headers = @Header(name = "WWW-Authenticate", description = "The Bearer challenge (RFC 6750)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Admin endpoints disabled (no token configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database does not answer; nothing was started, the release "
            + "in memory is still served",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    public Response reimport(@HeaderParam("Authorization") String authorization,
                             @Parameter(description = "Import the content even if it is exactly an older release's "
                                     + "(to go back to it on purpose); refused otherwise, so that a replica with an "
                                     + "out-of-date copy cannot undo a newer release", schema = @Schema(type = SchemaType.BOOLEAN,
                                     defaultValue = "false")) @QueryParam("allowOlder") String allowOlder) {
        token.check(authorization);
        boolean older = QueryParameters.bool("allowOlder", allowOlder, false);
        responses.requireAccepted(ContentResponses.JSON); // before anything starts: a 406 must not leave an import running
        requireDatabase();
        ImportStatus status = jobs.submit("admin", older);
        // a path, not a URL built from the request's Host header, which a client or a proxy may have set to anything
        return responses.uncachedJson(Response.accepted(), status).header("Location", "/api/v1/admin/imports/" + status.id())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("imports")
    @Produces("application/json")
    @Operation(operationId = "listImports", summary = "Recent imports on this replica, newest first",
            description = "At most the 50 most recent imports this replica ran (startup and admin).")
    @APIResponse(responseCode = "200", description = "Recent imports, newest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = ImportStatus.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Admin endpoints disabled (no token configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    public Response imports(@HeaderParam("Authorization") String authorization) {
        token.check(authorization);
        return responses.uncachedJson(Response.ok(), jobs.recent()).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("imports/{id}")
    @Produces("application/json")
    @Operation(operationId = "getImport", summary = "One import: running, succeeded or failed")
    @APIResponse(responseCode = "200", description = "The import", content = @Content(
            schema = @Schema(implementation = ImportStatus.class)))
    @APIResponse(responseCode = "400", description = "The id is not a whole number from 1",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recent import on this replica, or admin endpoints "
            + "disabled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    public Response importStatus(@HeaderParam("Authorization") String authorization,
                                 @Parameter(description = "The import's id, from the Location of POST /admin/import",
                                         schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                                 @PathParam("id") String id) {
        // the token first: a caller without it learns nothing, not even that the id is malformed
        token.check(authorization);
        // a path parameter, parsed as the query parameters are: a 400 naming it when it is no int64 from 1; any larger
        // id than this replica has counted is simply no recent import (404)
        long importId = QueryParameters.id("id", id);
        ImportStatus status = jobs.find(importId).orElseThrow(() -> ProblemException.notFound(
                "No recent import " + id + " on this replica; GET /api/v1/admin/imports lists them"));
        return responses.uncachedJson(Response.ok(), status).header("Cache-Control", "no-store").build();
    }

    private void requireDatabase() {
        String cause;
        try (Connection connection = database.getConnection()) {
            if (connection.isValid(2)) {
                return;
            }
            cause = "the connection is not valid";
        } catch (SQLException e) {
            cause = e.getMessage();
        }
        throw new ProblemException(503, "database-unavailable", "Database Unavailable",
                "The database does not answer (" + cause + "); nothing was imported and the release in memory is "
                        + "still served", Map.of("Retry-After", "10"));
    }

}
