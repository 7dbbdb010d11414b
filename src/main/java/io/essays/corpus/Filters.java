package io.essays.corpus;

import java.util.stream.Collectors;

import io.essays.DomainException;

/**
 * The one validation of the {@code series} and {@code tag} filters that essays, the link graph, search and feeds
 * accept: a filter names a series or tag of the release being served, or the request is an invalid parameter whose
 * detail lists what would be accepted.
 */
public final class Filters {
    private Filters() {
    }

    /** {@code series} if it names a series of {@code corpus}; null stays null (no filter). */
    public static String series(CorpusSnapshot corpus, String series) {
        if (series != null && corpus.series(series) == null) {
            throw new DomainException.InvalidParameter("Unknown series '" + series + "' in filter 'series'; known series: "
                    + corpus.series().stream().map(CorpusSnapshot.SeriesData::slug).collect(Collectors.joining(", ")));
        }
        return series;
    }

    /** {@code tag} if some essay of {@code corpus} carries it; null stays null (no filter). */
    public static String tag(CorpusSnapshot corpus, String tag) {
        if (tag != null && !corpus.tags().containsKey(tag)) {
            throw new DomainException.InvalidParameter("Unknown tag '" + tag + "' in filter 'tag'; GET /api/v1/tags lists every tag");
        }
        return tag;
    }
}
