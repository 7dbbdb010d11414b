package io.essays.content;

import java.util.List;

/**
 * A whole validated corpus: series in order, essays by series then order, a hash of every file read, the assets (by
 * path), and warnings that do not stop an import (an unused asset, what the SVG sanitizer removed), sorted.
 */
public record Corpus(List<SeriesSource> series, List<EssaySource> essays, String contentHash, List<AssetSource> assets,
                     List<Problem> warnings) {

    /**
     * This corpus without the essays' prose blocks: once links are analysed, the import writes it without them, and
     * the blocks (about the size of the plain texts again) leave the heap while the release is written.
     */
    public Corpus withoutProseBlocks() {
        return new Corpus(series, essays.stream().map(EssaySource::withoutProseBlocks).toList(), contentHash, assets,
                warnings);
    }
}
