package io.essays.links;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sentence or short passage around a link or mention, as plain text and as safe HTML with the spot marked. */
@Schema(description = "The sentence or short passage around a link or mention. Cut at sentence ends, or at a word "
        + "within 160 characters either side, with … where cut")
public record Passage(
        @Schema(description = "Plain text", examples = "…the sum of the exponentials, see softmax for the details.")
        String text,
        @Schema(description = "Escaped HTML with the link text or mention inside <mark>; no other markup",
                examples = "…the sum of the exponentials, see <mark>softmax</mark> for the details.")
        String html) {
}
