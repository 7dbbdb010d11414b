package io.essays.markdown;

/**
 * A corpus asset as the renderer needs it.
 *
 * @param path      path under {@code content/assets/}, e.g. {@code softmax/temperature.svg}
 * @param hash      SHA-256 (hex) of the bytes served, part of the URL so that a URL's bytes never change
 * @param mediaType e.g. {@code image/svg+xml}
 * @param bytes     size of the bytes served
 * @param width     intrinsic width in CSS pixels
 * @param height    intrinsic height in CSS pixels
 */
public record ImageAsset(String path, String hash, String mediaType, long bytes, int width, int height) {
}
