package io.essays.links;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.SeriesRef;

/** An essay that names another in its text without linking there, with each place. */
@Schema(description = "An essay whose running text names another essay (by title or alias) without linking there")
public record MentioningEssay(
        @Schema(examples = "attention-is-all-you-need") String slug,
        @Schema(examples = "Attention Is All You Need") String title,
        SeriesRef series,
        @Schema(description = "Whether this essay links to the mentioned essay elsewhere") boolean linksHere,
        @Schema(description = "Each unlinked mention, in document order") List<MentionPlace> mentions) {

    /** One unlinked mention. */
    @Schema(description = "One unlinked mention")
    public record MentionPlace(
            @Schema(description = "The title or alias that matched, as written in the front matter", examples = "softmax")
            String term,
            @Schema(description = "The text as it appears (case kept)", examples = "Softmax") String text,
            @Schema(description = "Id of the heading whose section holds the mention; null before the first heading",
                    nullable = true, examples = "scaled-dot-product-attention") String sectionId,
            @Schema(description = "One-based line in the mentioning essay's file", examples = "57") int line,
            @Schema(description = "The sentence or short passage around the mention") Passage context) {
    }
}
