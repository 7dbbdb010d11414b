package io.essays.markdown;

import java.util.List;

/**
 * One block of running text (a paragraph, a table cell, a heading) as plain text, with the places of its links and of
 * its code and math, so that later passes (mentions, search) can tell prose from markup.
 *
 * @param sectionId id of the heading whose section holds the block (its own id for a heading), null before the first
 * @param text      the block's inline content as plain text (soft line breaks become spaces)
 * @param links     where links sit in {@link #text()}
 * @param masked    where code spans, inline math, inline HTML and image text sit in {@link #text()}
 * @param heading   whether the block is a heading rather than running text
 * @param line      one-based file line of the block's first line
 * @param lines     where later source lines begin in {@link #text()}, in order (empty for a one-line block)
 */
public record ProseBlock(String sectionId, String text, List<Span> links, List<Span> masked, boolean heading, int line,
                         List<LineStart> lines) {

    /** A character range of {@link #text()}; {@code target} is the linked essay's slug for links, else null. */
    public record Span(int start, int end, String target) {
    }

    /** Source line {@code line} begins at {@code offset} of {@link #text()}. */
    public record LineStart(int offset, int line) {
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

    /** The one-based file line holding character {@code offset} of {@link #text()}. */
    public int lineAt(int offset) {
        int result = line;
        for (LineStart l : lines) {
            if (l.offset() > offset) {
                break;
            }
            result = l.line();
        }
        return result;
    }
}
