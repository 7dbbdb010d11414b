package io.essays.markdown;

/**
 * One image of an essay that is a corpus asset, in document order.
 *
 * @param asset   the asset
 * @param url     where the rendered HTML points for it
 * @param alt     the alt text
 * @param caption the title, shown as the figure caption; null when none
 * @param line    one-based line in the file
 */
public record ImageUse(ImageAsset asset, String url, String alt, String caption, int line) {
}
