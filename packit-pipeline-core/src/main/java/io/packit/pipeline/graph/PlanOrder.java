package io.packit.pipeline.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The order of a finished plan: nodes in topological order (always the ready node made first: stable and
 * readable), edges without duplicates sorted by target then source, and skips propagated with their root cause.
 *
 * @param nodes the nodes in plan order
 * @param edges the edges in plan order
 */
record PlanOrder(List<Node> nodes, List<Edge> edges) {
    PlanOrder {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The order of {@code made}; {@code file} names the config in the error a cycle (a planner bug) raises. */
    static PlanOrder of(PlanNodes made, String file) {
        var nodes = made.nodes();
        var position = made.positions();
        int count = nodes.size();
        var indegree = new int[count];
        var outgoing = new ArrayList<List<Integer>>(count);
        for (int i = 0; i < count; i++) {
            outgoing.add(new ArrayList<>(2));
        }
        var seen = new HashSet<Edge>();
        var edges = new ArrayList<Edge>(made.edges().size());
        for (var edge : made.edges()) {
            Integer from = position.get(edge.from());
            Integer to = position.get(edge.to());
            if (from == null || to == null || !seen.add(edge)) {
                continue;
            }
            edges.add(edge);
            outgoing.get(from).add(to);
            indegree[to]++;
        }
        var ready = new PriorityQueue<Integer>();
        for (int i = 0; i < count; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        var ordered = new ArrayList<Node>(count);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(nodes.get(next));
            for (int to : outgoing.get(next)) {
                if (--indegree[to] == 0) {
                    ready.add(to);
                }
            }
        }
        if (ordered.size() != count) {
            throw new IllegalStateException("the job graph of " + file + " has a cycle among "
                    + (count - ordered.size()) + " nodes; this is a planner bug");
        }
        var edgeOrder = new HashMap<NodeId, Integer>(count * 2);
        for (int i = 0; i < ordered.size(); i++) {
            edgeOrder.put(ordered.get(i).id(), i);
        }
        edges.sort(Comparator.<Edge>comparingInt(edge -> edgeOrder.get(edge.to()))
                .thenComparingInt(edge -> edgeOrder.get(edge.from()))
                .thenComparing(Edge::chroot));
        return new PlanOrder(propagateSkips(ordered, edges), edges);
    }

    /**
     * A node that needs a node which does not run does not run either, with the root cause named:
     * {@code copr_build:A:b does not run: manual job not requested}.
     */
    private static List<Node> propagateSkips(List<Node> ordered, List<Edge> edges) {
        var into = new HashMap<NodeId, List<Edge>>(ordered.size() * 2);
        for (var edge : edges) {
            into.computeIfAbsent(edge.to(), id -> new ArrayList<>(2)).add(edge);
        }
        var rootCause = new HashMap<NodeId, String>();
        var result = new ArrayList<Node>(ordered.size());
        for (var node : ordered) {
            var reason = node.skipReason();
            if (!reason.isEmpty()) {
                rootCause.put(node.id(), node.id() + " does not run: " + reason);
            } else {
                for (var edge : into.getOrDefault(node.id(), List.of())) {
                    var cause = rootCause.get(edge.from());
                    if (cause != null) {
                        reason = cause;
                        rootCause.put(node.id(), cause);
                        node = node.withSkipReason(reason);
                        break;
                    }
                }
            }
            result.add(node);
        }
        return result;
    }
}
