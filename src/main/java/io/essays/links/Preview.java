package io.essays.links;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.SeriesRef;

/** A hover card for a link to an essay or to one of its headings. */
@Schema(description = "A hover card for a link: the essay, and for a link to a heading the start of that section")
public record Preview(
        @Schema(examples = "softmax") String slug,
        @Schema(examples = "The Softmax Function") String title,
        SeriesRef series,
        @Schema(examples = "How a vector of arbitrary scores becomes a probability distribution…") String summary,
        @Schema(examples = "14") int readingMinutes,
        @Schema(description = "The section linked to; null without ?anchor=", nullable = true) SectionPreview section) {

    /** A heading and the first paragraph under it. */
    @Schema(description = "A heading and the first paragraph of its section")
    public record SectionPreview(
            @Schema(description = "The heading id", examples = "temperature") String anchor,
            @Schema(description = "The heading text", examples = "Temperature") String heading,
            @Schema(description = "Heading level, 1 to 6", examples = "2") int level,
            @Schema(description = "First paragraph of the section as plain text; empty when the section has none")
            String text,
            @Schema(description = "The same paragraph as sanitized HTML. Links to headings of the same essay are given as "
                    + "cross-links to them (the essay's URL with the heading's fragment, and data-essay), so that they "
                    + "lead there wherever the card is shown") String html) {
    }
}
