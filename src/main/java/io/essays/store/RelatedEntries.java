package io.essays.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.essays.corpus.CorpusSnapshot;
import io.essays.links.LinkAnalysis;

/**
 * The stored form of an essay's related essays (column {@code essay_related_list.entries}, V11): one line per related
 * essay, best first, so that the rank is the line number from 1; lines joined by LF, each
 * {@code related_slug TAB score TAB reasons} with the score as {@link Double#toString(double)} and the reasons as
 * {@code RelatedReasons.encode()}. Slugs and reasons never hold a TAB or LF, so nothing needs escaping. One row per
 * essay instead of one per related essay: a 10,000-essay corpus has 500,000 of them, which were most of the import's
 * write time.
 */
final class RelatedEntries {
    private RelatedEntries() {
    }

    /** One essay's related essays, in rank order, as stored. */
    static String encode(List<LinkAnalysis.Related> related) {
        var out = new StringBuilder(related.size() * 64);
        for (int i = 0; i < related.size(); i++) {
            LinkAnalysis.Related r = related.get(i);
            if (r.rank() != i + 1) {
                throw new IllegalArgumentException("related essays of " + r.essay() + " out of rank order at " + r.rank());
            }
            if (i > 0) {
                out.append('\n');
            }
            out.append(r.related()).append('\t').append(r.score()).append('\t').append(r.reasons().encode());
        }
        return out.toString();
    }

    /** Reads {@link #encode}'s form back; {@code intern} keeps one instance of strings that repeat across essays. */
    static List<CorpusSnapshot.RelatedData> decode(String essay, String entries, UnaryOperator<String> intern) {
        var result = new ArrayList<CorpusSnapshot.RelatedData>();
        int start = 0;
        while (start < entries.length()) {
            int end = entries.indexOf('\n', start);
            if (end < 0) {
                end = entries.length();
            }
            int tab = entries.indexOf('\t', start);
            int tab2 = tab < 0 || tab > end ? -1 : entries.indexOf('\t', tab + 1);
            if (tab2 < 0 || tab2 > end) {
                throw new IllegalArgumentException("malformed related entry of " + essay + ": '"
                        + entries.substring(start, end) + "'");
            }
            result.add(new CorpusSnapshot.RelatedData(essay, result.size() + 1,
                    intern.apply(entries.substring(start, tab)), Double.parseDouble(entries.substring(tab + 1, tab2)),
                    intern.apply(entries.substring(tab2 + 1, end))));
            start = end + 1;
        }
        return List.copyOf(result);
    }
}
