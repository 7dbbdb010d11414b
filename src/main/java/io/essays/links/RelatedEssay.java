package io.essays.links;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.SeriesRef;

/** An essay related to another, with its score and the reasons behind it. */
@Schema(description = "An essay related to another, with its score and the reasons behind it")
public record RelatedEssay(
        @Schema(examples = "cross-entropy") String slug,
        @Schema(examples = "Cross-Entropy") String title,
        SeriesRef series,
        @Schema(description = "Sum of the reasons' scores; results are ordered by score, then slug", examples = "9.5") double score,
        @Schema(description = "Why it is related, in the order links-to, linked-from, co-cited-by, both-link-to, "
                + "shared-tags, same-series") List<RelatedReason> reasons) {
}
