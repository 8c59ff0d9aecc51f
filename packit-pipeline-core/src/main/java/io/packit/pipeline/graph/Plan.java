package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job graph for one event: nodes in a topological order (stable: same config and event, same order), and
 * the edges between them.
 *
 * @param config       the config it was planned from
 * @param event        the event it was planned for
 * @param nodes        every node, topologically ordered
 * @param edges        every edge
 * @param criticalPath the critical path under the estimates used
 */
public record Plan(PackitConfig config, Event event, List<Node> nodes, List<Edge> edges, CriticalPath criticalPath) {
    public Plan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(event, "event");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Objects.requireNonNull(criticalPath, "criticalPath");
    }

    /** Nodes by id, in plan order. */
    public Map<NodeId, Node> nodesById() {
        var byId = new LinkedHashMap<NodeId, Node>();
        nodes.forEach(node -> byId.put(node.id(), node));
        return Collections.unmodifiableMap(byId);
    }

    /** The node with {@code id}, if any. */
    public Optional<Node> find(NodeId id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** The edges into {@code id}: what it waits for. */
    public List<Edge> needsOf(NodeId id) {
        return edges.stream().filter(edge -> edge.to().equals(id)).toList();
    }

    /** The edges out of {@code id}: who waits for it. */
    public List<Edge> dependentsOf(NodeId id) {
        return edges.stream().filter(edge -> edge.from().equals(id)).toList();
    }
}
