package io.essays.http;

/**
 * The one escaper of plain text into HTML text or a quoted attribute value at request time, outside the rendering (search
 * snippets, suggestions): {@code & < > " '} become entities, everything else stays. The pipeline itself escapes through
 * commonmark and jsoup; SVG sanitizing escapes XML in {@code asset/SvgSanitizer}, whose rules differ.
 */
public final class HtmlEscape {
    private HtmlEscape() {
    }

    /** {@code text} with the five HTML-significant characters escaped. */
    public static String text(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i), out);
        }
        return out.toString();
    }

    /** Appends {@code c} to {@code out}, escaped. */
    public static void append(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }
}
