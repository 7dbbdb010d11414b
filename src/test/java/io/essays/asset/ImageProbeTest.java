package io.essays.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageProbeTest {

    /** A real image file written by the JDK, {@code width} x {@code height}. */
    static byte[] imageIo(String format, int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF8800);
        var out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as(format + " writer").isTrue();
        return out.toByteArray();
    }

    /** A lossy WebP header (RIFF, VP8 chunk, key frame) for the given size. */
    static byte[] webpLossy(int width, int height) {
        byte[] b = new byte[40];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8 ");
        b[16] = 20; // chunk size
        b[20] = 0x10; // frame tag: key frame
        b[23] = (byte) 0x9D;
        b[24] = 0x01;
        b[25] = 0x2A;
        b[26] = (byte) width;
        b[27] = (byte) (width >> 8);
        b[28] = (byte) height;
        b[29] = (byte) (height >> 8);
        return b;
    }

    /** A lossless WebP header (VP8L): 14 bits of width - 1, then 14 bits of height - 1. */
    static byte[] webpLossless(int width, int height) {
        byte[] b = new byte[40];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8L");
        b[20] = 0x2F;
        long bits = (width - 1) | (long) (height - 1) << 14;
        for (int i = 0; i < 4; i++) {
            b[21 + i] = (byte) (bits >> (8 * i));
        }
        return b;
    }

    /** An extended WebP header (VP8X): 24-bit canvas width - 1 and height - 1. */
    static byte[] webpExtended(int width, int height) {
        byte[] b = new byte[40];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8X");
        for (int i = 0; i < 3; i++) {
            b[24 + i] = (byte) ((width - 1) >> (8 * i));
            b[27 + i] = (byte) ((height - 1) >> (8 * i));
        }
        return b;
    }

    private static void put(byte[] b, int at, String ascii) {
        System.arraycopy(ascii.getBytes(StandardCharsets.US_ASCII), 0, b, at, ascii.length());
    }

    @Test
    void pngIsRecognisedWithItsSize() throws Exception {
        byte[] png = imageIo("png", 7, 5);
        assertThat(ImageProbe.detect(png)).isEqualTo(ImageType.PNG);
        assertThat(ImageProbe.rasterSize(ImageType.PNG, png)).isEqualTo(new ImageProbe.Size(7, 5));
    }

    @Test
    void jpegIsRecognisedWithItsSizeFromTheFrameHeader() throws Exception {
        byte[] jpeg = imageIo("jpg", 640, 3);
        assertThat(ImageProbe.detect(jpeg)).isEqualTo(ImageType.JPEG);
        assertThat(ImageProbe.rasterSize(ImageType.JPEG, jpeg)).isEqualTo(new ImageProbe.Size(640, 3));
    }

    @Test
    void jpegTurnedAQuarterByItsExifOrientationReportsTheSizeABrowserShows() throws Exception {
        byte[] jpeg = imageIo("jpg", 640, 3);
        for (boolean little : new boolean[] {true, false}) {
            assertThat(ImageProbe.rasterSize(ImageType.JPEG, withExifOrientation(jpeg, 6, little)))
                    .isEqualTo(new ImageProbe.Size(3, 640));
            assertThat(ImageProbe.rasterSize(ImageType.JPEG, withExifOrientation(jpeg, 3, little)))
                    .isEqualTo(new ImageProbe.Size(640, 3));
        }
    }

    /** The JPEG with an APP1 Exif segment, right after SOI, whose first IFD has one entry: the orientation. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean little) {
        var tiff = new ByteArrayOutputStream();
        int[] header = little ? new int[] {'I', 'I', 42, 0, 8, 0, 0, 0} : new int[] {'M', 'M', 0, 42, 0, 0, 0, 8};
        for (int v : header) {
            tiff.write(v);
        }
        int[] entry = little
                ? new int[] {1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0, 0, 0, 0, 0}
                : new int[] {0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0};
        for (int v : entry) {
            tiff.write(v);
        }
        byte[] t = tiff.toByteArray();
        int length = 2 + 6 + t.length;
        var out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes("Exif".getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(0);
        out.writeBytes(t);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void gifIsRecognisedWithItsSize() throws Exception {
        byte[] gif = imageIo("gif", 300, 2);
        assertThat(ImageProbe.detect(gif)).isEqualTo(ImageType.GIF);
        assertThat(ImageProbe.rasterSize(ImageType.GIF, gif)).isEqualTo(new ImageProbe.Size(300, 2));
    }

    @Test
    void webpIsRecognisedWithItsSizeInEachOfItsThreeForms() throws Exception {
        assertThat(ImageProbe.detect(webpLossy(1000, 563))).isEqualTo(ImageType.WEBP);
        assertThat(ImageProbe.rasterSize(ImageType.WEBP, webpLossy(1000, 563))).isEqualTo(new ImageProbe.Size(1000, 563));
        assertThat(ImageProbe.rasterSize(ImageType.WEBP, webpLossless(16383, 9))).isEqualTo(new ImageProbe.Size(16383, 9));
        assertThat(ImageProbe.rasterSize(ImageType.WEBP, webpExtended(70000, 2))).isEqualTo(new ImageProbe.Size(70000, 2));
    }

    @Test
    void svgIsRecognisedAsXmlText() {
        assertThat(ImageProbe.detect("\uFEFF  \n<svg/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(ImageType.SVG);
        assertThat(ImageProbe.detect("<?xml version=\"1.0\"?><svg/>".getBytes(StandardCharsets.UTF_8))).isEqualTo(ImageType.SVG);
    }

    @Test
    void otherContentIsNoAllowedType() throws Exception {
        assertThat(ImageProbe.detect("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ImageProbe.detect("plain text".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(ImageProbe.detect(imageIo("bmp", 2, 2))).isNull();
        assertThat(ImageProbe.detect(new byte[0])).isNull();
        byte[] riffWave = webpLossy(1, 1);
        System.arraycopy("WAVE".getBytes(StandardCharsets.US_ASCII), 0, riffWave, 8, 4);
        assertThat(ImageProbe.detect(riffWave)).isNull();
    }

    @Test
    void truncatedHeadersAreUnreadable() throws Exception {
        byte[] png = Arrays.copyOf(imageIo("png", 7, 5), 20);
        assertThatThrownBy(() -> ImageProbe.rasterSize(ImageType.PNG, png))
                .isInstanceOf(ImageProbe.UnreadableImage.class)
                .hasMessage("truncated or corrupt PNG file: its header has no image size");
        byte[] jpeg = Arrays.copyOf(imageIo("jpg", 7, 5), 12);
        assertThatThrownBy(() -> ImageProbe.rasterSize(ImageType.JPEG, jpeg)).isInstanceOf(ImageProbe.UnreadableImage.class);
        assertThatThrownBy(() -> ImageProbe.rasterSize(ImageType.WEBP, Arrays.copyOf(webpLossy(3, 3), 16)))
                .isInstanceOf(ImageProbe.UnreadableImage.class);
    }

    @Test
    void extensionsMatchTheirTypeInAnyCase() {
        assertThat(ImageType.JPEG.matchesExtension("photo.JPG")).isTrue();
        assertThat(ImageType.JPEG.matchesExtension("photo.jpeg")).isTrue();
        assertThat(ImageType.PNG.matchesExtension("photo.jpg")).isFalse();
        assertThat(ImageType.SVG.matchesExtension("svg")).isFalse();
    }
}
