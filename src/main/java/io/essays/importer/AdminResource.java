package io.essays.importer;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.essays.EssaysConfig;
import io.essays.content.InvalidCorpusException;
import io.essays.http.OpenApiDocument;
import io.essays.http.Problem;
import io.essays.http.ProblemException;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;

/** Re-imports the content directory on demand (for example after a content deploy), when an admin token is set. */
@jakarta.ws.rs.Path("/api/v1/admin/import")
@Tag(name = "Admin")
public class AdminResource {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AdminResource.class);
    private final EssaysConfig config;
    private final ImportService imports;

    AdminResource(EssaysConfig config, ImportService imports) {
        this.config = config;
        this.imports = imports;
    }

    @POST
    @Produces("application/json")
    @Operation(operationId = "importCorpus", summary = "Re-import the content directory",
            description = "Validates the whole content directory and, if valid, imports it as a new release. "
                    + "Requires 'Authorization: Bearer <essays.admin-token>'; disabled when no token is configured.")
    @APIResponse(responseCode = "200", description = "Imported (or unchanged)", content = @Content(schema = @Schema(implementation = ImportOutcome.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            headers = @Header(name = "WWW-Authenticate", description = "The Bearer challenge (RFC 6750)",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Admin endpoint disabled (no token configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The content has problems (type invalid-corpus: every problem "
            + "with file and line), or the import failed for another reason (type import-failed: the step and the "
            + "cause, such as a write the database refused); either way nothing changed and the previous release is "
            + "still served",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    public ImportOutcome reimport(@HeaderParam("Authorization") String authorization) {
        String token = config.adminToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> ProblemException.notFound("The admin endpoint is disabled: set essays.admin-token"));
        String expected = "Bearer " + token;
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized("Send 'Authorization: Bearer <essays.admin-token>'", authorization != null);
        }
        try {
            return imports.importFrom(java.nio.file.Path.of(config.contentDir()));
        } catch (InvalidCorpusException e) {
            throw new ProblemException(422, "invalid-corpus", "Invalid Corpus", e.getMessage());
        } catch (ImportFailedException e) {
            LOG.error("Admin import: " + e.getMessage(), e);
            throw new ProblemException(422, "import-failed", "Import Failed", e.getMessage() + "; nothing changed, "
                    + imports.served().map(id -> "release " + id + " is still served").orElse("no release is served yet"));
        }
    }
}
