package io.essays.markdown;

import java.util.List;
import java.util.Objects;

/**
 * One block of running text (a paragraph, a table cell, a heading) as plain text, with the places of its links and of
 * its code and math, so that later passes (mentions, search) can tell prose from markup. A value: equal when its
 * section, text, spans, kind and lines are.
 * <p>
 * Its text is, where it can be, a range of the body's plain text rather than a copy: a rendered corpus holds its blocks
 * until the link analysis has read them, and their copies would be a sixth of its heap.
 */
public final class ProseBlock {
    private final String sectionId;
    /** The block's text, or the body's plain text of which it is {@code [start, end)}. */
    private final String source;
    private final int start;
    private final int end;
    private final List<Span> links;
    private final List<Span> masked;
    private final boolean heading;
    private final int line;
    private final List<LineStart> lines;

    /**
     * @param sectionId id of the heading whose section holds the block (its own id for a heading), null before the first
     * @param text      the block's inline content as plain text (soft line breaks become spaces)
     * @param links     where links sit in {@link #text()}
     * @param masked    where code spans, inline math, inline HTML and image text sit in {@link #text()}
     * @param heading   whether the block is a heading rather than running text
     * @param line      one-based file line of the block's first line
     * @param lines     where later source lines begin in {@link #text()}, in order (empty for a one-line block)
     */
    public ProseBlock(String sectionId, String text, List<Span> links, List<Span> masked, boolean heading, int line,
                      List<LineStart> lines) {
        this(sectionId, text, 0, text.length(), links, masked, heading, line, lines);
    }

    private ProseBlock(String sectionId, String source, int start, int end, List<Span> links, List<Span> masked,
                       boolean heading, int line, List<LineStart> lines) {
        this.sectionId = sectionId;
        this.source = source;
        this.start = start;
        this.end = end;
        this.links = links;
        this.masked = masked;
        this.heading = heading;
        this.line = line;
        this.lines = lines;
    }

    /** This block with its text read from {@code plainText} at {@code at}, where it stands as it is; else this block. */
    ProseBlock within(String plainText, int at) {
        int length = end - start;
        return at >= 0 && at + length <= plainText.length() && plainText.regionMatches(at, source, start, length)
                ? new ProseBlock(sectionId, plainText, at, at + length, links, masked, heading, line, lines)
                : this;
    }

    public String sectionId() {
        return sectionId;
    }

    public String text() {
        return start == 0 && end == source.length() ? source : source.substring(start, end);
    }

    public List<Span> links() {
        return links;
    }

    public List<Span> masked() {
        return masked;
    }

    public boolean heading() {
        return heading;
    }

    public int line() {
        return line;
    }

    public List<LineStart> lines() {
        return lines;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProseBlock b && Objects.equals(sectionId, b.sectionId) && heading == b.heading
                && line == b.line && end - start == b.end - b.start
                && source.regionMatches(start, b.source, b.start, end - start) && links.equals(b.links)
                && masked.equals(b.masked) && lines.equals(b.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sectionId, text(), links, masked, heading, line, lines);
    }

    @Override
    public String toString() {
        return "ProseBlock[sectionId=" + sectionId + ", text=" + text() + ", links=" + links + ", masked=" + masked
                + ", heading=" + heading + ", line=" + line + ", lines=" + lines + "]";
    }

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
