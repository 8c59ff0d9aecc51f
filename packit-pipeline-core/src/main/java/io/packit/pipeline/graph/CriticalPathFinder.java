package io.packit.pipeline.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;

/** The longest chain of running nodes in a topologically ordered plan, by estimated duration. */
final class CriticalPathFinder {
    private CriticalPathFinder() {
    }

    /** The critical path over the running nodes of {@code nodes} (topologically ordered), through {@code index}. */
    static CriticalPath find(List<Node> nodes, PlanIndex index, DurationEstimates estimates) {
        var finish = new HashMap<NodeId, Long>(nodes.size() * 2);
        var previous = new HashMap<NodeId, NodeId>();
        NodeId last = null;
        long best = -1;
        for (var node : nodes) {
            if (!node.runs()) {
                continue;
            }
            long start = 0;
            NodeId from = null;
            for (var edge : index.needsOf(node.id())) {
                var before = finish.get(edge.from());
                if (before != null && before > start) {
                    start = before;
                    from = edge.from();
                }
            }
            long end = start + estimates.of(node.kind()).toSeconds();
            finish.put(node.id(), end);
            if (from != null) {
                previous.put(node.id(), from);
            }
            if (end > best) {
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
        return new CriticalPath(chain, Duration.ofSeconds(best));
    }
}
