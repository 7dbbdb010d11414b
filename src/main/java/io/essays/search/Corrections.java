package io.essays.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * "Did you mean": each word of a query (alone or in a phrase) that matches no essay is replaced by the closest word
 * of the corpus as written, found by Lucene's {@link DirectSpellChecker} over the index's own vocabulary: same first
 * letter, words of four letters or more, one edit, or two in words of seven letters or more (similarity at least
 * {@link #ACCURACY}); the most similar and then the most frequent first.
 * Prefixes and exclusions are left alone.
 */
final class Corrections {
    /** Least similarity (1 - edits / length of the shorter word) of a correction. */
    static final float ACCURACY = 0.7f;

    private Corrections() {
    }

    /** The corrected query, or null when no word needs (or has) a correction. */
    static SearchQuery correct(SearchQuery query, SearchIndex index) {
        boolean changed = false;
        var clauses = new ArrayList<SearchQuery.Clause>();
        for (SearchQuery.Clause clause : query.clauses()) {
            if (clause.excluded() || clause.kind() == SearchQuery.Kind.PREFIX) {
                clauses.add(clause);
                continue;
            }
            String[] words = clause.text().split(" ");
            for (int i = 0; i < words.length; i++) {
                String better = suggestion(words[i], index);
                if (better != null) {
                    words[i] = better;
                    changed = true;
                }
            }
            clauses.add(clause.withText(String.join(" ", words)));
        }
        return changed ? new SearchQuery(clauses) : null;
    }

    private static String suggestion(String word, SearchIndex index) {
        if (!word.chars().allMatch(Character::isLetter)) {
            return null;
        }
        List<AnalyzedQuery.Token> tokens = AnalyzedQuery.tokens(SearchAnalyzers.TEXT, word);
        if (tokens.size() != 1) {
            return null;
        }
        try {
            var matches = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.ESSAY)), BooleanClause.Occur.FILTER)
                    .add(AnalyzedQuery.matching(new AnalyzedQuery.Group(false, List.of(AnalyzedQuery.Alternative.of(tokens))),
                            SearchIndex.ESSAY_FIELDS), BooleanClause.Occur.MUST)
                    .build();
            if (index.searcher().count(matches) > 0) {
                return null;
            }
            var spell = new DirectSpellChecker();
            spell.setAccuracy(ACCURACY);
            SuggestWord[] similar = spell.suggestSimilar(new Term(SearchIndex.SPELL, word), 1, index.reader(),
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return similar.length == 0 ? null : similar[0].string;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
