package io.essays.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;

/**
 * Search-as-you-type over one snapshot. Titles and headings match when every typed word starts a word of theirs,
 * in any order, the last typed word as a prefix ("soft", "function soft", "temperature sam"): Lucene's
 * {@link AnalyzingInfixSuggester} in memory, which indexes leading n-grams so that a lookup is a few term queries over
 * an index sorted by rank. Titles rank in reading order; headings by level (## before ###), then reading order.
 * Terms complete the last typed word from the corpus vocabulary, most frequent first (words of three or more letters
 * that occur at least twice, see {@link #isWord}); the words typed before it are kept.
 *
 * <p>At most {@link #LIMIT} suggestions: up to 3 titles, then 4 headings (one per distinct text), then 3 terms, with
 * unused places going to further titles, headings, then terms.
 */
final class Suggester {
    static final int LIMIT = 10;
    private static final int TITLES = 3;
    private static final int HEADINGS = 4;
    private static final int TERMS = 3;
    private static final int MIN_TERM_LENGTH = 3;
    private static final int MIN_TERM_FREQUENCY = 2;

    /** A completion; {@code kind} is title, heading or term. */
    record Completion(String text, String kind, String slug, String anchor) {
    }

    /** Prefixes of the infix suggesters' files among a search index's files (see {@link SearchIndex#files()}). */
    static final String TITLE_FILES = "titles/";
    static final String HEADING_FILES = "headings/";

    private final AnalyzingInfixSuggester titles;
    private final AnalyzingInfixSuggester headings;
    private final Map<String, Directory> directories;
    private final String[] terms;
    private final long[] frequencies;

    private Suggester(Infix titles, Infix headings, IndexReader reader) throws IOException {
        this.titles = titles == null ? null : titles.suggester();
        this.headings = headings == null ? null : headings.suggester();
        var directories = new LinkedHashMap<String, Directory>();
        if (titles != null) {
            directories.put(TITLE_FILES, titles.directory());
        }
        if (headings != null) {
            directories.put(HEADING_FILES, headings.directory());
        }
        this.directories = Collections.unmodifiableMap(directories);
        var vocabulary = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        Terms spell = MultiTerms.getTerms(reader, SearchIndex.SPELL);
        if (spell != null) {
            TermsEnum e = spell.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                String term = t.utf8ToString();
                if (e.totalTermFreq() >= MIN_TERM_FREQUENCY && isWord(term)) {
                    vocabulary.add(term);
                    counts.add(e.totalTermFreq());
                }
            }
        }
        Integer[] order = new Integer[vocabulary.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparing(vocabulary::get));
        this.terms = new String[order.length];
        this.frequencies = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            terms[i] = vocabulary.get(order[i]);
            frequencies[i] = counts.get(order[i]);
        }
    }

    /**
     * Opens a suggester whose infix indexes were built before ({@link #directories()}, null for a kind without
     * entries); the term vocabulary is read from {@code reader}, the search index it completes from.
     */
    static Suggester open(Directory titles, Directory headings, IndexReader reader) throws IOException {
        return new Suggester(titles == null ? null : new Infix(infix(titles), titles),
                headings == null ? null : new Infix(infix(headings), headings), reader);
    }

    /** The infix indexes by file prefix ({@link #TITLE_FILES}, {@link #HEADING_FILES}), to be stored and reopened. */
    Map<String, Directory> directories() {
        return directories;
    }

    static Suggester build(CorpusSnapshot snapshot, IndexReader reader) throws IOException {
        var titleEntries = new ArrayList<Entry>();
        var headingEntries = new ArrayList<Entry>();
        List<EssayData> essays = snapshot.essays();
        long n = essays.size();
        long heading = 0;
        for (int e = 0; e < essays.size(); e++) {
            EssayData essay = essays.get(e);
            titleEntries.add(new Entry(essay.title(), n - e, essay.slug(), ""));
            for (HeadingData h : essay.headings()) {
                heading++;
                headingEntries.add(new Entry(h.text(), (7L - h.level()) * 1_000_000_000L - heading, essay.slug(), h.id()));
            }
        }

        return new Suggester(built(titleEntries), built(headingEntries), reader);
    }

    /** An infix suggester and the directory holding its index. */
    private record Infix(AnalyzingInfixSuggester suggester, Directory directory) {
    }

    /**
     * An in-memory infix suggester over {@code entries} (null when there are none); building commits its index, which
     * can therefore be stored and opened again.
     */
    private static Infix built(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return null;
        }
        var directory = new ByteBuffersDirectory();
        var infix = infix(directory);
        infix.build(new Entries(entries.iterator()));
        return new Infix(infix, directory);
    }

    /**
     * An infix suggester over {@code directory}; it opens the index already there (the writer is only created to add
     * entries, which a built suggester never does again).
     */
    private static AnalyzingInfixSuggester infix(Directory directory) throws IOException {
        return new AnalyzingInfixSuggester(directory, SearchAnalyzers.WORDS, SearchAnalyzers.WORDS,
                AnalyzingInfixSuggester.DEFAULT_MIN_PREFIX_CHARS, false, true, false, true);
    }

    /**
     * A word worth completing to: three characters or more, starting with a letter; an identifier ({@code log_softmax},
     * {@code torch.device}) only when every part has two characters or more, which leaves out math such as {@code p_i}.
     */
    static boolean isWord(String term) {
        if (term.length() < MIN_TERM_LENGTH || !Character.isLetter(term.codePointAt(0))) {
            return false;
        }
        for (String part : term.split("[_.]", -1)) {
            if (part.length() < 2) {
                return false;
            }
        }
        return true;
    }

    int vocabularySize() {
        return terms.length;
    }

    /**
     * Completions of {@code typed}: lowercase, single spaces, a trailing space when the last word is complete.
     */
    List<Completion> suggest(String typed) {
        if (AnalyzedQuery.tokens(SearchAnalyzers.WORDS, typed).isEmpty()) {
            return List.of();
        }
        List<Completion> titles = lookup(this.titles, typed, "title", LIMIT);
        List<Completion> headings = distinct(lookup(this.headings, typed, "heading", LIMIT * 2));
        List<Completion> words = terms(typed);
        var result = new ArrayList<Completion>();
        int t = Math.min(TITLES, titles.size());
        int h = Math.min(HEADINGS, headings.size());
        int w = Math.min(TERMS, words.size());
        int spare = LIMIT - t - h - w;
        int more = Math.min(spare, titles.size() - t);
        t += more;
        spare -= more;
        more = Math.min(spare, headings.size() - h);
        h += more;
        spare -= more;
        w += Math.min(spare, words.size() - w);
        result.addAll(titles.subList(0, t));
        result.addAll(headings.subList(0, h));
        result.addAll(words.subList(0, w));
        return result;
    }

    /** Entries in which every typed word starts a word, the last possibly unfinished; by weight. */
    private static List<Completion> lookup(AnalyzingInfixSuggester infix, String typed, String kind, int num) {
        if (infix == null) {
            return List.of();
        }
        try {
            var found = new ArrayList<Completion>();
            for (Lookup.LookupResult r : infix.lookup(typed, num, true, false)) {
                String payload = r.payload.utf8ToString();
                int split = payload.indexOf('\u0000');
                String anchor = payload.substring(split + 1);
                found.add(new Completion(r.key.toString(), kind, payload.substring(0, split), anchor.isEmpty() ? null : anchor));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Completion> distinct(List<Completion> headings) {
        var seen = new HashSet<String>();
        var result = new ArrayList<Completion>();
        for (Completion c : headings) {
            if (seen.add(c.text().toLowerCase(java.util.Locale.ROOT)) && result.size() < LIMIT) {
                result.add(c);
            }
        }
        return result;
    }

    /** Completions of the last typed word, most frequent first, with the words typed before it. */
    private List<Completion> terms(String typed) {
        if (typed.endsWith(" ")) {
            return List.of();
        }
        int space = typed.lastIndexOf(' ');
        String before = typed.substring(0, space + 1);
        List<AnalyzedQuery.Token> last = AnalyzedQuery.tokens(SearchAnalyzers.WORDS, typed.substring(space + 1));
        if (last.isEmpty()) {
            return List.of();
        }
        String prefix = last.get(last.size() - 1).term();
        int from = lowerBound(prefix);
        int to = lowerBound(prefix + Character.MAX_VALUE);
        // the best LIMIT of the range by frequency, ties alphabetically: a small insertion-sorted window
        var best = new ArrayList<Integer>();
        for (int i = from; i < to; i++) {
            if (terms[i].equals(prefix)) {
                continue;
            }
            int at = best.size();
            while (at > 0 && frequencies[best.get(at - 1)] < frequencies[i]) {
                at--;
            }
            if (at < LIMIT) {
                best.add(at, i);
                if (best.size() > LIMIT) {
                    best.remove(LIMIT);
                }
            }
        }
        return best.stream().map(i -> new Completion(before + terms[i], "term", null, null)).toList();
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = terms.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (terms[mid].compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private record Entry(String text, long weight, String slug, String anchor) {
    }

    /** Feeds entries to an infix suggester: weight, and slug and anchor as payload. */
    private static final class Entries implements InputIterator {
        private final Iterator<Entry> entries;
        private Entry current;

        Entries(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            current = entries.next();
            return new BytesRef(current.text());
        }

        @Override
        public long weight() {
            return current.weight();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef((current.slug() + '\u0000' + current.anchor()).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
