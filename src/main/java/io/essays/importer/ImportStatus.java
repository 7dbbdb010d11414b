package io.essays.importer;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.essays.content.Problem;

/** A background import as the admin API reports it. */
@Schema(description = "A background import: running, succeeded (with the release and what changed) or failed "
        + "(with every content problem, file and line, or the step that failed)",
        requiredProperties = {"id", "state", "trigger", "started"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportStatus(
        @Schema(description = "Id of the import on the replica that runs it") long id,
        @Schema(enumeration = {"running", "succeeded", "failed"}) String state,
        @Schema(description = "What started it: startup or admin") String trigger,
        Instant started,
        @Schema(description = "When it finished; absent while running") Instant finished,
        @Schema(description = "The release it produced or found unchanged; only when succeeded") ImportOutcome result,
        @Schema(description = "Content problems with file and line, sorted, the first 1,000 of them (error gives the "
                + "count); only when failed on invalid content")
        List<Problem> problems,
        @Schema(description = "What failed; only when failed") String error) {
}
