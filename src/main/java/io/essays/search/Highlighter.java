package io.essays.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Lucene's unified highlighter, configured once: passages are sentences that contain a match, best first, formatted
 * by {@link SnippetFormatter}. Over an index it reads the match offsets recorded in the postings and takes the text
 * from the snapshot (nothing is stored in Lucene, nothing re-analyzed per request); for other text it analyzes that
 * text. Thread-safe.
 */
final class Highlighter extends UnifiedHighlighter {
    private static final UnifiedHighlighter TEXTS = configure(UnifiedHighlighter.builderWithoutSearcher(SearchAnalyzers.TEXT)).build();

    private final IntFunction<String> textOfDoc;

    /** @param textOfDoc the text that was indexed, by document id, for the one field highlighted over the index */
    Highlighter(IndexSearcher searcher, IntFunction<String> textOfDoc) {
        super(configure(UnifiedHighlighter.builder(searcher, SearchAnalyzers.TEXT)));
        this.textOfDoc = textOfDoc;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
            throws IOException {
        var values = new ArrayList<CharSequence[]>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            String text = textOfDoc.apply(doc);
            CharSequence[] perField = new CharSequence[fields.length];
            java.util.Arrays.fill(perField, text);
            values.add(perField);
        }
        return values;
    }

    private static Builder configure(Builder builder) {
        return builder.withFormatter(new SnippetFormatter())
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(0)
                .withPassageSortComparator(Comparator.comparingDouble((Passage p) -> p.getScore()).reversed()
                        .thenComparingInt(Passage::getStartOffset));
    }

    /** Up to {@code max} snippets of {@code field} of each of {@code docs}, in the order of {@code docs}. */
    List<List<SnippetFormatter.Cut>> passages(String field, Query query, int[] docs, int max) {
        var result = new ArrayList<List<SnippetFormatter.Cut>>();
        if (docs.length == 0) {
            return result;
        }
        try {
            Object[] formatted = highlightFieldsAsObjects(new String[] {field}, query, docs, new int[] {max}).get(field);
            for (Object cuts : formatted) {
                result.add(cuts(cuts));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Up to {@code max} snippets of {@code text}, analyzed as {@code field}. */
    static List<SnippetFormatter.Cut> passages(String field, Query query, String text, int max) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return cuts(TEXTS.highlightWithoutSearcher(field, query, text, max));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<SnippetFormatter.Cut> cuts(Object formatted) {
        return formatted == null ? List.of() : (List<SnippetFormatter.Cut>) formatted;
    }
}
