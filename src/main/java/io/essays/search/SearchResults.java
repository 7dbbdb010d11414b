package io.essays.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.PageInfo;

/** One page of search results. */
@Schema(description = "One page of search results, best first")
public record SearchResults(
        @Schema(description = "The query as understood: lowercased, one space between clauses", examples = "temperature \"partition function\"")
        String query,
        @Schema(description = "Set only when the query found nothing and a spelling correction did: the corrected "
                + "query, whose results are listed", nullable = true, examples = "temperature")
        String didYouMean,
        List<SearchHit> items,
        PageInfo page) {
}
