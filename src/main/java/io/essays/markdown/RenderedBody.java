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
     * Its text and (when it can be) its first paragraph's are held as ranges of the body's plain text, not as copies: a
     * corpus' section texts add up to its plain texts again. A value: equal when id, heading, first paragraph and text
     * are.
     */
    public static final class Section {
        private final String id;
        private final String heading;
        /** The first paragraph's text, or null when it is {@code plainText} from {@code paragraphStart} to its end. */
        private final String firstParagraphText;
        private final int paragraphStart;
        private final int paragraphEnd;
        private final String firstParagraphHtml;
        private final String plainText;
        private final int start;
        private final int end;

        /**
         * @param id                 heading id, or null for the lead
         * @param heading            heading text, or null for the lead
         * @param firstParagraphText the first paragraph as plain text (empty if none)
         * @param firstParagraphHtml the first paragraph as safe HTML
         * @param text               the whole section as plain text
         */
        public Section(String id, String heading, String firstParagraphText, String firstParagraphHtml, String text) {
            this(id, heading, firstParagraphText, firstParagraphHtml, text, 0, text.length());
        }

        /** A section whose text is {@code plainText} from {@code start} to {@code end}, less surrounding whitespace. */
        Section(String id, String heading, String firstParagraphText, String firstParagraphHtml, String plainText,
                int start, int end) {
            this(id, heading, firstParagraphText, 0, 0, firstParagraphHtml, plainText, start, end);
        }

        /** A section whose first paragraph's text too is {@code plainText}, from {@code paragraphStart} to its end. */
        Section(String id, String heading, int paragraphStart, int paragraphEnd, String firstParagraphHtml,
                String plainText, int start, int end) {
            this(id, heading, null, paragraphStart, paragraphEnd, firstParagraphHtml, plainText, start, end);
        }

        private Section(String id, String heading, String firstParagraphText, int paragraphStart, int paragraphEnd,
                        String firstParagraphHtml, String plainText, int start, int end) {
            end = Math.min(end, plainText.length());
            start = Math.min(start, end);
            while (start < end && Character.isWhitespace(plainText.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(plainText.charAt(end - 1))) {
                end--;
            }
            this.id = id;
            this.heading = heading;
            this.firstParagraphText = firstParagraphText;
            this.paragraphStart = paragraphStart;
            this.paragraphEnd = paragraphEnd;
            this.firstParagraphHtml = firstParagraphHtml;
            this.plainText = plainText;
            this.start = start;
            this.end = end;
        }

        public String id() {
            return id;
        }

        public String heading() {
            return heading;
        }

        public String firstParagraphText() {
            return firstParagraphText != null ? firstParagraphText : plainText.substring(paragraphStart, paragraphEnd);
        }

        public String firstParagraphHtml() {
            return firstParagraphHtml;
        }

        /** The whole section as plain text, made when asked. */
        public String text() {
            return plainText.substring(start, end);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Section s && Objects.equals(id, s.id) && Objects.equals(heading, s.heading)
                    && firstParagraphText().equals(s.firstParagraphText())
                    && firstParagraphHtml.equals(s.firstParagraphHtml) && end - start == s.end - s.start
                    && plainText.regionMatches(start, s.plainText, s.start, end - start);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, heading, firstParagraphText(), firstParagraphHtml, text());
        }

        @Override
        public String toString() {
            return "Section[id=" + id + ", heading=" + heading + ", firstParagraphText=" + firstParagraphText()
                    + ", firstParagraphHtml=" + firstParagraphHtml + ", text=" + text() + "]";
        }
    }
}
