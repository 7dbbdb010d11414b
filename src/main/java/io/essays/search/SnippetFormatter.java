package io.essays.search;

import io.essays.http.HtmlEscape;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages (sentences with matches) into snippets: plain text, and the same text HTML-escaped
 * with {@code <mark>} around each match. Whitespace runs become one space; a passage longer than {@link #MAX_CHARS}
 * is cut to a window around its first match at word boundaries; "…" shows where text was left out.
 */
final class SnippetFormatter extends PassageFormatter {
    static final int MAX_CHARS = 240;
    static final int BEFORE_MATCH = 60;
    static final String ELLIPSIS = "…";

    /** A snippet as plain text and as escaped HTML with marks. */
    record Cut(String text, String html) {
    }

    @Override
    public Object format(Passage[] passages, String content) {
        var cuts = new ArrayList<Cut>();
        for (Passage p : passages) {
            if (p.getNumMatches() > 0) {
                cuts.add(cut(p, content));
            }
        }
        return cuts;
    }

    static Cut cut(Passage passage, String content) {
        int start = passage.getStartOffset();
        int end = passage.getEndOffset();
        List<int[]> marks = marks(passage);
        if (end - start > MAX_CHARS) {
            int first = marks.get(0)[0];
            int from = Math.max(start, first - BEFORE_MATCH);
            if (from > start) {
                int space = indexOfWhitespace(content, from, first);
                from = space < 0 ? from : space;
            }
            int to = Math.min(end, Math.max(from + MAX_CHARS, marks.get(0)[1]));
            if (to < end) {
                int space = lastIndexOfWhitespace(content, Math.max(marks.get(0)[1], from), to);
                to = space < 0 ? to : space;
            }
            // never between the two halves of a character outside the BMP (an emoji, a math letter): a lone
            // surrogate is no text, and JSON cannot carry it
            if (from > 0 && Character.isLowSurrogate(content.charAt(from))) {
                from++;
            }
            if (to < content.length() && Character.isLowSurrogate(content.charAt(to))) {
                to--;
            }
            start = from;
            end = to;
        }
        while (start < end && Character.isWhitespace(content.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(content.charAt(end - 1))) {
            end--;
        }
        var text = new StringBuilder();
        var html = new StringBuilder();
        if (start > 0) {
            text.append(ELLIPSIS);
            html.append(ELLIPSIS);
        }
        int m = 0;
        boolean space = false;
        for (int i = start; i < end; i++) {
            while (m < marks.size() && marks.get(m)[1] <= i) {
                m++;
            }
            boolean opens = m < marks.size() && Math.max(marks.get(m)[0], start) == i;
            if (opens) {
                html.append("<mark>");
            }
            char c = content.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    text.append(' ');
                    html.append(' ');
                }
                space = true;
            } else {
                space = false;
                text.append(c);
                HtmlEscape.append(c, html);
            }
            if (m < marks.size() && marks.get(m)[0] <= i && (marks.get(m)[1] == i + 1 || i + 1 == end)) {
                html.append("</mark>");
            }
        }
        if (end < content.length()) {
            text.append(ELLIPSIS);
            html.append(ELLIPSIS);
        }
        return new Cut(text.toString(), html.toString());
    }

    /** The passage's matches as sorted, non-overlapping [start, end) ranges. */
    private static List<int[]> marks(Passage passage) {
        int n = passage.getNumMatches();
        var ranges = new ArrayList<int[]>();
        for (int k = 0; k < n; k++) {
            ranges.add(new int[] {passage.getMatchStarts()[k], passage.getMatchEnds()[k]});
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        var merged = new ArrayList<int[]>();
        for (int[] r : ranges) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r[0] <= last[1]) {
                last[1] = Math.max(last[1], r[1]);
            } else {
                merged.add(new int[] {r[0], r[1]});
            }
        }
        return merged;
    }

    private static int indexOfWhitespace(String s, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfWhitespace(String s, int from, int to) {
        for (int i = to; i > from; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

}
