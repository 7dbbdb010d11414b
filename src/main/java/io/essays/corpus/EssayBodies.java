package io.essays.corpus;

/**
 * An essay's long texts as the snapshot holds them: its Markdown source, its HTML with math as MathML and as TeX, and
 * its plain text, each a {@link PackedText}. The import packs them once and the database stores the packed forms
 * ({@link PackedText#stored()}), so loading a release neither deflates nor reads a text at its full length. The TeX
 * variant is packed against the MathML HTML, and is that very text when the essay has no math.
 */
public record EssayBodies(PackedText source, PackedText html, PackedText htmlTex, PackedText plainText) {

    /** Packs an essay's texts; a null or equal {@code htmlTex} is the HTML itself. */
    public static EssayBodies pack(String source, String html, String htmlTex, String plainText) {
        PackedText packedHtml = PackedText.of(html);
        return new EssayBodies(PackedText.of(source), packedHtml,
                htmlTex == null || htmlTex.equals(html) ? packedHtml : PackedText.of(htmlTex, packedHtml),
                PackedText.of(plainText));
    }

    /**
     * The texts from their stored forms; a null {@code htmlTex} is the HTML itself ({@link #storedHtmlTex()}).
     *
     * @throws IllegalArgumentException when a value is not a stored text
     */
    public static EssayBodies stored(byte[] source, byte[] html, byte[] htmlTex, byte[] plainText) {
        PackedText packedHtml = PackedText.stored(html, null);
        return new EssayBodies(PackedText.stored(source, null), packedHtml,
                htmlTex == null ? packedHtml : PackedText.stored(htmlTex, packedHtml), PackedText.stored(plainText, null));
    }

    /** The TeX variant's stored form, or null when it is the HTML itself. */
    public byte[] storedHtmlTex() {
        return htmlTex == html || htmlTex == null ? null : htmlTex.stored();
    }
}
