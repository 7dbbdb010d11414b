package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference to a series. */
@Schema(description = "A reference to a series")
public record SeriesRef(@Schema(examples = "foundations") String slug, @Schema(examples = "Foundations") String title) {
}
