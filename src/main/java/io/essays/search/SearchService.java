package io.essays.search;

import io.essays.QueryParameters;
import io.essays.http.HtmlEscape;

import io.essays.corpus.Filters;

import io.essays.DomainException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.jboss.logging.Logger;

import io.essays.EssaysConfig;
import io.essays.corpus.CorpusLoaded;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;
import io.essays.essay.PageInfo;
import io.essays.essay.SeriesRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Full-text search and search-as-you-type over the snapshot being served. The index is ready when a snapshot is
 * loaded, before it is served (see {@link CorpusLoaded}): opened from the files stored for the release, or built and
 * stored by the first load (see {@link #load}). A search never sees a half-built index, and a new import replaces
 * index and snapshot together.
 */
@ApplicationScoped
public class SearchService {
    private static final Logger LOG = Logger.getLogger(SearchService.class);
    static final int MAX_SNIPPETS = 3;
    /** Best score first; equal scores in reading order. */
    private static final Sort BEST_FIRST = new Sort(SortField.FIELD_SCORE, new SortField(SearchIndex.ORD, SortField.Type.LONG));

    private final EssaysConfig config;
    private final StoredSearchIndex stored;
    private final AtomicLong analyses = new AtomicLong();

    /**
     * Searches that miss the result cache run at most one fewer at a time than there are cores (at least one), the
     * rest wait their turn: a burst of searches can then never take every core from the event loops that serve essays
     * from memory (bench/http-bench.sh measures essay GET latency with and without 10% searches).
     */
    private final java.util.concurrent.Semaphore running =
            new java.util.concurrent.Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() - 1), true);

    SearchService(EssaysConfig config, StoredSearchIndex stored) {
        this.config = config;
        this.stored = stored;
    }

    void onLoaded(@Observes CorpusLoaded event) {
        if (event.startUp()) {
            // start-up: build beside the rest of it (and the warm-up); readiness waits, a search meanwhile waits too
            event.snapshot().prepareInBackground(SearchIndex.class, this::load);
        } else {
            index(event.snapshot());
        }
    }

    /**
     * The index of a release: opened from the files stored for it when there are any (and they are sound), otherwise
     * built and then stored for later starts and other replicas. Storing is best effort: a failure is logged and the
     * index is served all the same.
     */
    SearchIndex load(CorpusSnapshot snapshot) {
        long started = System.nanoTime();
        long release = snapshot.releaseId();
        SearchIndex index = null;
        boolean unusable = false;
        try {
            var files = stored.read(release, SearchIndex.FORMAT);
            if (files.isPresent()) {
                index = SearchIndex.open(snapshot, files.get());
                log(index, "opened from the database", started);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The stored search index of release %d cannot be used (%s); building it again", release, e);
            unusable = true;
        }
        if (index == null) {
            index = SearchIndex.build(snapshot);
            log(index, "built", started);
            long storing = System.nanoTime();
            try {
                if (stored.write(release, SearchIndex.FORMAT, index.files(), unusable)) {
                    LOG.infof("Stored the search index of release %d in %d ms", release,
                            (System.nanoTime() - storing) / 1_000_000);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Cannot store the search index of release %d (%s); the next start builds it again", release, e);
            }
        }
        return index;
    }

    private static void log(SearchIndex index, String how, long started) {
        LOG.infof("Search index for release %d: %d essays, %d sections, %d completion terms, %.1f MB, %s in %d ms",
                index.snapshot().releaseId(), index.essayCount(), index.sectionTotal(),
                index.suggester().vocabularySize(), index.bytes() / 1048576.0, how,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The index of {@code snapshot}, built on first use (or waited for while it is being built). */
    SearchIndex index(CorpusSnapshot snapshot) {
        return snapshot.derived(SearchIndex.class, this::load);
    }

    /**
     * A validated search, not yet analyzed against the index; {@link #key()} identifies its representation, so a cached
     * answer (or a 304) costs a parse and a map lookup, never prefix expansion or spelling retries.
     */
    record SearchRequest(SearchQuery query, String series, String tag, int page, int size) {
        public String key() {
            return "search?q=" + query.normalized() + "&series=" + (series == null ? "" : series) + "&tag="
                    + (tag == null ? "" : tag) + "&page=" + page + "&size=" + size;
        }
    }

    /** Parses and validates every parameter; a problem 400 that names what to fix otherwise. */
    SearchRequest request(SearchIndex index, String q, String series, String tag, String page, String size) {
        SearchQuery parsed = SearchQueryParser.parse(q);
        CorpusSnapshot corpus = index.snapshot();
        Filters.series(corpus, series);
        Filters.tag(corpus, tag);
        int p = QueryParameters.integer("page", page, 1, 1, Integer.MAX_VALUE);
        int n = QueryParameters.integer("size", size, config.paging().defaultSize(), 1, config.paging().maxSize());
        return new SearchRequest(parsed, series, tag, p, n);
    }

    /** How many queries were analyzed against an index: only searches that miss the result cache are. */
    long analyses() {
        return analyses.get();
    }

    private AnalyzedQuery analyze(SearchQuery query, SearchIndex index) {
        analyses.incrementAndGet();
        return AnalyzedQuery.analyze(query, index.reader());
    }

    /**
     * Runs a search (analysis, ranking, the spelling retry, sections and snippets): what the result cache computes
     * once per distinct request. Lucene's limits on the size of a query are the client's to fix: a problem 400.
     */
    SearchResults search(SearchIndex index, SearchRequest request) {
        running.acquireUninterruptibly();
        try {
            return run(index, request);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new DomainException.InvalidParameter("q expands to more than " + IndexSearcher.getMaxClauseCount()
                    + " Lucene clauses (each word is searched in " + SearchIndex.ESSAY_FIELDS.size() + " fields, each "
                    + "prefix* stands for up to " + AnalyzedQuery.MAX_EXPANSIONS_PER_PREFIX + " words and a hyphenated "
                    + "word for all its parts): use fewer words, fewer prefixes or longer ones");
        } finally {
            running.release();
        }
    }

    /** Runs a search; when it finds nothing, retries once with the spelling corrected. */
    private SearchResults run(SearchIndex index, SearchRequest request) {
        AnalyzedQuery used = analyze(request.query(), index);
        TopDocs top = top(index, used, request);
        String didYouMean = null;
        if (top.totalHits.value == 0) {
            SearchQuery corrected = Corrections.correct(used.query(), index);
            if (corrected != null) {
                AnalyzedQuery retry = analyze(corrected, index);
                TopDocs found = top(index, retry, request);
                if (found.totalHits.value > 0) {
                    used = retry;
                    top = found;
                    didYouMean = corrected.normalized();
                }
            }
        }
        int total = (int) top.totalHits.value;
        int pages = Math.max(1, (total + request.size() - 1) / request.size());
        if (request.page() > pages) {
            throw new DomainException.InvalidParameter("Page " + request.page() + " is past the last page (" + pages + ") of "
                    + total + (total == 1 ? " result" : " results"));
        }
        int from = (request.page() - 1) * request.size();
        int to = Math.min(top.scoreDocs.length, from + request.size());
        var hits = new ArrayList<ScoreDoc>();
        for (int i = from; i < to; i++) {
            hits.add(top.scoreDocs[i]);
        }
        Map<Integer, List<Integer>> sections = sections(index, used, hits);
        var essays = new ArrayList<EssayData>();
        var sectionDocs = new ArrayList<List<Integer>>();
        for (ScoreDoc hit : hits) {
            essays.add(index.essayOfDoc(hit.doc));
            sectionDocs.add(sections.getOrDefault(index.essayOrdOfDoc(hit.doc), List.of()));
        }
        List<List<SearchSnippet>> snippets = snippets(index, used, essays, sectionDocs);
        CorpusSnapshot corpus = index.snapshot();
        var items = new ArrayList<SearchHit>();
        for (int i = 0; i < hits.size(); i++) {
            EssayData essay = essays.get(i);
            List<Integer> matching = sectionDocs.get(i);
            HeadingData best = matching.isEmpty() ? null : index.sectionHeading(index.sectionOfDoc(matching.get(0)));
            items.add(new SearchHit(essay.slug(), essay.title(),
                    SeriesRef.of(corpus, essay.series()),
                    Math.round(hits.get(i).score * 1000) / 1000.0,
                    best == null ? null : new SearchSection(best.id(), best.text()),
                    snippets.get(i)));
        }
        return new SearchResults(request.query().normalized(), didYouMean, items,
                new PageInfo(request.page(), request.size(), total, pages));
    }

    private static TopDocs top(SearchIndex index, AnalyzedQuery query, SearchRequest request) {
        int wanted = (int) Math.min((long) request.page() * request.size(), Math.max(1, index.essayCount()));
        return search(index, query.essays(request.series(), request.tag()), wanted);
    }

    /** The best {@code n} documents, best first, with their scores, and the exact number of matches. */
    private static TopDocs search(SearchIndex index, Query query, int n) {
        try {
            TopDocs top = index.searcher().search(query, new TopFieldCollectorManager(BEST_FIRST, n, null, Integer.MAX_VALUE));
            for (ScoreDoc doc : top.scoreDocs) {
                doc.score = (Float) ((FieldDoc) doc).fields[0];
            }
            return top;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Essay ordinal → the section documents of that essay that match any clause, best first (ties in reading order). */
    private static Map<Integer, List<Integer>> sections(SearchIndex index, AnalyzedQuery query, List<ScoreDoc> hits) {
        var slugs = new LinkedHashSet<String>();
        int count = 0;
        for (ScoreDoc hit : hits) {
            slugs.add(index.essayOfDoc(hit.doc).slug());
            count += index.sectionCount(index.essayOrdOfDoc(hit.doc));
        }
        var result = new HashMap<Integer, List<Integer>>();
        if (count == 0) {
            return result;
        }
        for (ScoreDoc doc : search(index, query.sections(slugs), count).scoreDocs) {
            int essay = index.sectionEssay(index.sectionOfDoc(doc.doc));
            result.computeIfAbsent(essay, k -> new ArrayList<>()).add(doc.doc);
        }
        return result;
    }

    /**
     * Up to three snippets per essay: the best passage of each of its three best sections, then further passages of
     * the best sections. An essay that matched only in its title, summary or tags shows its summary, marked where it
     * matches. The passages of every essay on the page are cut in one pass over the index.
     */
    private static List<List<SearchSnippet>> snippets(SearchIndex index, AnalyzedQuery query, List<EssayData> essays,
                                                      List<List<Integer>> sectionDocs) {
        var docs = new ArrayList<Integer>();
        sectionDocs.forEach(d -> docs.addAll(d.subList(0, Math.min(MAX_SNIPPETS, d.size()))));
        List<List<SnippetFormatter.Cut>> cuts = index.highlighter().passages(SearchIndex.SECTION_TEXT,
                query.highlight(SearchIndex.SECTION_TEXT), docs.stream().mapToInt(Integer::intValue).toArray(),
                MAX_SNIPPETS);
        var result = new ArrayList<List<SearchSnippet>>();
        int next = 0;
        for (int e = 0; e < essays.size(); e++) {
            int n = Math.min(MAX_SNIPPETS, sectionDocs.get(e).size());
            var perSection = cuts.subList(next, next + n);
            var ids = new ArrayList<String>();
            for (int doc : sectionDocs.get(e).subList(0, n)) {
                HeadingData heading = index.sectionHeading(index.sectionOfDoc(doc));
                ids.add(heading == null ? null : heading.id());
            }
            next += n;
            var snippets = new ArrayList<SearchSnippet>();
            for (int s = 0; s < n; s++) {
                if (!perSection.get(s).isEmpty()) {
                    add(snippets, perSection.get(s).get(0), ids.get(s));
                }
            }
            for (int s = 0; s < n; s++) {
                List<SnippetFormatter.Cut> more = perSection.get(s);
                for (int c = 1; c < more.size(); c++) {
                    add(snippets, more.get(c), ids.get(s));
                }
            }
            if (snippets.isEmpty()) {
                String summary = essays.get(e).summary();
                List<SnippetFormatter.Cut> marked = Highlighter.passages(SearchIndex.SUMMARY,
                        query.highlight(SearchIndex.SUMMARY), summary, 1);
                add(snippets, marked.isEmpty() ? plain(summary) : marked.get(0), null);
            }
            result.add(snippets);
        }
        return result;
    }

    private static void add(List<SearchSnippet> snippets, SnippetFormatter.Cut cut, String sectionId) {
        if (snippets.size() < MAX_SNIPPETS) {
            snippets.add(new SearchSnippet(cut.text(), cut.html(), sectionId));
        }
    }

    private static SnippetFormatter.Cut plain(String text) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return new SnippetFormatter.Cut(collapsed, HtmlEscape.text(collapsed));
    }

    /** The typed text normalized for completion: lowercase, single spaces, a trailing space kept. */
    String suggestQuery(String q) {
        if (q == null || q.isBlank()) {
            throw new DomainException.InvalidParameter("q must not be empty: send what has been typed so far");
        }
        String stripped = q.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length > SearchQueryParser.MAX_LENGTH) {
            throw new DomainException.InvalidParameter("q is " + length + " characters long; shorten it to at most "
                    + SearchQueryParser.MAX_LENGTH);
        }
        return q.stripLeading().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Completions of {@code typed} (normalized by {@link #suggestQuery}). */
    List<Suggestion> suggest(SearchIndex index, String typed) {
        return index.suggester().suggest(typed).stream()
                .map(c -> new Suggestion(c.text(), c.kind(), c.slug(), c.anchor()))
                .toList();
    }
}
