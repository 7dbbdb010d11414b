package io.essays.search;

import io.essays.DomainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;


/**
 * A parsed query analyzed against one index: the indexed terms each clause stands for, and the Lucene queries built
 * from them. User input never reaches a Lucene query parser; every query is built from analyzed terms.
 *
 * <ul>
 *   <li>A word is stemmed ("normalized" → "normal"); stop words and TeX commands drop out. A word that analyzes to
 *       several terms ("cross-entropy", "log_softmax") is searched as a phrase.</li>
 *   <li>A phrase matches its terms at their positions, in any one field.</li>
 *   <li>A prefix expands to the most frequent words of the corpus that start with it (written form, before
 *       stemming, so "normaliz*" finds "normalization"), at most {@link #MAX_EXPANSIONS} shared by all prefixes;
 *       the best-scoring expansion counts.</li>
 *   <li>Every clause must match an essay (in any of its fields) and no excluded clause may.</li>
 * </ul>
 */
final class AnalyzedQuery {
    /** Prefix expansions per query, shared among its prefixes, each at most {@link #MAX_EXPANSIONS_PER_PREFIX}. */
    static final int MAX_EXPANSIONS = 128;
    static final int MAX_EXPANSIONS_PER_PREFIX = 32;
    /** Most corpus words one prefix may start; past it a prefix is too short to be useful (a problem 400). */
    static final int MAX_PREFIX_SCAN = 200_000;

    /** Terms at relative positions: one term, or a phrase. */
    record Alternative(List<String> terms, List<Integer> positions) {
        static Alternative of(List<Token> tokens) {
            int first = tokens.get(0).position();
            return new Alternative(tokens.stream().map(Token::term).toList(),
                    tokens.stream().map(t -> t.position() - first).toList());
        }
    }

    /**
     * What one clause (or one word of a multi-word prefix) stands for: any of its alternatives (one for a word or a
     * phrase, the expansions of a prefix; none matches nothing).
     */
    record Group(boolean excluded, List<Alternative> alternatives) {
    }

    record Token(String term, int position) {
    }

    private final SearchQuery query;
    private final List<Group> groups;

    private AnalyzedQuery(SearchQuery query, List<Group> groups) {
        this.query = query;
        this.groups = List.copyOf(groups);
    }

    SearchQuery query() {
        return query;
    }

    List<Group> groups() {
        return groups;
    }

    /** Analyzes {@code query}; a problem 400 when nothing searchable is left (only stop words or TeX commands). */
    static AnalyzedQuery analyze(SearchQuery query, IndexReader reader) {
        long prefixes = query.clauses().stream().filter(c -> c.kind() == SearchQuery.Kind.PREFIX).count();
        int perPrefix = (int) Math.max(1, Math.min(MAX_EXPANSIONS_PER_PREFIX, MAX_EXPANSIONS / Math.max(1, prefixes)));
        var groups = new ArrayList<Group>();
        for (SearchQuery.Clause clause : query.clauses()) {
            if (clause.kind() == SearchQuery.Kind.PREFIX) {
                List<Token> words = tokens(SearchAnalyzers.WORDS, clause.text());
                for (int i = 0; i < words.size() - 1; i++) {
                    add(groups, clause.excluded(), tokens(SearchAnalyzers.TEXT, words.get(i).term()));
                }
                if (!words.isEmpty()) {
                    groups.add(new Group(clause.excluded(), expand(reader, words.get(words.size() - 1).term(), perPrefix)));
                }
            } else {
                add(groups, clause.excluded(), tokens(SearchAnalyzers.TEXT, clause.text()));
            }
        }
        if (groups.stream().allMatch(Group::excluded)) {
            throw new DomainException.InvalidParameter("q has no words that can be searched: common words such as 'the' or "
                    + "'of' and TeX commands such as \\frac are ignored");
        }
        return new AnalyzedQuery(query, groups);
    }

    private static void add(List<Group> groups, boolean excluded, List<Token> tokens) {
        if (!tokens.isEmpty()) {
            groups.add(new Group(excluded, List.of(Alternative.of(tokens))));
        }
    }

    /** The analyzed forms of the most frequent written words that start with {@code prefix}. */
    static List<Alternative> expand(IndexReader reader, String prefix, int max) {
        try {
            org.apache.lucene.index.Terms terms = MultiTerms.getTerms(reader, SearchIndex.SPELL);
            if (terms == null) {
                return List.of();
            }
            TermsEnum e = terms.iterator();
            var bytes = new BytesRef(prefix);
            if (e.seekCeil(bytes) == TermsEnum.SeekStatus.END) {
                return List.of();
            }
            var candidates = new ArrayList<Map.Entry<String, Integer>>();
            int scanned = 0;
            for (BytesRef t = e.term(); t != null && StringHelper.startsWith(t, bytes); t = e.next(), scanned++) {
                if (scanned == MAX_PREFIX_SCAN) {
                    throw new DomainException.InvalidParameter("The prefix '" + prefix + "*' starts more than " + MAX_PREFIX_SCAN
                            + " different words of the corpus: type more of the word");
                }
                candidates.add(Map.entry(t.utf8ToString(), e.docFreq()));
            }
            candidates.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            var alternatives = new LinkedHashSet<Alternative>();
            for (var candidate : candidates) {
                List<Token> analyzed = tokens(SearchAnalyzers.TEXT, candidate.getKey());
                if (!analyzed.isEmpty()) {
                    alternatives.add(Alternative.of(analyzed));
                    if (alternatives.size() == max) {
                        break;
                    }
                }
            }
            return List.copyOf(alternatives);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Essays matching every clause and no exclusion, optionally in one series and with one tag. */
    Query essays(String series, String tag) {
        var b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.ESSAY)), BooleanClause.Occur.FILTER);
        for (Group g : groups) {
            b.add(matching(g, SearchIndex.ESSAY_FIELDS), g.excluded() ? BooleanClause.Occur.MUST_NOT : BooleanClause.Occur.MUST);
        }
        if (series != null) {
            b.add(new TermQuery(new Term(SearchIndex.SERIES, series)), BooleanClause.Occur.FILTER);
        }
        if (tag != null) {
            b.add(new TermQuery(new Term(SearchIndex.TAG, tag)), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    /** Sections of the given essays that match any clause, best first. */
    Query sections(Collection<String> slugs) {
        var b = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.KIND, SearchIndex.SECTION)), BooleanClause.Occur.FILTER)
                .add(new TermInSetQuery(SearchIndex.SLUG, slugs.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
                .setMinimumNumberShouldMatch(1);
        positive(g -> b.add(matching(g, SearchIndex.SECTION_FIELDS), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    /** Any clause in {@code field}: what the highlighter marks. */
    Query highlight(String field) {
        var b = new BooleanQuery.Builder();
        positive(g -> b.add(matching(g, Map.of(field, 1f)), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private void positive(java.util.function.Consumer<Group> action) {
        groups.stream().filter(g -> !g.excluded()).forEach(action);
    }

    /** One group in any of {@code fields}, each match weighted by its field's weight; the best alternative counts. */
    static Query matching(Group group, Map<String, Float> fields) {
        if (group.alternatives().isEmpty()) {
            return new MatchNoDocsQuery("no word starts with this prefix");
        }
        List<Query> alternatives = group.alternatives().stream()
                .map(a -> inFields(fields, f -> leaf(f, a)))
                .toList();
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f);
    }

    private static Query leaf(String field, Alternative alternative) {
        if (alternative.terms().size() == 1) {
            return new TermQuery(new Term(field, alternative.terms().get(0)));
        }
        var b = new PhraseQuery.Builder();
        for (int i = 0; i < alternative.terms().size(); i++) {
            b.add(new Term(field, alternative.terms().get(i)), alternative.positions().get(i));
        }
        return b.build();
    }

    private static Query inFields(Map<String, Float> fields, Function<String, Query> leaf) {
        if (fields.size() == 1) {
            var field = fields.entrySet().iterator().next();
            return boost(leaf.apply(field.getKey()), field.getValue());
        }
        var b = new BooleanQuery.Builder();
        fields.forEach((field, weight) -> b.add(boost(leaf.apply(field), weight), BooleanClause.Occur.SHOULD));
        return b.build();
    }

    private static Query boost(Query q, float weight) {
        return weight == 1f ? q : new BoostQuery(q, weight);
    }

    /** The tokens {@code analyzer} makes of {@code text}, with positions. */
    static List<Token> tokens(Analyzer analyzer, String text) {
        var tokens = new ArrayList<Token>();
        try (TokenStream stream = analyzer.tokenStream(SearchIndex.BODY, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
