package io.essays.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did. */
@Schema(description = "The result of an import")
public record ImportOutcome(
        @Schema(description = "Release now served") long releaseId,
        @Schema(description = "False when the content was identical to the served release, so nothing was written") boolean changed,
        @Schema(description = "Hash of the content and rendering settings") String contentHash,
        int series, int essays, int links,
        @Schema(description = "Time taken to read, validate, render and write, in milliseconds") long millis,
        @Schema(description = "What the release changed; empty when nothing was written") ReleaseChanges changes) {
}
