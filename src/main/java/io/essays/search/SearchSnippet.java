package io.essays.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A passage of an essay with the query's matches marked. */
@Schema(description = "A passage with the matches marked")
public record SearchSnippet(
        @Schema(description = "Plain text; … where text was left out",
                examples = "…Dividing every logit by a temperature T before the softmax…") String text,
        @Schema(description = "The same text, HTML-escaped, with <mark> around each match",
                examples = "…Dividing every logit by a <mark>temperature</mark> T before the softmax…") String html,
        @Schema(description = "Heading id of the section the passage is from; null for the introduction or the summary",
                nullable = true, examples = "what-temperature-means") String sectionId) {
}
