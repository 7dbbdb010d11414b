package io.essays.corpus;

import java.util.ArrayList;
import java.util.List;

import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;

/**
 * An essay's headings as the database stores them since V13: one value per essay instead of a row per heading, with
 * each section's text and first paragraph as a range of the essay's plain text instead of a copy. The import places
 * the sections (as a load placed them before, {@link HeadingData#within}), so a load neither unpacks a plain text nor
 * searches it, and a 10,000-essay release writes some 100 MB less text and 70,000 fewer rows.
 *
 * <p>The value is a {@link PackedText#stored() stored text}: {@code "h1;"}, the number of headings, then per heading
 * its level, id, text and first paragraph's HTML, its section and its first paragraph. Numbers are written in decimal
 * followed by {@code ;}; strings as their length in chars, {@code :}, and the chars ({@code -1:} for null), so that
 * any text needs no escaping. A section or paragraph is either its range of the plain text ({@code start;end;}), or
 * {@code -1;} followed by the text itself when the import did not find it there.
 */
public final class PackedHeadings {
    static final String VERSION = "h1;";

    private PackedHeadings() {
    }

    /** {@code headings} (as rendered: sections and paragraphs as texts) placed in {@code plainText} and packed. */
    public static byte[] pack(List<HeadingData> headings, String plainText) {
        List<HeadingData> placed = EssayData.within(headings, plainText, plainText);
        var out = new StringBuilder(VERSION);
        number(out, placed.size());
        for (HeadingData h : placed) {
            number(out, h.level());
            string(out, h.id());
            string(out, h.text());
            string(out, h.firstParagraphHtml());
            slice(out, h.sectionSlice(), plainText);
            slice(out, h.firstParagraphSlice(), plainText);
        }
        return PackedText.of(out.toString()).stored();
    }

    /**
     * The headings of {@link #pack}, their sections held as ranges of {@code plainText} (the same essay's, packed).
     *
     * @throws IllegalArgumentException when {@code stored} is not a packed headings value
     */
    public static List<HeadingData> stored(byte[] stored, PackedText plainText) {
        String value;
        try {
            value = PackedText.stored(java.util.Objects.requireNonNull(stored, "packed headings"), null).text();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("packed headings: " + e.getMessage(), e);
        }
        if (!value.startsWith(VERSION)) {
            throw new IllegalArgumentException("packed headings start with " + VERSION + ", not "
                    + value.substring(0, Math.min(8, value.length())));
        }
        var in = new Reader(value, VERSION.length());
        int count = in.number();
        if (count < 0) {
            throw new IllegalArgumentException("packed headings: " + count + " headings");
        }
        var headings = new ArrayList<HeadingData>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            int level = in.number();
            String id = in.string();
            String text = in.string();
            String html = in.string();
            HeadingData.Slice section = in.slice(plainText);
            HeadingData.Slice paragraph = in.slice(plainText);
            headings.add(new HeadingData(level, id, text, html, paragraph, section));
        }
        if (!in.atEnd()) {
            throw new IllegalArgumentException("packed headings: " + (value.length() - in.at) + " chars after "
                    + count + " headings");
        }
        return List.copyOf(headings);
    }

    private static void number(StringBuilder out, int n) {
        out.append(n).append(';');
    }

    private static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("-1:");
        } else {
            out.append(s.length()).append(':').append(s);
        }
    }

    /** A range when the slice was placed in {@code plainText} (the very instance), else the text itself. */
    private static void slice(StringBuilder out, HeadingData.Slice slice, String plainText) {
        if (slice.base() == plainText) {
            number(out, slice.start());
            number(out, slice.end());
        } else {
            number(out, -1);
            string(out, slice.toString());
        }
    }

    private static final class Reader {
        private final String value;
        private int at;

        Reader(String value, int at) {
            this.value = value;
            this.at = at;
        }

        int number() {
            return parse(';');
        }

        String string() {
            int length = parse(':');
            if (length == -1) {
                return null;
            }
            if (length < -1 || at + length > value.length()) {
                throw new IllegalArgumentException("packed headings: a string of " + length + " chars at " + at
                        + " does not fit in " + value.length());
            }
            String s = value.substring(at, at + length);
            at += length;
            return s;
        }

        /** A range is checked against nothing but itself: the plain text's length is known only once unpacked. */
        HeadingData.Slice slice(PackedText plainText) {
            int start = number();
            if (start == -1) {
                return HeadingData.Slice.of(string());
            }
            int end = number();
            if (start < 0 || end < start || plainText == null) {
                throw new IllegalArgumentException("packed headings: range " + start + ".." + end
                        + (plainText == null ? " of an essay without plain text" : ""));
            }
            return new HeadingData.Slice(plainText, start, end);
        }

        boolean atEnd() {
            return at == value.length();
        }

        private int parse(char end) {
            int stop = value.indexOf(end, at);
            if (stop < 0) {
                throw new IllegalArgumentException("packed headings: no '" + end + "' after " + at);
            }
            try {
                int n = Integer.parseInt(value, at, stop, 10);
                at = stop + 1;
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("packed headings: not a number at " + at + ": "
                        + value.substring(at, Math.min(stop, at + 12)));
            }
        }
    }
}
