package io.essays.webhook;

import java.time.Instant;

import io.essays.importer.ReleaseChanges;

/** The JSON body of a delivery. */
record WebhookPayload(String event, long releaseId, String contentHash, Instant importedAt, ReleaseChanges changes) {
}
