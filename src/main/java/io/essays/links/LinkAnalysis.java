package io.essays.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.essays.content.Corpus;
import io.essays.content.EssaySource;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.ProseBlock;
import io.essays.markdown.Snippets;

/**
 * Everything the link features derive from one validated corpus, computed once at import: the cross-links that are
 * graph edges, unlinked mentions and related-essay rankings. Plain Java, no persistence.
 *
 * <p>A link from an essay to its own file ({@code softmax.md#temperature} inside {@code softmax.md}) is an in-essay
 * reference like {@code #temperature}: it is rendered as a link but is not a cross-link, so it is not stored, listed as
 * a link or backlink, or counted as a graph edge. The graph therefore has no self-loops.
 *
 * <p>Mentions: an essay's title and aliases, matched case-insensitively on word boundaries (letters, digits and
 * {@code _} are word characters, so {@code log-softmax} mentions softmax but {@code softmaxes} does not), with any
 * whitespace between words. Only paragraphs, list items and table cells count; headings, code, math and any text
 * inside a link do not. Every unlinked occurrence counts, even when the essay links to the mentioned one elsewhere.
 */
public final class LinkAnalysis {
    /** Most related essays kept per essay: the largest {@code limit} the API accepts. */
    public static final int MAX_RELATED = 50;

    private final Map<String, List<ExtractedLink>> crossLinks = new LinkedHashMap<>();
    private final Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    private final Map<String, List<Related>> related = new LinkedHashMap<>();

    private LinkAnalysis() {
    }

    /** Analyses {@code corpus}, using the prose blocks rendered at import for mentions. */
    public static LinkAnalysis of(Corpus corpus) {
        var analysis = new LinkAnalysis();
        for (EssaySource e : corpus.essays()) {
            analysis.crossLinks.put(e.slug(),
                    e.rendered().links().stream().filter(l -> !l.targetSlug().equals(e.slug())).toList());
        }
        analysis.findMentions(corpus);
        analysis.rankRelated(corpus);
        return analysis;
    }

    /** The cross-links of an essay in document order, without links to itself. */
    public List<ExtractedLink> crossLinks(String slug) {
        return crossLinks.getOrDefault(slug, List.of());
    }

    /** Unlinked mentions of an essay in other essays: by source in reading order, then document order. */
    public List<Mention> mentions(String slug) {
        return mentions.getOrDefault(slug, List.of());
    }

    /** The essays related to one, best first, at most {@link #MAX_RELATED}. */
    public List<Related> related(String slug) {
        return related.getOrDefault(slug, List.of());
    }

    /**
     * A place where an essay's title or alias appears in another essay's running text: not in a heading, and not
     * overlapping a link, code or math.
     *
     * @param essay       the essay mentioned
     * @param source      the essay whose text mentions it
     * @param term        the title or alias that matched, as written in the front matter
     * @param text        the matched text as it appears
     * @param sectionId   id of the heading whose section holds the mention, or null before the first heading
     * @param line        one-based line in the source file
     * @param contextText the sentence or short passage around it
     * @param contextHtml the same as escaped HTML with the match in {@code <mark>}
     */
    public record Mention(String essay, String source, String term, String text, String sectionId, int line,
                          String contextText, String contextHtml) {
    }

    /** One related essay with its score and the reasons that make it up; {@code rank} counts from 1. */
    public record Related(String essay, String related, int rank, double score, RelatedReasons reasons) {
    }

    // ---- mentions

    /**
     * Finds every unlinked mention in one pass over each essay's prose: at each word start, only the titles and aliases
     * beginning with that word (one-word names) or with that word and the next (longer names) are tried, so the cost
     * grows with the text, not with essays × essays, even when many titles share a first word.
     */
    private void findMentions(Corpus corpus) {
        var byFirstWord = new HashMap<String, List<Term>>();
        for (EssaySource e : corpus.essays()) {
            mentions.put(e.slug(), new ArrayList<>());
            for (Term term : terms(e)) {
                byFirstWord.computeIfAbsent(term.key(), k -> new ArrayList<>()).add(term);
            }
        }
        // the first words of longer names: only after one of them is the next word looked at
        var firstOfLonger = new HashSet<String>();
        var firstWords = new FirstWords();
        byFirstWord.keySet().forEach(key -> {
            int space = key.indexOf(' ');
            if (space > 0) {
                firstOfLonger.add(key.substring(0, space));
            }
            firstWords.add(space > 0 ? key.substring(0, space) : key);
        });
        // each source on any core; gathered in reading order, so every essay's list is by source, then document order
        List<List<Mention>> bySource = corpus.essays().parallelStream().map(source -> {
            List<Mention> found = new ArrayList<>();
            for (ProseBlock block : source.rendered().blocks()) {
                if (!block.heading()) {
                    mentionsIn(block, source.slug(), byFirstWord, firstOfLonger, firstWords, found);
                }
            }
            return found;
        }).toList();
        bySource.forEach(found -> found.forEach(m -> mentions.get(m.essay()).add(m)));
        mentions.replaceAll((k, v) -> List.copyOf(v));
    }

    private record Match(int start, int end, Term term) {
    }

    /** Appends the mentions in one block of {@code source} to {@code found}: by essay mentioned, then position. */
    private static void mentionsIn(ProseBlock block, String source, Map<String, List<Term>> byFirstWord,
                                   Set<String> firstOfLonger, FirstWords firstWords, List<Mention> found) {
        String text = block.text();
        Map<String, List<Match>> byEssay = null;
        for (int i = 0; i < text.length(); i++) {
            if (!isWordChar(text.charAt(i))) {
                continue;
            }
            // a word starts here (the previous word ended before i); no name starts inside it
            int end = wordEnd(text, i);
            int start = i;
            i = end - 1;
            if (!firstWords.mayStart(text, start, end)) {
                continue;
            }
            String first = text.substring(start, end).toLowerCase(Locale.ROOT);
            List<Term> oneWord = byFirstWord.get(first);
            List<Term> longer = null;
            if (firstOfLonger.contains(first)) {
                int next = end;
                while (next < text.length() && next - end < MAX_SEPARATOR && !isWordChar(text.charAt(next))) {
                    next++;
                }
                if (next > end && next < text.length() && isWordChar(text.charAt(next))) {
                    longer = byFirstWord.get(first + " " + text.substring(next, wordEnd(text, next)).toLowerCase(Locale.ROOT));
                }
            }
            for (List<Term> candidates : oneWord == null ? longer == null ? List.<List<Term>>of() : List.of(longer)
                    : longer == null ? List.of(oneWord) : List.of(oneWord, longer)) {
                for (Term term : candidates) {
                    if (term.essay().equals(source)) {
                        continue;
                    }
                    Matcher m = term.pattern().matcher(text).region(start, text.length())
                            .useTransparentBounds(true).useAnchoringBounds(false);
                    if (m.lookingAt() && !block.overlapsMarkup(m.start(), m.end())) {
                        if (byEssay == null) {
                            byEssay = new HashMap<>();
                        }
                        byEssay.computeIfAbsent(term.essay(), k -> new ArrayList<>()).add(new Match(m.start(), m.end(), term));
                    }
                }
            }
        }
        if (byEssay == null) {
            return;
        }
        // per essay mentioned: leftmost first, and of matches starting together the longest
        for (var entry : byEssay.entrySet()) {
            List<Match> matches = entry.getValue();
            matches.sort(Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
            int taken = -1;
            for (Match m : matches) {
                if (m.start() < taken) {
                    continue;
                }
                taken = m.end();
                var snippet = Snippets.around(text, m.start(), m.end());
                found.add(new Mention(entry.getKey(), source, m.term().text(),
                        text.substring(m.start(), m.end()).replaceAll("\\s+", " "), block.sectionId(),
                        block.lineAt(m.start()), snippet.text(), snippet.html()));
            }
        }
    }

    /**
     * The first words of the names, lower-cased, by first character and length: most words of a text are no name's
     * first word, and are passed over without a lower-cased copy or a lookup. A word of ASCII characters lower-cases to
     * one of the same length and first character; any other word is looked up.
     */
    private static final class FirstWords {
        /** Per ASCII first character, bit {@code min(length, 63)} of each first word's length. */
        private final long[] lengths = new long[128];

        void add(String word) {
            char first = word.charAt(0);
            if (first < 128) {
                lengths[first] |= 1L << Math.min(word.length(), 63);
            }
        }

        boolean mayStart(String text, int start, int end) {
            for (int i = start; i < end; i++) {
                if (text.charAt(i) >= 128) {
                    return true;
                }
            }
            char first = text.charAt(start);
            if (first >= 'A' && first <= 'Z') {
                first = (char) (first + ('a' - 'A'));
            }
            return (lengths[first] & 1L << Math.min(end - start, 63)) != 0;
        }
    }

    /** Longest run of non-word characters between the first two words of a name (e.g. {@code "' "}). */
    private static final int MAX_SEPARATOR = 4;

    private static int wordEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /**
     * A title or alias of {@code essay}: matched case-insensitively, on word boundaries, with any whitespace between
     * words. {@code key} is its first run of word characters, lower-cased, followed by a space and its second run when
     * the two are separated by at most {@link #MAX_SEPARATOR} other characters.
     */
    private record Term(String essay, String text, Pattern pattern, String key) {
    }

    private static List<Term> terms(EssaySource e) {
        var seen = new LinkedHashSet<String>();
        var result = new ArrayList<Term>();
        var names = new ArrayList<String>();
        names.add(e.title());
        names.addAll(e.aliases());
        for (String name : names) {
            String normalized = name.strip().replaceAll("\\s+", " ");
            int firstWordEnd = 0;
            while (firstWordEnd < normalized.length() && isWordChar(normalized.charAt(firstWordEnd))) {
                firstWordEnd++;
            }
            // a name must start with a letter or digit to be found (front matter names always do in practice)
            if (firstWordEnd > 0 && seen.add(normalized.toLowerCase(Locale.ROOT))) {
                String key = normalized.substring(0, firstWordEnd).toLowerCase(Locale.ROOT);
                int second = firstWordEnd;
                while (second < normalized.length() && second - firstWordEnd < MAX_SEPARATOR
                        && !isWordChar(normalized.charAt(second))) {
                    second++;
                }
                if (second < normalized.length() && isWordChar(normalized.charAt(second))) {
                    key += " " + normalized.substring(second, wordEnd(normalized, second)).toLowerCase(Locale.ROOT);
                }
                result.add(new Term(e.slug(), name, termPattern(normalized), key));
            }
        }
        return result;
    }

    static Pattern termPattern(String term) {
        var regex = new StringBuilder("(?<![\\p{L}\\p{Nd}_])");
        String[] words = term.split(" ");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            // a straight apostrophe in a term also matches the typographic one
            String[] parts = words[i].split("'", -1);
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) {
                    regex.append("['\u2019]");
                }
                if (!parts[p].isEmpty()) {
                    regex.append(Pattern.quote(parts[p]));
                }
            }
        }
        regex.append("(?![\\p{L}\\p{Nd}_])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    // ---- related essays

    /**
     * Scores only the essays that share something with A, found through A's links, its neighbours' links and its tags
     * (linear in the links and tag memberships, not quadratic in the corpus). Essays whose only reason is the series
     * score 0.5, below every other reason, so they fill the remaining places in slug order.
     *
     * <p>Essays are numbered and counted in arrays: a popular tag makes thousands of candidates per essay, of which only
     * the best {@link #MAX_RELATED} are kept (a bounded heap), and only those get their reasons spelled out: A and B
     * are co-cited by the essays linking to both ({@code in(A) ∩ in(B)}) and both link to {@code out(A) ∩ out(B)}.
     */
    private void rankRelated(Corpus corpus) {
        List<EssaySource> essays = corpus.essays();
        int n = essays.size();
        var index = new HashMap<String, Integer>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(essays.get(i).slug(), i);
        }
        // rank of each essay in slug order: ties in score are broken by slug
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        java.util.Arrays.sort(sorted, Comparator.comparing(i -> essays.get(i).slug()));
        int[] slugRank = new int[n];
        for (int r = 0; r < n; r++) {
            slugRank[sorted[r]] = r;
        }
        List<TreeSet<String>> out = new ArrayList<>(n);
        List<TreeSet<String>> in = new ArrayList<>(n);
        List<TreeSet<String>> tags = new ArrayList<>(n);
        var byTag = new HashMap<String, List<Integer>>();
        var bySeries = new HashMap<String, TreeSet<String>>();
        // each essay's series as a number, so that ranking compares ints, not series slugs
        var seriesNumbers = new HashMap<String, Integer>();
        int[] seriesOf = new int[n];
        for (int i = 0; i < n; i++) {
            EssaySource e = essays.get(i);
            out.add(new TreeSet<>());
            in.add(new TreeSet<>());
            tags.add(new TreeSet<>(e.tags()));
            for (String t : tags.get(i)) {
                byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(i);
            }
            bySeries.computeIfAbsent(e.series(), k -> new TreeSet<>()).add(e.slug());
            seriesOf[i] = seriesNumbers.computeIfAbsent(e.series(), k -> seriesNumbers.size());
        }
        crossLinks.forEach((source, links) -> links.forEach(l -> {
            out.get(index.get(source)).add(l.targetSlug());
            in.get(index.get(l.targetSlug())).add(source);
        }));
        int[][] outIdx = new int[n][];
        int[][] inIdx = new int[n][];
        int[][] outRanks = new int[n][];
        int[][] inRanks = new int[n][];
        for (int i = 0; i < n; i++) {
            outIdx[i] = out.get(i).stream().mapToInt(index::get).toArray();
            inIdx[i] = in.get(i).stream().mapToInt(index::get).toArray();
            // the sets are in slug order, so their slug ranks ascend
            outRanks[i] = java.util.Arrays.stream(outIdx[i]).map(b -> slugRank[b]).toArray();
            inRanks[i] = java.util.Arrays.stream(inIdx[i]).map(b -> slugRank[b]).toArray();
        }
        String[] slugByRank = new String[n];
        for (int r = 0; r < n; r++) {
            slugByRank[r] = essays.get(sorted[r]).slug();
        }
        var graph = new Graph(essays, index, slugRank, slugByRank, seriesOf, tags, outIdx, inIdx, outRanks, inRanks,
                byTag, bySeries);
        // essays on any core, each thread with its own counts; stored in reading order
        var counts = ThreadLocal.withInitial(() -> new Counts(n));
        List<List<Related>> ranked = IntStream.range(0, n).parallel()
                .mapToObj(a -> rankOne(a, graph, counts.get())).toList();
        for (int a = 0; a < n; a++) {
            related.put(essays.get(a).slug(), ranked.get(a));
        }
    }

    /** The corpus as numbered essays, with their links, tags and series, shared read-only by the ranking threads. */
    private record Graph(List<EssaySource> essays, Map<String, Integer> index, int[] slugRank, String[] slugByRank,
                         int[] seriesOf, List<TreeSet<String>> tags, int[][] outIdx, int[][] inIdx,
                         int[][] outRanks, int[][] inRanks,
                         Map<String, List<Integer>> byTag, Map<String, TreeSet<String>> bySeries) {
    }

    /** The related essays of essay {@code a}, best first. */
    private static List<Related> rankOne(int a, Graph g, Counts c) {
        List<EssaySource> essays = g.essays();
        int[] seen = c.seen;
        boolean[] linksTo = c.linksTo;
        boolean[] linkedFrom = c.linkedFrom;
        int[] neighbours = c.neighbours;
        int[] sharedTags = c.sharedTags;
        double[] score = c.score;
        int[] slugRank = g.slugRank();
        int[][] outIdx = g.outIdx();
        int[][] inIdx = g.inIdx();
        int[] seriesOf = g.seriesOf();
        // the worst of the best so far on top
        Comparator<Integer> better = (x, y) -> score[x] != score[y] ? Double.compare(score[y], score[x])
                : Integer.compare(slugRank[x], slugRank[y]);
        var best = new java.util.PriorityQueue<Integer>(MAX_RELATED + 1, better.reversed());
        int stamp = a + 1;
        int count = 0;
        for (int b : outIdx[a]) {
            count = c.touch(b, stamp, count);
            linksTo[b] = true;
        }
        for (int b : inIdx[a]) {
            count = c.touch(b, stamp, count);
            linkedFrom[b] = true;
        }
        for (int citing : inIdx[a]) {
            for (int b : outIdx[citing]) {
                if (b != a) {
                    count = c.touch(b, stamp, count);
                    neighbours[b]++;
                }
            }
        }
        for (int cited : outIdx[a]) {
            for (int b : inIdx[cited]) {
                if (b != a) {
                    count = c.touch(b, stamp, count);
                    neighbours[b]++;
                }
            }
        }
        for (String tag : g.tags().get(a)) {
            for (int b : g.byTag().get(tag)) {
                if (b != a) {
                    count = c.touch(b, stamp, count);
                    sharedTags[b]++;
                }
            }
        }
        EssaySource essay = essays.get(a);
        for (int t = 0; t < count; t++) {
            int b = c.touched[t];
            // the same sum, in the same order, as RelatedReasons.score()
            score[b] = (linksTo[b] ? RelatedReasons.LINKS_TO : 0) + (linkedFrom[b] ? RelatedReasons.LINKED_FROM : 0)
                    + RelatedReasons.SHARED_NEIGHBOUR * neighbours[b] + RelatedReasons.SHARED_TAG * sharedTags[b]
                    + (seriesOf[b] == seriesOf[a] ? RelatedReasons.SAME_SERIES : 0);
            if (best.size() < MAX_RELATED) {
                best.add(b);
            } else if (better.compare(b, best.peek()) < 0) {
                best.poll();
                best.add(b);
            }
        }
        var ranked = new ArrayList<>(best);
        ranked.sort(better);
        var kept = new ArrayList<Related>();
        String self = essay.slug();
        for (int b : ranked) {
            EssaySource other = essays.get(b);
            var reasons = new RelatedReasons(linksTo[b], linkedFrom[b], common(g.inRanks()[a], g.inRanks()[b], g),
                    common(g.outRanks()[a], g.outRanks()[b], g), common(g.tags().get(a), g.tags().get(b)),
                    essay.series().equals(other.series()) ? essay.series() : null);
            kept.add(new Related(self, other.slug(), kept.size() + 1, reasons.score(), reasons));
        }
        for (String b : g.bySeries().get(essay.series())) {
            if (kept.size() >= MAX_RELATED) {
                break;
            }
            if (!b.equals(self) && seen[g.index().get(b)] != stamp) {
                var reasons = new RelatedReasons(false, false, List.of(), List.of(), List.of(), essay.series());
                kept.add(new Related(self, b, kept.size() + 1, reasons.score(), reasons));
            }
        }
        return List.copyOf(kept);
    }

    /**
     * What the essay being ranked shares with each other essay, by number, and its score; reset lazily per essay
     * ({@link #touch}). One per ranking thread.
     */
    private static final class Counts {
        final int[] seen;
        final int[] touched;
        final boolean[] linksTo;
        final boolean[] linkedFrom;
        final int[] neighbours;
        final int[] sharedTags;
        final double[] score;

        Counts(int n) {
            seen = new int[n];
            touched = new int[n];
            linksTo = new boolean[n];
            linkedFrom = new boolean[n];
            neighbours = new int[n];
            sharedTags = new int[n];
            score = new double[n];
        }

        /** Makes {@code b} a candidate of the essay numbered {@code stamp - 1} (zeroed the first time); returns the count. */
        int touch(int b, int stamp, int count) {
            if (seen[b] == stamp) {
                return count;
            }
            seen[b] = stamp;
            linksTo[b] = false;
            linkedFrom[b] = false;
            neighbours[b] = 0;
            sharedTags[b] = 0;
            touched[count] = b;
            return count + 1;
        }
    }

    /**
     * The essays in both lists of slug ranks (ascending), in slug order: the shorter list walked, each rank searched
     * for in the longer, so that an essay linked from thousands costs the other essay's few links, not a walk of the
     * thousands, and a lookup compares ints, not slugs.
     */
    private static List<String> common(int[] x, int[] y, Graph g) {
        int[] small = x.length <= y.length ? x : y;
        int[] large = small == x ? y : x;
        if (small.length == 0) {
            return List.of();
        }
        var result = new ArrayList<String>();
        for (int rank : small) {
            if (java.util.Arrays.binarySearch(large, rank) >= 0) {
                result.add(g.slugByRank()[rank]);
            }
        }
        return List.copyOf(result);
    }

    /**
     * The values in both sets, in order: the smaller set walked in order, each value looked up in the larger, so that
     * a long set costs the other set's few values, not a walk of the long one.
     */
    private static List<String> common(TreeSet<String> x, TreeSet<String> y) {
        TreeSet<String> small = x.size() <= y.size() ? x : y;
        TreeSet<String> large = small == x ? y : x;
        if (small.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<String>();
        for (String value : small) {
            if (large.contains(value)) {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }
}
