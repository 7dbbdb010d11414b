package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a page sits in a paginated list. */
@Schema(description = "Pagination state")
public record PageInfo(@Schema(description = "Page number, from 1", examples = "1") int number,
                       @Schema(examples = "20") int size,
                       @Schema(examples = "12") int totalItems,
                       @Schema(examples = "1") int totalPages) {
}
