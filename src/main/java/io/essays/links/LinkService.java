package io.essays.links;

import io.essays.QueryParameters;
import io.essays.corpus.Filters;

import io.essays.DomainException;
import io.essays.EssaysConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.essays.corpus.CorpusSnapshot;
import io.essays.corpus.CorpusSnapshot.EssayData;
import io.essays.corpus.CorpusSnapshot.HeadingData;
import io.essays.corpus.CorpusSnapshot.LinkData;
import io.essays.corpus.CorpusSnapshot.MentionData;
import io.essays.embed.PublishedHtml;
import io.essays.essay.EssayService;
import io.essays.essay.SeriesRef;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The link features over one snapshot: links both ways, the graph, related essays, previews and unlinked mentions.
 * Everything here reads what the import stored; nothing is recomputed per request (and responses are cached per
 * release by {@link io.essays.http.ContentResponses}).
 */
@ApplicationScoped
public class LinkService {
    public static final int MAX_DEPTH = 2;
    public static final int DEFAULT_RELATED = 5;

    private final EssayService essays;
    private final String essayUrlTemplate;

    LinkService(EssayService essays, EssaysConfig config) {
        this.essays = essays;
        this.essayUrlTemplate = config.essayUrlTemplate();
    }

    /** An essay, or a problem 404. */
    public EssayData essay(CorpusSnapshot corpus, String slug) {
        return essays.essay(corpus, slug);
    }

    public EssayLinks links(CorpusSnapshot corpus, String slug) {
        EssayData e = essay(corpus, slug);
        return new EssayLinks(e.slug(), e.title(),
                grouped(corpus, e.outgoing(), LinkData::target),
                grouped(corpus, corpus.incoming(slug), LinkData::source));
    }

    private List<EssayLinks.LinkedEssay> grouped(CorpusSnapshot corpus, List<LinkData> links,
                                                 Function<LinkData, String> otherEnd) {
        var bySlug = new LinkedHashMap<String, List<EssayLinks.LinkPlace>>();
        for (LinkData l : links) {
            bySlug.computeIfAbsent(otherEnd.apply(l), k -> new ArrayList<>()).add(new EssayLinks.LinkPlace(l.text(),
                    l.anchor(), l.sectionId(), l.line(), new Passage(l.contextText(), l.contextHtml())));
        }
        return bySlug.entrySet().stream().map(entry -> {
            EssayData other = corpus.essay(entry.getKey());
            return new EssayLinks.LinkedEssay(other.slug(), other.title(), series(corpus, other),
                    List.copyOf(entry.getValue()));
        }).toList();
    }

    /** A validated series filter for the graph: null for none, else a known series slug. */
    public String graphSeries(CorpusSnapshot corpus, String series) {
        if (series == null || series.isBlank()) {
            return null;
        }
        String s = series.strip();
        return Filters.series(corpus, s);
    }

    /** The whole graph, or the part of it inside one series ({@code series} from {@link #graphSeries}). */
    public EssayGraph graph(CorpusSnapshot corpus, String series) {
        LinkGraph graph = corpus.derived(LinkGraph.class, LinkGraph::of);
        var nodes = corpus.essays().stream()
                .filter(e -> series == null || e.series().equals(series))
                .map(e -> node(corpus, graph, e, null))
                .toList();
        var edges = graph.edges().stream()
                .filter(edge -> series == null || corpus.essay(edge.source()).series().equals(series)
                        && corpus.essay(edge.target()).series().equals(series))
                .map(LinkService::edge)
                .toList();
        return new EssayGraph(nodes, edges);
    }

    /** A validated depth for the neighbourhood graph: 1 (default) or 2. */
    public int depth(String depth) {
        return QueryParameters.integer("depth", depth, 1, 1, MAX_DEPTH);
    }

    /** The essays at most {@code depth} links away from {@code slug} (either way) and every edge among them. */
    public EssayGraph neighbourhood(CorpusSnapshot corpus, String slug, int depth) {
        EssayData centre = essay(corpus, slug);
        LinkGraph graph = corpus.derived(LinkGraph.class, LinkGraph::of);
        Map<String, Integer> distances = graph.neighbourhood(centre.slug(), depth);
        var nodes = distances.keySet().stream()
                .sorted(Comparator.comparing((String s) -> distances.get(s)).thenComparing(graph::readingOrder))
                .map(s -> node(corpus, graph, corpus.essay(s), distances.get(s)))
                .toList();
        var edges = graph.edges().stream()
                .filter(edge -> distances.containsKey(edge.source()) && distances.containsKey(edge.target()))
                .map(LinkService::edge)
                .toList();
        return new EssayGraph(nodes, edges);
    }

    private static EssayGraph.GraphNode node(CorpusSnapshot corpus, LinkGraph graph, EssayData e, Integer distance) {
        return new EssayGraph.GraphNode(e.slug(), e.title(), series(corpus, e), graph.inDegree(e.slug()),
                graph.outDegree(e.slug()), distance);
    }

    private static EssayGraph.GraphEdge edge(LinkGraph.Edge edge) {
        return new EssayGraph.GraphEdge(edge.source(), edge.target(), edge.weight());
    }

    /** A validated number of related essays: 1 to {@link LinkAnalysis#MAX_RELATED}, default {@value #DEFAULT_RELATED}. */
    public int relatedLimit(String limit) {
        return QueryParameters.integer("limit", limit, DEFAULT_RELATED, 1, LinkAnalysis.MAX_RELATED);
    }

    public List<RelatedEssay> related(CorpusSnapshot corpus, String slug, int limit) {
        essay(corpus, slug);
        return corpus.related(slug).stream().limit(limit).map(r -> {
            EssayData other = corpus.essay(r.related());
            return new RelatedEssay(other.slug(), other.title(), series(corpus, other), r.score(),
                    RelatedReasons.decode(r.reasons()).items());
        }).toList();
    }

    /** The heading {@code anchor} of an essay (null or blank for none), or a problem 404 naming it. */
    public HeadingData anchor(CorpusSnapshot corpus, String slug, String anchor) {
        EssayData e = essay(corpus, slug);
        if (anchor == null || anchor.isBlank()) {
            return null;
        }
        HeadingData heading = e.heading(anchor);
        if (heading == null) {
            throw new DomainException.UnknownResource("Essay '" + slug + "' has no heading with id '" + anchor
                    + "'; the essay's toc lists its heading ids");
        }
        return heading;
    }

    /**
     * The hover card of an essay, or of one of its sections when {@code heading} is not null: the section's first
     * paragraph or, for a heading followed directly by a subheading, that of its first subsection with one. A card is
     * shown on other essays' pages too, so the paragraph's links to headings of its own essay are given as cross-links
     * to them ({@link PublishedHtml#forPreview}).
     */
    public Preview preview(CorpusSnapshot corpus, String slug, HeadingData heading) {
        EssayData e = essay(corpus, slug);
        HeadingData lead = heading == null ? null : withParagraph(e.headings(), heading);
        Preview.SectionPreview section = heading == null ? null : new Preview.SectionPreview(heading.id(),
                heading.text(), heading.level(), lead.firstParagraphText(), PublishedHtml.forPreview(
                        lead.firstParagraphHtml(), e.slug(), essayUrlTemplate.replace("{slug}", e.slug())));
        return new Preview(e.slug(), e.title(), series(corpus, e), e.summary(), e.readingMinutes(), section);
    }

    /**
     * {@code heading} itself when its section has a paragraph; else the first heading of its subsections (those after
     * it, up to the next heading of its level or above) whose section has one; else {@code heading}.
     */
    static HeadingData withParagraph(List<HeadingData> headings, HeadingData heading) {
        int at = 0;
        while (at < headings.size() && headings.get(at) != heading) { // by identity: equals would unpack their texts
            at++;
        }
        for (int i = at; i < headings.size(); i++) {
            HeadingData h = headings.get(i);
            if (i > at && h.level() <= heading.level()) {
                break;
            }
            if (!h.firstParagraphText().isBlank()) {
                return h;
            }
        }
        return heading;
    }

    public List<MentioningEssay> mentions(CorpusSnapshot corpus, String slug) {
        essay(corpus, slug);
        var bySource = new LinkedHashMap<String, List<MentioningEssay.MentionPlace>>();
        for (MentionData m : corpus.mentions(slug)) {
            bySource.computeIfAbsent(m.source(), k -> new ArrayList<>()).add(new MentioningEssay.MentionPlace(m.term(),
                    m.text(), m.sectionId(), m.line(), new Passage(m.contextText(), m.contextHtml())));
        }
        return bySource.entrySet().stream().map(entry -> {
            EssayData source = corpus.essay(entry.getKey());
            boolean linksHere = source.outgoing().stream().anyMatch(l -> l.target().equals(slug));
            return new MentioningEssay(source.slug(), source.title(), series(corpus, source), linksHere,
                    List.copyOf(entry.getValue()));
        }).toList();
    }

    private static SeriesRef series(CorpusSnapshot corpus, EssayData e) {
        return SeriesRef.of(corpus, e.series());
    }
}
