package io.essays.markdown;

import java.util.List;
import java.util.Objects;

/**
 * Everything derived from one Markdown body, computed once at import.
 *
 * @param html           sanitized HTML fragment, math as MathML
 * @param htmlTex        the same fragment with math as escaped TeX in {@code span.math}/{@code div.math}
 * @param toc            every heading in document order
 * @param plainText      the text of the body without markup (math kept as TeX, code kept)
 * @param wordCount      words of prose (code blocks and math excluded)
 * @param readingMinutes estimated at 230 words a minute, at least 1
 * @param links          cross-links to other essays, in document order
 * @param anchorLinks    ids of same-essay {@code #anchor} links with their lines, for validation
 * @param sections       each section's first paragraph, for previews
 * @param problems       problems found while parsing (unterminated math, links that cannot resolve)
 * @param blocks         the prose blocks (paragraphs, headings, table cells) with file lines, for mentions
 * @param images         the images that are corpus assets, in document order
 */
public record RenderedBody(String html, String htmlTex, List<TocEntry> toc, String plainText, int wordCount, int readingMinutes,
                           List<ExtractedLink> links, List<AnchorLink> anchorLinks, List<Section> sections,
                           List<BodyProblem> problems, List<ProseBlock> blocks, List<ImageUse> images) {

    /** This body without its prose blocks (the link analysis's input), the rest shared. */
    public RenderedBody withoutBlocks() {
        return new RenderedBody(html, htmlTex, toc, plainText, wordCount, readingMinutes, links, anchorLinks, sections,
                problems, List.of(), images);
    }

    /** A {@code [text](#id)} link within the essay. */
    public record AnchorLink(String anchor, int line) {
    }

    /**
     * A section of the essay: the text under a heading up to the next heading (id null for the lead before any heading).
     * Its text, and where they can be its first paragraph's text and HTML, are held as ranges of the body's plain text
     * and HTML, not as copies: a rendered corpus holds them until it is written, and copies would add a fifth to its
     * heap. A value: equal when id, heading, first paragraph and text are.
     */
    public static final class Section {
        private final String id;
        private final String heading;
        private final Range firstParagraphText;
        private final Range firstParagraphHtml;
        private final Range text;

        /**
         * @param id                 heading id, or null for the lead
         * @param heading            heading text, or null for the lead
         * @param firstParagraphText the first paragraph as plain text (empty if none)
         * @param firstParagraphHtml the first paragraph as safe HTML
         * @param text               the whole section as plain text
         */
        public Section(String id, String heading, String firstParagraphText, String firstParagraphHtml, String text) {
            this(id, heading, Range.of(firstParagraphText), Range.of(firstParagraphHtml), Range.of(text));
        }

        /** A section whose text is {@code text} less surrounding whitespace. */
        Section(String id, String heading, Range firstParagraphText, Range firstParagraphHtml, Range text) {
            this.id = id;
            this.heading = heading;
            this.firstParagraphText = firstParagraphText;
            this.firstParagraphHtml = firstParagraphHtml;
            this.text = text.stripped();
        }

        public String id() {
            return id;
        }

        public String heading() {
            return heading;
        }

        public String firstParagraphText() {
            return firstParagraphText.string();
        }

        public String firstParagraphHtml() {
            return firstParagraphHtml.string();
        }

        /** The whole section as plain text, made when asked. */
        public String text() {
            return text.string();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Section s && Objects.equals(id, s.id) && Objects.equals(heading, s.heading)
                    && firstParagraphText.sameText(s.firstParagraphText)
                    && firstParagraphHtml.sameText(s.firstParagraphHtml) && text.sameText(s.text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, heading, firstParagraphText(), firstParagraphHtml(), text());
        }

        @Override
        public String toString() {
            return "Section[id=" + id + ", heading=" + heading + ", firstParagraphText=" + firstParagraphText()
                    + ", firstParagraphHtml=" + firstParagraphHtml() + ", text=" + text() + "]";
        }
    }

    /** The characters {@code [start, end)} of {@code source}: text kept without copying it out of a larger string. */
    record Range(String source, int start, int end) {

        static final Range EMPTY = new Range("", 0, 0);

        static Range of(String text) {
            return text.isEmpty() ? EMPTY : new Range(text, 0, text.length());
        }

        /** {@code [start, end)} of {@code source}, clamped to it. */
        static Range of(String source, int start, int end) {
            end = Math.min(end, source.length());
            return new Range(source, Math.min(start, end), end);
        }

        /** The range of {@code text} within {@code source} from {@code from} on, or the text itself if not found. */
        static Range find(String source, String text, int from) {
            int at = text.isEmpty() ? -1 : source.indexOf(text, from);
            return at < 0 ? of(text) : new Range(source, at, at + text.length());
        }

        Range stripped() {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(source.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(source.charAt(e - 1))) {
                e--;
            }
            return s == start && e == end ? this : new Range(source, s, e);
        }

        String string() {
            return start == 0 && end == source.length() ? source : source.substring(start, end);
        }

        boolean sameText(Range other) {
            return end - start == other.end - other.start
                    && source.regionMatches(start, other.source, other.start, end - start);
        }
    }
}
