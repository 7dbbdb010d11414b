package io.essays.markdown;

import java.util.List;

/**
 * One block of running text (a paragraph, a table cell, a heading) as plain text, with the places of its links and of
 * its code and math, so that later passes (mentions, search) can tell prose from markup.
 */
public record ProseBlock(String sectionId, String text, List<Span> links, List<Span> masked) {

    /** A character range of {@link #text()}; {@code target} is the linked essay's slug for links, else null. */
    public record Span(int start, int end, String target) {
    }

    /** Whether {@code [start, end)} overlaps a link, a code span or math. */
    public boolean overlapsMarkup(int start, int end) {
        for (Span s : links) {
            if (start < s.end() && s.start() < end) {
                return true;
            }
        }
        for (Span s : masked) {
            if (start < s.end() && s.start() < end) {
                return true;
            }
        }
        return false;
    }
}
