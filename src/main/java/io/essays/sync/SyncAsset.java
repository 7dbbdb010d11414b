package io.essays.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An asset as sync and the bundle describe it: where to fetch its bytes and how to lay it out. */
@Schema(description = "An image of content/assets/: path, content hash, size and the immutable URL of its bytes")
public record SyncAsset(
        @Schema(description = "Path under content/assets/, the asset's key", examples = "softmax/temperature.svg") String path,
        @Schema(description = "SHA-256 (hex) of the bytes served", examples = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") String hash,
        @Schema(examples = "image/svg+xml") String mediaType,
        @Schema(description = "Size of the bytes, uncompressed", examples = "18097") int bytes,
        @Schema(description = "Intrinsic width in CSS pixels", examples = "534") int width,
        @Schema(description = "Intrinsic height in CSS pixels", examples = "325") int height,
        @Schema(description = "Where the bytes are served (the URL essays' HTML uses); immutable",
                examples = "/api/v1/assets/e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855/softmax/temperature.svg") String url) {
}
