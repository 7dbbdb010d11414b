package io.essays.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A section of an essay: its heading id (the URL fragment) and text. */
@Schema(description = "A section of an essay")
public record SearchSection(@Schema(description = "Heading id, the URL fragment", examples = "what-temperature-means") String id,
                            @Schema(examples = "What temperature means") String heading) {
}
