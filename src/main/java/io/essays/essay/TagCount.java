package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag and how many essays carry it. */
@Schema(description = "A tag with its essay count")
public record TagCount(@Schema(examples = "probability") String tag, @Schema(examples = "3") int count) {
}
