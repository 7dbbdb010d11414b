package io.essays.series;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.essays.essay.EssaySummary;

/** A series with its essays in reading order. */
@Schema(description = "A series with its essays in reading order")
public record SeriesDetail(String slug, String title, String description, int order, int essayCount,
                           @Schema(description = "Essay summaries in reading order") List<EssaySummary> essays) {
}
