package io.essays.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.SeriesRef;

/** One essay found, with where and why it matched. */
@Schema(description = "An essay that matches, with its best section and highlighted snippets")
public record SearchHit(
        @Schema(examples = "softmax") String slug,
        @Schema(examples = "The Softmax Function") String title,
        SeriesRef series,
        @Schema(description = "BM25 relevance (higher is better; comparable only within one response)", examples = "7.412")
        double score,
        @Schema(description = "The best-matching section, to link to as essay#id; null when the best match is in the "
                + "introduction before the first heading or only in the title, summary or tags", nullable = true)
        SearchSection section,
        @Schema(description = "One to three passages with the matches marked, best section first")
        List<SearchSnippet> snippets) {
}
