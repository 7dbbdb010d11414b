package io.essays.asset;

/**
 * Recognises an image by its first bytes (never by its name) and reads its intrinsic size from the file header, so
 * that rendered {@code <img>} tags can carry {@code width} and {@code height} and a browser reserves the space before
 * the image arrives. SVG is only recognised here as "looks like XML"; {@link SvgSanitizer} parses it and decides.
 */
public final class ImageProbe {

    /** An image's intrinsic size in CSS pixels, as a browser displays it. */
    public record Size(int width, int height) {
    }

    /** The header cannot be read: a truncated or corrupt file. */
    public static final class UnreadableImage extends Exception {
        public UnreadableImage(String message) {
            super(message, null, false, false);
        }
    }

    private ImageProbe() {
    }

    /** The type the content has, or null when it is none of the allowed types. */
    public static ImageType detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageType.PNG;
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageType.JPEG;
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return ImageType.GIF;
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return ImageType.WEBP;
        }
        int i = startsWith(b, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i < b.length && b[i] == '<' ? ImageType.SVG : null;
    }

    /** The intrinsic size of a raster image of the given type, from its header. */
    public static Size rasterSize(ImageType type, byte[] b) throws UnreadableImage {
        Size size = switch (type) {
            case PNG -> png(b);
            case GIF -> b.length >= 10 ? new Size(le16(b, 6), le16(b, 8)) : null;
            case JPEG -> jpeg(b);
            case WEBP -> webp(b);
            case SVG -> throw new IllegalArgumentException("SVG sizes come from SvgSanitizer");
        };
        if (size == null) {
            throw new UnreadableImage("truncated or corrupt " + type + " file: its header has no image size");
        }
        if (size.width() <= 0 || size.height() <= 0) {
            throw new UnreadableImage(type + " header gives an empty size " + size.width() + "x" + size.height());
        }
        return size;
    }

    private static Size png(byte[] b) {
        // signature (8), then the IHDR chunk: length (4), "IHDR", width (4), height (4), big-endian
        if (b.length < 24 || !startsWith(b, 12, 'I', 'H', 'D', 'R')) {
            return null;
        }
        return new Size(be32(b, 16), be32(b, 20));
    }

    /**
     * A JPEG's size from its frame header, turned a quarter when its Exif orientation (5 to 8) says so: browsers apply
     * the orientation ({@code image-orientation: from-image}), so width and height attributes must too, or the image
     * is drawn squashed.
     */
    private static Size jpeg(byte[] b) {
        boolean quarterTurn = false;
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte
                continue;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null; // end of image or start of scan before any frame header
            }
            int length = be16(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (marker == 0xE1 && startsWith(b, i + 4, 'E', 'x', 'i', 'f', 0, 0)) {
                int orientation = exifOrientation(b, i + 10, Math.min(b.length, i + 2 + length));
                quarterTurn = orientation >= 5 && orientation <= 8;
            }
            if (startOfFrame) {
                // length (2), precision (1), height (2), width (2)
                if (i + 9 > b.length) {
                    return null;
                }
                int height = be16(b, i + 5);
                int width = be16(b, i + 7);
                return quarterTurn ? new Size(height, width) : new Size(width, height);
            }
            i += 2 + length;
        }
        return null;
    }

    /** The orientation tag (0x0112) of the first IFD of the TIFF structure at {@code tiff}, or 0. */
    private static int exifOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 0;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        if (!little && !(b[tiff] == 'M' && b[tiff + 1] == 'M')) {
            return 0;
        }
        long ifd = tiff + (little ? le32(b, tiff + 4) : be32(b, tiff + 4) & 0xFFFFFFFFL);
        if (ifd + 2 > end || ifd < tiff) {
            return 0;
        }
        int entries = little ? le16(b, (int) ifd) : be16(b, (int) ifd);
        for (int e = 0; e < entries; e++) {
            int at = (int) ifd + 2 + 12 * e;
            if (at + 12 > end) {
                return 0;
            }
            int tag = little ? le16(b, at) : be16(b, at);
            if (tag == 0x0112) {
                return little ? le16(b, at + 8) : be16(b, at + 8);
            }
        }
        return 0;
    }

    private static Size webp(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        int data = 20;
        if (startsWith(b, 12, 'V', 'P', '8', ' ')) {
            // frame tag (3), start code 9D 01 2A, then 14-bit width and height
            if (!startsWith(b, data + 3, 0x9D, 0x01, 0x2A)) {
                return null;
            }
            return new Size(le16(b, data + 6) & 0x3FFF, le16(b, data + 8) & 0x3FFF);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L')) {
            if ((b[data] & 0xFF) != 0x2F) {
                return null;
            }
            long bits = (b[data + 1] & 0xFFL) | (b[data + 2] & 0xFFL) << 8 | (b[data + 3] & 0xFFL) << 16
                    | (b[data + 4] & 0xFFL) << 24;
            return new Size((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            // flags (1), reserved (3), canvas width - 1 (24 bits), canvas height - 1 (24 bits)
            return new Size(le24(b, data + 4) + 1, le24(b, data + 7) + 1);
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int be16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long le32(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24;
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
