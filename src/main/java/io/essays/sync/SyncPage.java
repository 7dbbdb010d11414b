package io.essays.sync;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a sync: items in sync order, then either the next page's URL or, on the last page, the next token. */
@Schema(description = "One page of an initial or delta sync. Follow next until a page carries nextSyncToken; keep it "
        + "for the next sync")
public record SyncPage(
        @Schema(description = "The release being served", examples = "42") long release,
        @Schema(description = "Series, then assets, then essays, each by key; tombstones among them") List<SyncItem> items,
        @Schema(description = "URL of the next page; absent on the last page", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String next,
        @Schema(description = "Only on the last page: pass it as token to get what changes from now on", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) String nextSyncToken) {
}
