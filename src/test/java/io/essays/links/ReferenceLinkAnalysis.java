package io.essays.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.essays.content.Corpus;
import io.essays.content.EssaySource;
import io.essays.markdown.ExtractedLink;
import io.essays.markdown.ProseBlock;
import io.essays.markdown.Snippets;

/**
 * {@link LinkAnalysis} as it was before it was made fast for large corpora (one HashMap and TreeSets per candidate,
 * every candidate ranked): the straightforward reading of the rules, kept as the oracle its results must equal.
 */
final class ReferenceLinkAnalysis {
    /** Most related essays kept per essay: the largest {@code limit} the API accepts. */
    public static final int MAX_RELATED = 50;

    private final Map<String, List<ExtractedLink>> crossLinks = new LinkedHashMap<>();
    private final Map<String, List<Mention>> mentions = new LinkedHashMap<>();
    private final Map<String, List<Related>> related = new LinkedHashMap<>();

    private ReferenceLinkAnalysis() {
    }

    /** Analyses {@code corpus}, using the prose blocks rendered at import for mentions. */
    static ReferenceLinkAnalysis of(Corpus corpus) {
        var analysis = new ReferenceLinkAnalysis();
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
    record Mention(String essay, String source, String term, String text, String sectionId, int line,
                   String contextText, String contextHtml) {
    }

    /** One related essay with its score and the reasons that make it up; {@code rank} counts from 1. */
    record Related(String essay, String related, int rank, double score, RelatedReasons reasons) {
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
        for (EssaySource source : corpus.essays()) {
            for (ProseBlock block : source.rendered().blocks()) {
                if (!block.heading()) {
                    mentionsIn(block, source.slug(), byFirstWord);
                }
            }
        }
        mentions.replaceAll((k, v) -> List.copyOf(v));
    }

    private record Match(int start, int end, Term term) {
    }

    private void mentionsIn(ProseBlock block, String source, Map<String, List<Term>> byFirstWord) {
        String text = block.text();
        var byEssay = new HashMap<String, List<Match>>();
        for (int i = 0; i < text.length(); i++) {
            if (!isWordChar(text.charAt(i)) || i > 0 && isWordChar(text.charAt(i - 1))) {
                continue;
            }
            int end = wordEnd(text, i);
            String first = text.substring(i, end).toLowerCase(Locale.ROOT);
            List<Term> candidates = new ArrayList<>(byFirstWord.getOrDefault(first, List.of()));
            int next = end;
            while (next < text.length() && next - end < MAX_SEPARATOR && !isWordChar(text.charAt(next))) {
                next++;
            }
            if (next > end && next < text.length() && isWordChar(text.charAt(next))) {
                candidates.addAll(byFirstWord.getOrDefault(
                        first + " " + text.substring(next, wordEnd(text, next)).toLowerCase(Locale.ROOT), List.of()));
            }
            for (Term term : candidates) {
                if (term.essay().equals(source)) {
                    continue;
                }
                Matcher m = term.pattern().matcher(text).region(i, text.length())
                        .useTransparentBounds(true).useAnchoringBounds(false);
                if (m.lookingAt() && !block.overlapsMarkup(m.start(), m.end())) {
                    byEssay.computeIfAbsent(term.essay(), k -> new ArrayList<>()).add(new Match(m.start(), m.end(), term));
                }
            }
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
                mentions.get(entry.getKey()).add(new Mention(entry.getKey(), source, m.term().text(),
                        text.substring(m.start(), m.end()).replaceAll("\\s+", " "), block.sectionId(),
                        block.lineAt(m.start()), snippet.text(), snippet.html()));
            }
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
     */
    private void rankRelated(Corpus corpus) {
        Map<String, Set<String>> out = new HashMap<>();
        Map<String, Set<String>> in = new HashMap<>();
        Map<String, List<String>> byTag = new HashMap<>();
        Map<String, TreeSet<String>> bySeries = new HashMap<>();
        for (EssaySource e : corpus.essays()) {
            out.put(e.slug(), new TreeSet<>());
            in.put(e.slug(), new TreeSet<>());
            e.tags().forEach(t -> byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(e.slug()));
            bySeries.computeIfAbsent(e.series(), k -> new TreeSet<>()).add(e.slug());
        }
        crossLinks.forEach((source, links) -> links.forEach(l -> {
            out.get(source).add(l.targetSlug());
            in.get(l.targetSlug()).add(source);
        }));
        Map<String, String> seriesOf = new HashMap<>();
        corpus.essays().forEach(e -> seriesOf.put(e.slug(), e.series()));
        for (EssaySource a : corpus.essays()) {
            String self = a.slug();
            Map<String, Candidate> candidates = new HashMap<>();
            java.util.function.Function<String, Candidate> candidate = b -> candidates.computeIfAbsent(b, k -> new Candidate());
            out.get(self).forEach(b -> candidate.apply(b).linksTo = true);
            in.get(self).forEach(b -> candidate.apply(b).linkedFrom = true);
            for (String c : in.get(self)) {
                for (String b : out.get(c)) {
                    if (!b.equals(self)) {
                        candidate.apply(b).coCitedBy.add(c);
                    }
                }
            }
            for (String c : out.get(self)) {
                for (String b : in.get(c)) {
                    if (!b.equals(self)) {
                        candidate.apply(b).bothLinkTo.add(c);
                    }
                }
            }
            for (String tag : a.tags()) {
                for (String b : byTag.get(tag)) {
                    if (!b.equals(self)) {
                        candidate.apply(b).sharedTags.add(tag);
                    }
                }
            }
            var ranked = new ArrayList<Related>();
            candidates.forEach((b, c) -> {
                var reasons = new RelatedReasons(c.linksTo, c.linkedFrom, List.copyOf(c.coCitedBy),
                        List.copyOf(c.bothLinkTo), List.copyOf(c.sharedTags),
                        a.series().equals(seriesOf.get(b)) ? a.series() : null);
                ranked.add(new Related(self, b, 0, reasons.score(), reasons));
            });
            ranked.sort(Comparator.comparingDouble(Related::score).reversed().thenComparing(Related::related));
            var kept = new ArrayList<Related>();
            for (int i = 0; i < Math.min(MAX_RELATED, ranked.size()); i++) {
                Related r = ranked.get(i);
                kept.add(new Related(r.essay(), r.related(), i + 1, r.score(), r.reasons()));
            }
            for (String b : bySeries.get(a.series())) {
                if (kept.size() >= MAX_RELATED) {
                    break;
                }
                if (!b.equals(self) && !candidates.containsKey(b)) {
                    var reasons = new RelatedReasons(false, false, List.of(), List.of(), List.of(), a.series());
                    kept.add(new Related(self, b, kept.size() + 1, reasons.score(), reasons));
                }
            }
            related.put(self, List.copyOf(kept));
        }
    }

    /** What A shares with one other essay; sets keep values sorted. */
    private static final class Candidate {
        boolean linksTo;
        boolean linkedFrom;
        final Set<String> coCitedBy = new TreeSet<>();
        final Set<String> bothLinkTo = new TreeSet<>();
        final Set<String> sharedTags = new TreeSet<>();
    }
}
