package io.essays.series;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A series as listed. */
@Schema(description = "A series of essays")
public record SeriesSummary(@Schema(examples = "foundations") String slug,
                            @Schema(examples = "Foundations") String title,
                            String description,
                            @Schema(description = "Position among series, from 1", examples = "1") int order,
                            @Schema(examples = "6") int essayCount) {
}
