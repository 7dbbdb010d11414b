package io.essays.links;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.essays.essay.SeriesRef;

/** The cross-link graph, or part of it: essays as nodes, linked pairs as weighted edges. */
@Schema(description = "The cross-link graph or a part of it. Edges are exactly the distinct (source, target) pairs "
        + "of cross-links between the nodes; there are no self-loops")
public record EssayGraph(
        @Schema(description = "Essays; in reading order, or by distance then reading order in a neighbourhood") List<GraphNode> nodes,
        @Schema(description = "Linked pairs, by source then target in reading order") List<GraphEdge> edges) {

    /** An essay in the graph with its degrees in the whole corpus graph. */
    @Schema(description = "An essay in the graph")
    public record GraphNode(
            @Schema(examples = "softmax") String slug,
            @Schema(examples = "The Softmax Function") String title,
            SeriesRef series,
            @Schema(description = "Number of distinct essays linking to this one, in the whole corpus", examples = "5") int inDegree,
            @Schema(description = "Number of distinct essays this one links to, in the whole corpus", examples = "8") int outDegree,
            @Schema(description = "Only in neighbourhood graphs: hops from the centre essay, links followed either way",
                    examples = "1", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer distance) {
    }

    /** All links from one essay to another, as one edge. */
    @Schema(description = "All cross-links from one essay to another")
    public record GraphEdge(
            @Schema(examples = "softmax") String source,
            @Schema(examples = "cross-entropy") String target,
            @Schema(description = "Number of links from source to target", examples = "3") int weight) {
    }
}
