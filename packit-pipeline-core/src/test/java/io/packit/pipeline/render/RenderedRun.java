package io.packit.pipeline.render;

import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.JenkinsfileTree.Block;
import io.packit.pipeline.steps.NodeSelector;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Simulates a run of a rendered Jenkinsfile the way Jenkins and the plugin's steps would run it: every branch of
 * the {@code parallel} starts at 0, the stages of a branch run in order, a step starts its node when the stage
 * starts and every {@code needs:} entry has ended, and a {@link StepCatalog#GROUP} step starts each selected node
 * when the stage started and that node's own plan needs have ended. Node durations are given; the result holds
 * each node's start and end.
 */
public final class RenderedRun {
    private record Leaf(Leaf previous, String step, List<NodeId> nodes, List<String> needs) {
    }

    private final Plan plan;
    private final ToLongFunction<Node> duration;
    private final Map<NodeId, Node> byId;
    private final Map<NodeId, Leaf> leafOf = new HashMap<>();
    private final Map<NodeId, List<Edge>> planNeeds = new HashMap<>();
    private final Map<NodeId, Long> starts = new HashMap<>();
    private final Map<NodeId, Long> ends = new HashMap<>();
    private final Map<Leaf, Long> stageEnds = new HashMap<>();
    private final Set<Object> inProgress = new HashSet<>();

    private RenderedRun(Plan plan, ToLongFunction<Node> duration) {
        this.plan = plan;
        this.duration = duration;
        this.byId = plan.nodesById();
        plan.edges().forEach(edge -> planNeeds.computeIfAbsent(edge.to(), id -> new ArrayList<>()).add(edge));
    }

    /** Runs {@code tree}, rendered from {@code plan}, with the given node durations. */
    public static RenderedRun of(JenkinsfileTree tree, Plan plan, ToLongFunction<Node> duration) {
        var run = new RenderedRun(plan, duration);
        run.read(tree);
        plan.nodes().forEach(node -> run.end(node.id()));
        return run;
    }

    /** When {@code id} started. */
    public long start(NodeId id) {
        return starts.get(id);
    }

    /** When {@code id} ended. */
    public long end(NodeId id) {
        var known = ends.get(id);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(id)) {
            throw new IllegalStateException("the rendered structure waits in a cycle through " + id);
        }
        var leaf = leafOf.get(id);
        if (leaf == null) {
            throw new IllegalStateException("node " + id + " is not rendered in any stage");
        }
        long start = stageStart(leaf);
        if (leaf.step().equals(StepCatalog.GROUP)) {
            for (var edge : planNeeds.getOrDefault(id, List.of())) {
                start = Math.max(start, end(edge.from()));
            }
        } else {
            for (var need : leaf.needs()) {
                // a need naming a node of the plan is that whole node (ids of per-branch release nodes end in
                // @<branch>); otherwise it is one chroot of a build
                var named = NodeId.parse(need);
                start = Math.max(start, end(byId.containsKey(named) ? named : named.withoutChroot()));
            }
        }
        long end = start + duration.applyAsLong(byId.get(id));
        starts.put(id, start);
        ends.put(id, end);
        inProgress.remove(id);
        return end;
    }

    /** When the last node ended. */
    public long makespan() {
        return ends.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private long stageStart(Leaf leaf) {
        if (leaf.previous() == null) {
            return 0;
        }
        var known = stageEnds.get(leaf.previous());
        if (known != null) {
            return known;
        }
        long end = stageStart(leaf.previous());
        for (var id : leaf.previous().nodes()) {
            end = Math.max(end, end(id));
        }
        stageEnds.put(leaf.previous(), end);
        return end;
    }

    private void read(JenkinsfileTree tree) {
        var outer = tree.pipeline().one("stages").orElseThrow().one("stage").orElseThrow();
        var parallel = outer.one("parallel");
        if (parallel.isEmpty()) {
            return;
        }
        for (var branch : parallel.get().children()) {
            var sequence = branch.one("stages").map(Block::children).orElse(List.of(branch));
            Leaf previous = null;
            for (var stage : sequence) {
                var call = stage.one("steps").orElseThrow().children().get(0);
                List<NodeId> nodes;
                if (call.name().equals(StepCatalog.GROUP)) {
                    var selectors = call.strings(StepCatalog.ARG_NODES).orElseThrow().stream()
                            .map(NodeSelector::new).toList();
                    nodes = NodeSelector.select(plan, selectors).stream().map(Node::id).toList();
                } else {
                    nodes = List.of(NodeId.parse(call.string(StepCatalog.ARG_NODE).orElseThrow()));
                }
                var leaf = new Leaf(previous, call.name(), nodes, call.strings(StepCatalog.ARG_NEEDS).orElse(List.of()));
                for (var id : nodes) {
                    if (!byId.containsKey(id)) {
                        throw new IllegalStateException("stage runs " + id + ", which is not in the plan");
                    }
                    if (leafOf.put(id, leaf) != null) {
                        throw new IllegalStateException("node " + id + " is rendered twice");
                    }
                }
                previous = leaf;
            }
        }
    }
}
