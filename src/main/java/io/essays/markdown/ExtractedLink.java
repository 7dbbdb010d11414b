package io.essays.markdown;

/**
 * A cross-link found in an essay body.
 *
 * @param targetSlug the essay linked to
 * @param anchor     the heading id linked to, or null for the essay itself
 * @param text       the link text, as plain text
 * @param sectionId  id of the heading whose section holds the link, or null before the first heading
 * @param line       one-based line in the file
 * @param contextText the sentence or short passage around the link, plain text
 * @param contextHtml the same passage as escaped HTML with the link text inside {@code <mark>}
 */
public record ExtractedLink(String targetSlug, String anchor, String text, String sectionId, int line,
                            String contextText, String contextHtml) {
}
