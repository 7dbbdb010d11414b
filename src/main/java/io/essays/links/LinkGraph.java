package io.essays.links;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.essays.corpus.CorpusSnapshot;

/**
 * The cross-link graph of one snapshot: one edge per distinct (source, target) pair of stored links, weighted by the
 * number of links. Built once per snapshot ({@link CorpusSnapshot#derived}) from the links loaded with it.
 */
final class LinkGraph {
    /** All links from one essay to another. */
    record Edge(String source, String target, int weight) {
    }

    private final Map<String, Integer> readingOrder = new HashMap<>();
    private final List<Edge> edges;
    private final Map<String, List<String>> neighbours = new HashMap<>();
    private final Map<String, Integer> inDegree = new HashMap<>();
    private final Map<String, Integer> outDegree = new HashMap<>();

    private LinkGraph(CorpusSnapshot corpus) {
        List<CorpusSnapshot.EssayData> essays = corpus.essays();
        for (int i = 0; i < essays.size(); i++) {
            readingOrder.put(essays.get(i).slug(), i);
        }
        Comparator<String> byReadingOrder = Comparator.comparing(readingOrder::get);
        var all = new ArrayList<Edge>();
        for (CorpusSnapshot.EssayData e : essays) {
            var weights = new TreeMap<String, Integer>(byReadingOrder);
            e.outgoing().forEach(l -> weights.merge(l.target(), 1, Integer::sum));
            weights.forEach((target, weight) -> all.add(new Edge(e.slug(), target, weight)));
            outDegree.put(e.slug(), weights.size());
        }
        this.edges = List.copyOf(all);
        var adjacent = new HashMap<String, TreeSet<String>>();
        essays.forEach(e -> adjacent.put(e.slug(), new TreeSet<>(byReadingOrder)));
        for (Edge edge : edges) {
            inDegree.merge(edge.target(), 1, Integer::sum);
            adjacent.get(edge.source()).add(edge.target());
            adjacent.get(edge.target()).add(edge.source());
        }
        adjacent.forEach((slug, set) -> neighbours.put(slug, List.copyOf(set)));
    }

    static LinkGraph of(CorpusSnapshot corpus) {
        return new LinkGraph(corpus);
    }

    /** Every edge, by source then target in reading order. */
    List<Edge> edges() {
        return edges;
    }

    int inDegree(String slug) {
        return inDegree.getOrDefault(slug, 0);
    }

    int outDegree(String slug) {
        return outDegree.getOrDefault(slug, 0);
    }

    int readingOrder(String slug) {
        return readingOrder.get(slug);
    }

    /** The essays at most {@code depth} links away from {@code centre}, links followed either way, with distances. */
    Map<String, Integer> neighbourhood(String centre, int depth) {
        var distances = new LinkedHashMap<String, Integer>();
        distances.put(centre, 0);
        var queue = new ArrayDeque<>(List.of(centre));
        while (!queue.isEmpty()) {
            String slug = queue.poll();
            int d = distances.get(slug);
            if (d == depth) {
                continue;
            }
            for (String next : neighbours.get(slug)) {
                if (distances.putIfAbsent(next, d + 1) == null) {
                    queue.add(next);
                }
            }
        }
        return distances;
    }
}
