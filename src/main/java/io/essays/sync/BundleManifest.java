package io.essays.sync;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code manifest.json}, the first entry of the offline bundle. */
@Schema(description = "manifest.json of the offline bundle")
public record BundleManifest(
        @Schema(description = "The release the bundle holds", examples = "42") long release,
        @Schema(description = "When the release was imported (ISO-8601, UTC)") String importedAt,
        @Schema(description = "A sync token for this release: pass it to GET /api/v1/sync to continue with deltas") String syncToken,
        Counts counts,
        @Schema(description = "Every other file of the bundle, in order: series/{slug}.json, assets/{path}, essays/{slug}.json")
        List<BundleFile> files) {

    /** How many of each item the bundle holds. */
    @Schema(name = "BundleCounts", description = "How many series, essays and assets the bundle holds")
    public record Counts(int series, int essays, int assets) {
    }

    /** A file of the bundle with its size and SHA-256 (hex), to check what was unpacked. */
    @Schema(description = "A file of the bundle with its size and SHA-256 (hex), to check what was unpacked")
    public record BundleFile(@Schema(examples = "essays/softmax.json") String path, long bytes, String sha256) {
    }
}
