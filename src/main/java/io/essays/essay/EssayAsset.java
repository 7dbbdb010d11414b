package io.essays.essay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An image an essay uses that the API serves: enough to prefetch it for offline reading and lay it out. */
@Schema(description = "An image the essay uses, served by this API (or the configured asset base URL); URLs contain "
        + "the content hash, so their bytes never change and may be cached forever")
public record EssayAsset(
        @Schema(description = "Where the HTML's <img> points; immutable", examples = "/api/v1/assets/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/softmax/temperature.svg") String url,
        @Schema(examples = "image/svg+xml", enumeration = {"image/svg+xml", "image/png", "image/jpeg", "image/webp", "image/gif"}) String mediaType,
        @Schema(description = "Size of the response body, uncompressed", examples = "18097") int bytes,
        @Schema(description = "Intrinsic width in CSS pixels (the <img> width attribute)", examples = "534") int width,
        @Schema(description = "Intrinsic height in CSS pixels (the <img> height attribute)", examples = "325") int height,
        @Schema(description = "Alt text, as written in the essay", examples = "Softmax at three temperatures") String alt,
        @Schema(description = "Caption (the image title in Markdown), shown in <figcaption>", nullable = true,
                examples = "Lower temperature sharpens the distribution") String caption) {
}
