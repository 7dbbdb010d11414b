package io.essays.markdown;

import java.util.List;

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
     *
     * @param id                  heading id, or null for the lead
     * @param heading             heading text, or null for the lead
     * @param firstParagraphText  the first paragraph as plain text (empty if none)
     * @param firstParagraphHtml  the first paragraph as safe HTML
     * @param text                the whole section as plain text
     */
    public record Section(String id, String heading, String firstParagraphText, String firstParagraphHtml, String text) {
    }
}
