package io.packit.pipeline.engine;

import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copr batches for dependency-ordered builds (reference §1.7): Copr orders batches as a tree, so the builds are
 * layered by {@code depends} depth, each layer is one batch (its first build starts it, the others join it with
 * {@code with_build_id}) and the first build of layer k+1 follows layer k ({@code after_build_id}).
 */
final class BatchOrder {
    private final Map<NodeId, Integer> depth = new HashMap<>();
    private final List<NodeId> firstOfLayer = new ArrayList<>();

    private BatchOrder() {
    }

    /** The layers of the builds of {@code state}'s plan that run. */
    static BatchOrder of(RunState state) {
        var order = new BatchOrder();
        for (var node : state.plan().nodes()) {
            if (node.kind() != NodeKind.COPR_BUILD || !node.runs()) {
                continue;
            }
            int level = 0;
            for (var edge : state.needsOf(node.id())) {
                if (edge.kind() == EdgeKind.DEPENDS && order.depth.containsKey(edge.from())) {
                    level = Math.max(level, order.depth.get(edge.from()) + 1);
                }
            }
            order.depth.put(node.id(), level);
            if (order.firstOfLayer.size() == level) {
                order.firstOfLayer.add(node.id());
            }
        }
        return order;
    }

    /** The layer of {@code build}. */
    int layerOf(NodeId build) {
        var level = depth.get(build);
        if (level == null) {
            throw new IllegalArgumentException(build + " is not a running build of the plan");
        }
        return level;
    }

    /** Which build {@code build} is submitted relative to; empty for the very first build. */
    Optional<Anchor> anchorOf(NodeId build) {
        int level = layerOf(build);
        var first = firstOfLayer.get(level);
        if (!first.equals(build)) {
            return Optional.of(new Anchor(first, true));
        }
        return level == 0 ? Optional.empty() : Optional.of(new Anchor(firstOfLayer.get(level - 1), false));
    }

    /**
     * How a build is ordered.
     *
     * @param build the build it refers to
     * @param joins true: {@code with_build_id} (same batch); false: {@code after_build_id} (the next batch)
     */
    record Anchor(NodeId build, boolean joins) {
    }
}
