package io.packit.pipeline.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Look-ups over a plan's nodes and edges, built once: node by id, edges into and out of a node, all O(1).
 */
public final class PlanIndex {
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final Map<NodeId, Node> byId;
    private final Map<NodeId, List<Edge>> into;
    private final Map<NodeId, List<Edge>> outOf;

    /** Indexes {@code nodes} and {@code edges} (kept by reference; pass immutable lists). */
    public PlanIndex(List<Node> nodes, List<Edge> edges) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.edges = Objects.requireNonNull(edges, "edges");
        var ids = new LinkedHashMap<NodeId, Node>(nodes.size() * 2);
        for (var node : nodes) {
            if (ids.put(node.id(), node) != null) {
                throw new IllegalArgumentException("duplicate node id " + node.id());
            }
        }
        var in = new HashMap<NodeId, List<Edge>>(nodes.size() * 2);
        var out = new HashMap<NodeId, List<Edge>>(nodes.size() * 2);
        for (var edge : edges) {
            in.computeIfAbsent(edge.to(), id -> new ArrayList<>(2)).add(edge);
            out.computeIfAbsent(edge.from(), id -> new ArrayList<>(2)).add(edge);
        }
        in.replaceAll((id, list) -> List.copyOf(list));
        out.replaceAll((id, list) -> List.copyOf(list));
        this.byId = Collections.unmodifiableMap(ids);
        this.into = in;
        this.outOf = out;
    }

    /** Whether this index was built from exactly these lists. */
    boolean isOf(List<Node> otherNodes, List<Edge> otherEdges) {
        return nodes == otherNodes && edges == otherEdges;
    }

    /** Nodes by id, in plan order. */
    public Map<NodeId, Node> nodesById() {
        return byId;
    }

    /** The edges into {@code id}. */
    public List<Edge> needsOf(NodeId id) {
        return into.getOrDefault(id, List.of());
    }

    /** The edges out of {@code id}. */
    public List<Edge> dependentsOf(NodeId id) {
        return outOf.getOrDefault(id, List.of());
    }

    /** Equal when built from equal nodes and edges (the index is derived from them). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PlanIndex index && nodes.equals(index.nodes) && edges.equals(index.edges);
    }

    @Override
    public int hashCode() {
        return 31 * nodes.size() + edges.size();
    }

    @Override
    public String toString() {
        return "PlanIndex[" + nodes.size() + " nodes, " + edges.size() + " edges]";
    }
}
