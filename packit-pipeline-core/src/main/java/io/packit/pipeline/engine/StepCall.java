package io.packit.pipeline.engine;

import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.steps.NodeSelector;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One call of a pipeline step as a Jenkinsfile wrote it ({@link StepCatalog}), checked against the plan the run
 * is made of: the Jenkins plugin hands its step's arguments here and runs the nodes {@link #resolve} names.
 *
 * @param step    the step name, one of {@link StepCatalog#STEPS}
 * @param nodes   {@link StepCatalog#ARG_NODE} as a one-element list, or the selectors of {@link StepCatalog#GROUP}
 * @param needs   {@link StepCatalog#ARG_NEEDS}; empty when not written
 * @param chroots {@link StepCatalog#ARG_CHROOTS}; empty when not written
 * @param target  {@link StepCatalog#ARG_TARGET}; empty when not written
 */
public record StepCall(String step, List<String> nodes, List<String> needs, List<String> chroots, String target) {
    public StepCall {
        Objects.requireNonNull(step, "step");
        nodes = listArgument(StepCatalog.GROUP.equals(step) ? StepCatalog.ARG_NODES : StepCatalog.ARG_NODE, nodes);
        needs = listArgument(StepCatalog.ARG_NEEDS, needs);
        chroots = listArgument(StepCatalog.ARG_CHROOTS, chroots);
        target = textArgument(StepCatalog.ARG_TARGET, target);
        if (!StepCatalog.STEPS.contains(step)) {
            throw new IllegalArgumentException("unknown packit step '" + step + "' (expected one of: "
                    + String.join(", ", StepCatalog.STEPS) + ")");
        }
    }

    /**
     * A list argument of a step as the Jenkinsfile passed it, copied.
     *
     * @throws IllegalArgumentException naming the argument when it, or one of its elements, is null (written
     *                                  {@code needs: null}, say): a step needs a list of strings there
     */
    public static List<String> listArgument(String argument, List<String> value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + argument + "' must be a list of strings, not null");
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new IllegalArgumentException("'" + argument + "' must be a list of strings, but element "
                        + (i + 1) + " of " + value.size() + " is null");
            }
        }
        return List.copyOf(value);
    }

    /**
     * A text argument of a step as the Jenkinsfile passed it.
     *
     * @throws IllegalArgumentException naming the argument when it is null
     */
    public static String textArgument(String argument, String value) {
        if (value == null) {
            throw new IllegalArgumentException("'" + argument + "' must be a string, not null");
        }
        return value;
    }

    /**
     * The plan nodes this call runs, in plan order.
     *
     * @throws IllegalArgumentException naming every way the call disagrees with the plan (a node the plan does
     *                                  not have, a node of another kind, a need that is no edge of the plan,
     *                                  chroots or a target the plan resolved differently): the Jenkinsfile was
     *                                  not rendered from this config
     */
    public List<NodeId> resolve(RunState state) {
        var problems = new ArrayList<String>();
        var resolved = StepCatalog.GROUP.equals(step) ? selectGroup(state, problems) : selectOne(state, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(step + ": the Jenkinsfile does not match " + state.plan().config().file()
                    + ": " + String.join("; ", problems));
        }
        return resolved;
    }

    private List<NodeId> selectGroup(RunState state, List<String> problems) {
        var selectors = new ArrayList<NodeSelector>();
        for (var text : nodes) {
            try {
                selectors.add(new NodeSelector(text));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            return List.of();
        }
        var selected = NodeSelector.select(state.plan(), selectors);
        if (selected.isEmpty()) {
            problems.add("nodes " + nodes + " select no node of the plan");
        }
        selected.stream()
                .filter(node -> node.kind().runsPackitCli())
                .forEach(node -> problems.add("node " + node.id() + " runs the packit command line and is never grouped"));
        return selected.stream().map(Node::id).toList();
    }

    private List<NodeId> selectOne(RunState state, List<String> problems) {
        if (nodes.size() != 1) {
            problems.add("expected one node, got " + nodes);
            return List.of();
        }
        NodeId id;
        try {
            id = NodeId.parse(nodes.get(0));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        var node = state.plan().find(id);
        if (node.isEmpty()) {
            problems.add("the plan has no node " + id);
            return List.of();
        }
        if (!runsKind(id.kind())) {
            problems.add("node " + id + " is a " + id.kind() + " node, which " + step + " does not run");
        }
        var planNeeds = state.plan().needsOf(id).stream().map(edge -> edge.need()).toList();
        needs.stream()
                .filter(need -> !planNeeds.contains(need))
                .forEach(need -> problems.add("node " + id + " does not need " + need + " (its needs: " + planNeeds + ")"));
        if (!chroots.isEmpty() && !chroots.equals(node.get().chroots())) {
            problems.add("node " + id + " builds " + node.get().chroots() + ", not " + chroots);
        }
        if (!target.isEmpty() && !target.equals(node.get().testTarget())) {
            problems.add("node " + id + " tests on " + node.get().testTarget() + ", not " + target);
        }
        return List.of(id);
    }

    private boolean runsKind(NodeKind kind) {
        return StepCatalog.stepOf(kind).equals(step);
    }
}
