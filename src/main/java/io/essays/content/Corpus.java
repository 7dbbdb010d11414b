package io.essays.content;

import java.util.List;

/**
 * A whole validated corpus: series in order, essays by series then order, a hash of every file read, the assets (by
 * path), and warnings that do not stop an import (an unused asset, what the SVG sanitizer removed), sorted.
 */
public record Corpus(List<SeriesSource> series, List<EssaySource> essays, String contentHash, List<AssetSource> assets,
                     List<Problem> warnings) {
}
