package io.essays.content;

import java.util.List;

/** A whole validated corpus: series in order, essays by series then order, and a hash of every file read. */
public record Corpus(List<SeriesSource> series, List<EssaySource> essays, String contentHash) {
}
