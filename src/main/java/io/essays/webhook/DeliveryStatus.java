package io.essays.webhook;

import io.essays.store.WebhookDelivery;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One entry of the webhook delivery log. */
@Schema(description = "A release announced to one webhook target",
        requiredProperties = {"id", "releaseId", "target", "state", "attempts", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryStatus(
        long id, long releaseId, String target,
        @Schema(enumeration = {"pending", "delivered", "failed"}) String state,
        @Schema(description = "Attempts made so far") int attempts,
        @Schema(description = "HTTP status of the last attempt; absent when it got no answer") Integer lastStatus,
        @Schema(description = "Why the last attempt failed; absent when it did not") String lastError,
        Instant createdAt,
        @Schema(description = "When it was delivered or given up; absent while pending") Instant finishedAt) {

    static DeliveryStatus of(WebhookDelivery d) {
        return new DeliveryStatus(d.id, d.releaseId, d.target, d.state, d.attempts, d.lastStatus, d.lastError,
                d.createdAt.toInstant(), d.finishedAt == null ? null : d.finishedAt.toInstant());
    }
}
