package io.essays.content;

import io.essays.asset.ImageType;
import io.essays.markdown.ImageAsset;

/**
 * A validated asset of {@code content/assets/}: the bytes to serve (an SVG as sanitized, a raster image as authored),
 * their SHA-256, type and intrinsic size.
 *
 * @param path  path under {@code content/assets/} with {@code /} separators, e.g. {@code softmax/temperature.svg}
 * @param file  the file, as problems name it
 */
public record AssetSource(String path, String file, ImageType type, byte[] bytes, String hash, int width, int height) {

    /** What the Markdown renderer needs to know. */
    public ImageAsset image() {
        return new ImageAsset(path, hash, type.mediaType(), bytes.length, width, height);
    }
}
