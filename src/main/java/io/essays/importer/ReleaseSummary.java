package io.essays.importer;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.corpus.CorpusRelease;

/** One release as {@code GET /api/v1/releases} lists it. */
@Schema(description = "A release: one successful import that changed the content")
public record ReleaseSummary(
        long id,
        @Schema(description = "When it was imported (also the Last-Modified of its content responses)") Instant importedAt,
        @Schema(description = "Hash of the content and rendering settings") String contentHash,
        int series, int essays, int links,
        @Schema(description = "Essays added compared with the release before") int essaysAdded,
        @Schema(description = "Essays whose metadata, source or rendering changed") int essaysChanged,
        @Schema(description = "Essays deleted compared with the release before") int essaysDeleted) {

    static ReleaseSummary of(CorpusRelease r) {
        return new ReleaseSummary(r.id, r.importedAt.toInstant(), r.contentHash, r.seriesCount, r.essayCount,
                r.linkCount, r.essaysAdded, r.essaysChanged, r.essaysDeleted);
    }
}
