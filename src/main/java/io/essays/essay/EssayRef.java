package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference to another essay. */
@Schema(description = "A reference to an essay")
public record EssayRef(@Schema(examples = "softmax") String slug, @Schema(examples = "The Softmax Function") String title) {
}
