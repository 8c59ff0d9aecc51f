package io.packit.pipeline.render;

import io.packit.pipeline.graph.CriticalPath;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.function.Function;

/** The longest path of a plan under given node durations (the reference the simulations compare against). */
public final class LongestPath {
    private LongestPath() {
    }

    /** The critical path of {@code plan} when each node takes {@code duration.apply(node)}. */
    public static CriticalPath of(Plan plan, Function<Node, Duration> duration) {
        var finish = new HashMap<NodeId, Duration>();
        var previous = new HashMap<NodeId, NodeId>();
        NodeId last = null;
        var best = Duration.ZERO;
        var needs = new HashMap<NodeId, java.util.List<io.packit.pipeline.graph.Edge>>();
        plan.edges().forEach(edge -> needs.computeIfAbsent(edge.to(), id -> new ArrayList<>()).add(edge));
        for (var node : plan.nodes()) {
            var start = Duration.ZERO;
            NodeId from = null;
            for (var edge : needs.getOrDefault(node.id(), java.util.List.of())) {
                var before = finish.get(edge.from());
                if (before == null) {
                    throw new IllegalArgumentException("plan not topologically ordered at " + edge);
                }
                if (before.compareTo(start) > 0) {
                    start = before;
                    from = edge.from();
                }
            }
            var end = start.plus(duration.apply(node));
            finish.put(node.id(), end);
            if (from != null) {
                previous.put(node.id(), from);
            }
            if (last == null || end.compareTo(best) > 0) {
                best = end;
                last = node.id();
            }
        }
        if (last == null) {
            return CriticalPath.EMPTY;
        }
        var chain = new ArrayList<NodeId>();
        for (var id = last; id != null; id = previous.get(id)) {
            chain.add(id);
        }
        Collections.reverse(chain);
        return new CriticalPath(chain, best);
    }
}
