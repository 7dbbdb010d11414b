package io.essays.asset;

import java.util.List;
import java.util.Locale;

/** The image types an essay may use, recognised by their content, with the file extensions each may have. */
public enum ImageType {
    SVG("image/svg+xml", true, "svg"),
    PNG("image/png", false, "png"),
    JPEG("image/jpeg", false, "jpg", "jpeg"),
    WEBP("image/webp", false, "webp"),
    GIF("image/gif", false, "gif");

    private final String mediaType;
    private final boolean compressible;
    private final List<String> extensions;

    ImageType(String mediaType, boolean compressible, String... extensions) {
        this.mediaType = mediaType;
        this.compressible = compressible;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    /** Whether gzip can shrink it: text (SVG) can, already-compressed rasters cannot. */
    public boolean compressible() {
        return compressible;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** Whether a file name's extension (any case) is one this type may have. */
    public boolean matchesExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The type a media type names, or null. */
    public static ImageType ofMediaType(String mediaType) {
        for (ImageType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return t;
            }
        }
        return null;
    }
}
