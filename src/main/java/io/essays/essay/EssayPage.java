package io.essays.essay;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of essay summaries. */
@Schema(description = "One page of essay summaries")
public record EssayPage(List<EssaySummary> items, PageInfo page) {
}
