package io.essays.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "RFC 9457 problem details",
        requiredProperties = {"type", "title", "status", "detail"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "https://essays.dev/problems/not-found") String type,
        @Schema(description = "Short summary of the problem type", examples = "Not Found") String title,
        @Schema(description = "HTTP status code", examples = "404") int status,
        @Schema(description = "What went wrong in this request and how to fix it", examples = "No essay with slug 'softmaxx'") String detail,
        @Schema(description = "The request path; absent on a 414, whose URI is too long to repeat",
                examples = "/api/v1/essays/softmaxx") String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
