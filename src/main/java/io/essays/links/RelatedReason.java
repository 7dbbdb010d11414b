package io.essays.links;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason why an essay is related to another, with its share of the score. */
@Schema(description = "One reason why an essay is related, with its share of the score")
public record RelatedReason(
        @Schema(description = "links-to (3), linked-from (3), co-cited-by (1 per essay linking to both), "
                + "both-link-to (1 per essay both link to), shared-tags (1 per tag), same-series (0.5)",
                enumeration = {"links-to", "linked-from", "co-cited-by", "both-link-to", "shared-tags", "same-series"},
                examples = "shared-tags") String reason,
        @Schema(description = "What this reason adds to the score", examples = "2.0") double score,
        @Schema(description = "The essays (co-cited-by, both-link-to), tags (shared-tags) or series (same-series) "
                + "behind the reason; empty for links-to and linked-from")
        List<String> values) {
}
