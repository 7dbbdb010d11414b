package io.essays.links;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.SeriesRef;

/** An essay's cross-links both ways, grouped by the essay at the other end, with every place a link sits. */
@Schema(description = "An essay's cross-links both ways, grouped by the essay at the other end")
public record EssayLinks(
        @Schema(examples = "softmax") String slug,
        @Schema(examples = "The Softmax Function") String title,
        @Schema(description = "Essays this one links to, each once, in order of first link (as the detail's links)")
        List<LinkedEssay> outgoing,
        @Schema(description = "Essays that link to this one (backlinks), in reading order (as the detail's backlinks)")
        List<LinkedEssay> incoming) {

    /** The essay at the other end of one or more links, with each link in document order of the linking essay. */
    @Schema(description = "The essay at the other end of one or more links")
    public record LinkedEssay(
            @Schema(examples = "cross-entropy") String slug,
            @Schema(examples = "Cross-Entropy") String title,
            SeriesRef series,
            @Schema(description = "Every link between the two in this direction, in document order of the linking essay")
            List<LinkPlace> links) {
    }

    /** One link: where it sits in the linking essay and the passage around it. */
    @Schema(description = "One link: where it sits in the linking essay and the passage around it")
    public record LinkPlace(
            @Schema(description = "The link text, as plain text", examples = "softmax") String text,
            @Schema(description = "Heading id the link points at in the linked essay, or null for the essay itself",
                    nullable = true, examples = "temperature") String anchor,
            @Schema(description = "Id of the heading whose section holds the link in the linking essay; null before "
                    + "the first heading", nullable = true, examples = "attention-as-a-soft-lookup") String sectionId,
            @Schema(description = "One-based line of the link in the linking essay's file", examples = "42") int line,
            @Schema(description = "The sentence or short passage around the link") Passage context) {
    }
}
