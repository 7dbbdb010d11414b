package io.essays.importer;

import java.time.Instant;

/** Fired on the replica that wrote a new release, after it is served there. */
public record ReleaseImported(long releaseId, String contentHash, Instant importedAt, ReleaseChanges changes) {
}
