package io.essays.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.essays.series.SeriesSummary;

/**
 * One entry of a sync page: a series, essay or asset to store (replacing any earlier copy with the same key), or a
 * tombstone ({@code deletedInRelease}) for one to delete.
 */
@Schema(description = "A series, essay or asset to store (replacing the copy with the same type and key), or, with "
        + "deletedInRelease, a tombstone: delete it. Series and essays are keyed by slug, assets by path",
        requiredProperties = "type")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncItem(
        @Schema(enumeration = {"series", "essay", "asset"}, examples = "essay") String type,
        @Schema(description = "Key of a series or essay; absent for assets", examples = "softmax") String slug,
        @Schema(description = "Key of an asset: its path under content/assets/; absent otherwise",
                examples = "softmax/temperature.svg") String path,
        @Schema(description = "Only on tombstones: the release that deleted the item", examples = "42") Long deletedInRelease,
        @Schema(description = "The series (type series, not on tombstones)") SeriesSummary series,
        @Schema(ref = "EssayDetail", description = "The essay as GET /essays/{slug} serves it (type essay); only the "
                + "requested fields with fields=; not on tombstones") Object essay,
        @Schema(description = "The asset's metadata (type asset, not on tombstones); its bytes are at url") SyncAsset asset) {
}
