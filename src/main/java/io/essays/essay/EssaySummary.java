package io.essays.essay;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a listing shows of an essay: no HTML. */
@Schema(description = "An essay as shown in listings (no HTML)")
public record EssaySummary(
        @Schema(examples = "softmax") String slug,
        @Schema(examples = "The Softmax Function") String title,
        @Schema(description = "One paragraph", examples = "How a vector of arbitrary scores becomes a probability distribution.") String summary,
        SeriesRef series,
        @Schema(description = "Position within its series, from 1", examples = "2") int order,
        @Schema(examples = "[\"probability\", \"classification\"]") List<String> tags,
        @Schema(examples = "2026-01-26") LocalDate published,
        @Schema(description = "Date of the last substantive revision, if any", nullable = true) LocalDate updated,
        @Schema(description = "Estimated reading time at 230 words a minute", examples = "14") int readingMinutes) {
}
