package io.essays.markdown;

import org.jsoup.nodes.Entities;

/** Cuts the sentence or short passage around a range of plain text, for backlink and mention contexts. */
public final class Snippets {
    static final int MAX_SIDE = 160;

    private Snippets() {
    }

    /** The passage around {@code [start, end)} of {@code text}, as plain text and as escaped HTML with the range marked. */
    public static Snippet around(String text, int start, int end) {
        int from = sentenceStart(text, start);
        int to = sentenceEnd(text, end);
        String lead = from > 0 && !isSentenceEnd(text, from - 2) ? "…" : "";
        String tail = to < text.length() && !isSentenceEnd(text, to - 1) ? "…" : "";
        String before = text.substring(from, start);
        String match = text.substring(start, end);
        String after = text.substring(end, to);
        String plain = (lead + before + match + after + tail).strip();
        String html = (Entities.escape(lead + before) + "<mark>" + Entities.escape(match) + "</mark>"
                + Entities.escape(after + tail)).strip();
        return new Snippet(plain, html);
    }

    /** A context: plain text and the same as HTML. */
    public record Snippet(String text, String html) {
    }

    private static int sentenceStart(String text, int start) {
        int limit = Math.max(0, start - MAX_SIDE);
        for (int i = start - 1; i > limit; i--) {
            if (isSentenceEnd(text, i - 1) && Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        if (limit == 0) {
            return 0;
        }
        int space = text.indexOf(' ', limit);
        return space < 0 || space >= start ? limit : space + 1;
    }

    private static int sentenceEnd(String text, int end) {
        int limit = Math.min(text.length(), end + MAX_SIDE);
        for (int i = end; i < limit; i++) {
            if (isSentenceEnd(text, i) && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return i + 1;
            }
        }
        if (limit == text.length()) {
            return limit;
        }
        int space = text.lastIndexOf(' ', limit);
        return space <= end ? limit : space;
    }

    private static boolean isSentenceEnd(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '.' || c == '?' || c == '!' || c == ':' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
    }
}
