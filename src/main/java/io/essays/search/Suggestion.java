package io.essays.search;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A search-as-you-type completion. */
@Schema(description = "A completion of what has been typed", requiredProperties = {"text", "kind"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestion(
        @Schema(description = "Text to show, or to put in the search box (terms keep the words typed before)",
                examples = "The Softmax Function") String text,
        @Schema(description = "title: an essay title; heading: a section heading; term: a frequent word of the corpus",
                type = SchemaType.STRING, enumeration = {"title", "heading", "term"}, examples = "title") String kind,
        @Schema(description = "The essay, for titles and headings; absent for terms", examples = "softmax") String slug,
        @Schema(description = "The heading id, for headings; absent otherwise", examples = "what-temperature-means")
        String anchor) {
}
