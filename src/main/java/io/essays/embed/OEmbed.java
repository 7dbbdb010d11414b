package io.essays.embed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An oEmbed 1.0 response of type {@code rich} (oembed.com §2.3.4): an iframe of an essay's or a section's embed page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "oEmbed 1.0 rich response (https://oembed.com); thumbnail fields appear together or not at all")
public record OEmbed(
        @Schema(examples = "rich") String type,
        @Schema(examples = "1.0") String version,
        @Schema(examples = "The Softmax Function") String title,
        @JsonProperty("author_name") @Schema(examples = "The Essays authors") String authorName,
        @JsonProperty("provider_name") @Schema(examples = "Essays") String providerName,
        @JsonProperty("provider_url") @Schema(examples = "https://essays.example.org/") String providerUrl,
        @JsonProperty("cache_age") @Schema(description = "Seconds a consumer may cache this response", examples = "86400") long cacheAge,
        @JsonProperty("thumbnail_url") @Schema(description = "The essay's first figure, when it fits maxwidth and maxheight",
                nullable = true) String thumbnailUrl,
        @JsonProperty("thumbnail_width") @Schema(nullable = true) Integer thumbnailWidth,
        @JsonProperty("thumbnail_height") @Schema(nullable = true) Integer thumbnailHeight,
        @Schema(description = "The iframe of the embed page, then (without maxheight) the script that sizes it to its content")
        String html,
        @Schema(examples = "640") int width,
        @Schema(examples = "480") int height) {
}
