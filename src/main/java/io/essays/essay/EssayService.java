package io.essays.essay;

import io.essays.corpus.Filters;

import io.essays.DomainException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.essays.EssaysConfig;
import io.essays.QueryParameters;
import io.essays.PublicUrls;
import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import jakarta.enterprise.context.ApplicationScoped;

/** Queries over one snapshot: listing with filters, sorting and paging, and the essay detail. */
@ApplicationScoped
public class EssayService {
    /** The accepted {@code sort} values. */
    public static final Map<String, Comparator<EssayData>> SORTS = sorts();

    private final EssaysConfig config;
    private final PublicUrls urls;

    EssayService(EssaysConfig config, PublicUrls urls) {
        this.config = config;
        this.urls = urls;
    }

    private static Map<String, Comparator<EssayData>> sorts() {
        var sorts = new LinkedHashMap<String, Comparator<EssayData>>();
        Comparator<EssayData> published = Comparator.comparing(EssayData::published).thenComparing(EssayData::slug);
        Comparator<EssayData> title = Comparator.comparing((EssayData e) -> e.title().toLowerCase(Locale.ROOT)).thenComparing(EssayData::slug);
        sorts.put("-published", published.reversed());
        sorts.put("published", published);
        sorts.put("title", title);
        sorts.put("-title", title.reversed());
        sorts.put("reading-order", null);
        return java.util.Collections.unmodifiableMap(sorts);
    }

    /** The normalized list query, validated; {@link ListQuery#key()} identifies its representation. */
    public ListQuery query(CorpusSnapshot corpus, String series, String tag, String sort, String page, String size) {
        Filters.series(corpus, series);
        Filters.tag(corpus, tag);
        String s = sort == null || sort.isBlank() ? "-published" : sort.strip();
        if (!SORTS.containsKey(s)) {
            throw new DomainException.InvalidParameter("Unknown sort '" + sort + "'; use one of " + String.join(", ", SORTS.keySet()));
        }
        int p = QueryParameters.integer("page", page, 1, 1, Integer.MAX_VALUE);
        int max = config.paging().maxSize();
        int n = QueryParameters.integer("size", size, config.paging().defaultSize(), 1, max);
        return new ListQuery(series, tag, s, p, n);
    }

    /** A validated list query. */
    public record ListQuery(String series, String tag, String sort, int page, int size) {
        public String key() {
            return "series=" + (series == null ? "" : series) + "&tag=" + (tag == null ? "" : tag) + "&sort=" + sort
                    + "&page=" + page + "&size=" + size;
        }
    }

    public EssayPage list(CorpusSnapshot corpus, ListQuery q) {
        List<EssayData> matches = new ArrayList<>();
        for (EssayData e : corpus.essays()) {
            if ((q.series() == null || e.series().equals(q.series())) && (q.tag() == null || e.tags().contains(q.tag()))) {
                matches.add(e);
            }
        }
        Comparator<EssayData> order = SORTS.get(q.sort());
        if (order != null) {
            matches.sort(order);
        }
        int total = matches.size();
        int pages = Math.max(1, (total + q.size() - 1) / q.size());
        if (q.page() > pages) {
            throw new DomainException.InvalidParameter("Page " + q.page() + " is past the last page (" + pages + ") of " + total
                    + " essays");
        }
        int from = (q.page() - 1) * q.size();
        List<EssaySummary> items = matches.subList(from, Math.min(total, from + q.size())).stream()
                .map(e -> summary(corpus, e)).toList();
        return new EssayPage(items, new PageInfo(q.page(), q.size(), total, pages));
    }

    public EssayData essay(CorpusSnapshot corpus, String slug) {
        EssayData essay = corpus.essay(slug);
        if (essay == null) {
            throw new DomainException.UnknownResource("No essay with slug '" + slug + "'");
        }
        return essay;
    }

    public EssayDetail detail(CorpusSnapshot corpus, String slug) {
        return detail(corpus, slug, MathFormat.MATHML);
    }

    /** The essay detail with its HTML's math in {@code math} format. */
    public EssayDetail detail(CorpusSnapshot corpus, String slug, MathFormat math) {
        EssayData e = essay(corpus, slug);
        var links = new LinkedHashMap<String, EssayRef>();
        e.outgoing().forEach(l -> links.computeIfAbsent(l.target(), t -> ref(corpus.essay(t))));
        var backlinks = new LinkedHashMap<String, EssayRef>();
        corpus.incoming(slug).forEach(l -> backlinks.computeIfAbsent(l.source(), s -> ref(corpus.essay(s))));
        List<EssayData> siblings = corpus.series(e.series()).essays();
        int index = siblings.indexOf(e);
        return new EssayDetail(e.slug(), e.title(), e.summary(), seriesRef(corpus, e), e.order(), e.tags(), e.aliases(),
                e.published(), e.updated(), e.wordCount(), e.readingMinutes(), toc(e), math.html(e), assets(e),
                List.copyOf(links.values()), List.copyOf(backlinks.values()),
                index > 0 ? ref(siblings.get(index - 1)) : null,
                index < siblings.size() - 1 ? ref(siblings.get(index + 1)) : null,
                urls.page(e.slug()), urls.oembed(urls.page(e.slug())));
    }

    public List<TagCount> tags(CorpusSnapshot corpus) {
        return corpus.tags().entrySet().stream().map(t -> new TagCount(t.getKey(), t.getValue())).toList();
    }

    static EssaySummary summary(CorpusSnapshot corpus, EssayData e) {
        return new EssaySummary(e.slug(), e.title(), e.summary(), seriesRef(corpus, e), e.order(), e.tags(),
                e.published(), e.updated(), e.readingMinutes());
    }

    public static EssayRef ref(EssayData e) {
        return new EssayRef(e.slug(), e.title());
    }

    static SeriesRef seriesRef(CorpusSnapshot corpus, EssayData e) {
        return SeriesRef.of(corpus, e.series());
    }

    /** Each asset once, in order of first use. */
    static List<EssayAsset> assets(EssayData e) {
        var byUrl = new LinkedHashMap<String, EssayAsset>();
        for (CorpusSnapshot.AssetUseData use : e.assets()) {
            var a = use.asset();
            byUrl.putIfAbsent(use.url(), new EssayAsset(use.url(), a.mediaType(), a.bytes(), a.width(), a.height(),
                    use.alt(), use.caption()));
        }
        return List.copyOf(byUrl.values());
    }

    private static List<io.essays.markdown.TocEntry> toc(EssayData e) {
        return e.headings().stream().map(h -> new io.essays.markdown.TocEntry(h.level(), h.id(), h.text())).toList();
    }
}
