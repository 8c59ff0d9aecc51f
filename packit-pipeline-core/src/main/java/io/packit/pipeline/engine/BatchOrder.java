package io.packit.pipeline.engine;

import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Copr batches for dependency-ordered builds (reference §1.7): Copr orders batches as a tree, so the builds are
 * layered by {@code depends} depth, each layer is one batch (its first submitted build starts it, the others join it
 * with {@code with_build_id}) and the first submitted build of layer k+1 follows layer k ({@code after_build_id}).
 * A build that submits nothing (every chroot reused) is left out of the batches: the next build of its layer starts
 * the batch, and a layer with no submitted build is passed over for the one below it.
 */
final class BatchOrder {
    private final Map<NodeId, Integer> depth = new HashMap<>();
    private final List<List<NodeId>> layers = new ArrayList<>();

    private BatchOrder() {
    }

    /** Where a build stands for the batches. */
    enum Standing {
        /** It has a Copr build: others may be ordered relative to it. */
        SUBMITTED,
        /** It ended without submitting anything (reused, or skipped): nothing to order relative to. */
        NOTHING_SUBMITTED,
        /** Not known yet: whoever would be ordered relative to it waits. */
        OPEN
    }

    /** How a build is submitted. */
    sealed interface Placement permits Placement.Free, Placement.Wait, Placement.Anchor {
        /** In no batch: the first submitted build of the lowest layer. */
        record Free() implements Placement {
        }

        /** Not yet: a build it would be ordered relative to is still open. */
        record Wait() implements Placement {
        }

        /**
         * Relative to {@code build}.
         *
         * @param build the build it refers to
         * @param joins true: {@code with_build_id} (same batch); false: {@code after_build_id} (the next batch)
         */
        record Anchor(NodeId build, boolean joins) implements Placement {
            public Anchor {
                Objects.requireNonNull(build, "build");
            }
        }
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
            while (order.layers.size() <= level) {
                order.layers.add(new ArrayList<>());
            }
            order.layers.get(level).add(node.id());
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

    /**
     * How {@code build} is submitted, given where the other builds stand: it joins the first submitted build before
     * it in its layer; else it follows the first submitted build of the nearest layer below that has one; else it is
     * free. While a build it would pass over is open, it waits.
     */
    Placement placementOf(NodeId build, Function<NodeId, Standing> standing) {
        int level = layerOf(build);
        for (var other : layers.get(level)) {
            if (other.equals(build)) {
                break;
            }
            var placement = placement(other, true, standing);
            if (placement.isPresent()) {
                return placement.get();
            }
        }
        for (int lower = level - 1; lower >= 0; lower--) {
            for (var other : layers.get(lower)) {
                var placement = placement(other, false, standing);
                if (placement.isPresent()) {
                    return placement.get();
                }
            }
        }
        return new Placement.Free();
    }

    /** Relative to {@code other}, or wait for it; empty when it submitted nothing and is passed over. */
    private static Optional<Placement> placement(NodeId other, boolean joins, Function<NodeId, Standing> standing) {
        switch (standing.apply(other)) {
            case SUBMITTED:
                return Optional.of(new Placement.Anchor(other, joins));
            case OPEN:
                return Optional.of(new Placement.Wait());
            default:
                return Optional.empty();
        }
    }
}
