package io.essays.essay;

import io.essays.corpus.CorpusSnapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reference to a series. */
@Schema(description = "A reference to a series")
public record SeriesRef(@Schema(examples = "foundations") String slug, @Schema(examples = "Foundations") String title) {
    /** The reference to series {@code slug} of {@code corpus}, titled as it is there. */
    public static SeriesRef of(CorpusSnapshot corpus, String slug) {
        return new SeriesRef(slug, corpus.series(slug).title());
    }
}
