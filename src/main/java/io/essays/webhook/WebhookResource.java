package io.essays.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import io.essays.importer.AdminToken;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The webhook delivery log, shared by all replicas (it is in the database). */
@Path("/api/v1/admin/webhooks/deliveries")
@Tag(name = "Admin")
@Blocking
public class WebhookResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final AdminToken token;
    private final WebhookService webhooks;
    private final ContentResponses responses;

    WebhookResource(AdminToken token, WebhookService webhooks, ContentResponses responses) {
        this.token = token;
        this.webhooks = webhooks;
        this.responses = responses;
    }

    @GET
    @Produces("application/json")
    @Operation(operationId = "listWebhookDeliveries", summary = "Webhook deliveries, newest first",
            description = "One entry per release and target: pending (retrying), delivered or failed, with the attempts "
                    + "made and the last answer.")
    @APIResponse(responseCode = "200", description = "Deliveries, newest first", content = @Content(
            schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryStatus.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1–500",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Admin endpoints disabled (no token configured)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @SecurityRequirement(name = OpenApiDocument.ADMIN_TOKEN)
    public Response deliveries(@HeaderParam("Authorization") String authorization,
                               @Parameter(description = "How many entries (1–500)",
                                       schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                                               maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
                               @QueryParam("limit") String limitParam) {
        token.check(authorization);
        int limit = QueryParameters.integer("limit", limitParam, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<DeliveryStatus> log = webhooks.deliveries(limit);
        return responses.uncachedJson(Response.ok(), log).header("Cache-Control", "no-store").build();
    }
}
