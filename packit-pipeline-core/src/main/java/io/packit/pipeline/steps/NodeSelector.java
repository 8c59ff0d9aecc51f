package io.packit.pipeline.steps;

import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the {@code nodes:} argument of {@link StepCatalog#GROUP}: a node id
 * ({@code tests:A:tests1@fedora-41-x86_64}), {@code job:<package>:<job>} or {@code package:<package>}.
 *
 * @param text the selector as written in the Jenkinsfile
 */
public record NodeSelector(String text) {
    public NodeSelector {
        Objects.requireNonNull(text, "text");
        if (text.startsWith(StepCatalog.SELECT_PACKAGE)) {
            requirePart(text.substring(StepCatalog.SELECT_PACKAGE.length()), text);
        } else if (text.startsWith(StepCatalog.SELECT_JOB)) {
            var parts = text.substring(StepCatalog.SELECT_JOB.length()).split(":", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a job selector (job:<package>:<job>): '" + text + "'");
            }
            requirePart(parts[0], text);
            requirePart(parts[1], text);
        } else {
            NodeId.parse(text);
        }
    }

    /** Whether {@code node} is selected. */
    public boolean matches(Node node) {
        var id = node.id();
        if (text.startsWith(StepCatalog.SELECT_PACKAGE)) {
            return id.packageName().equals(text.substring(StepCatalog.SELECT_PACKAGE.length()));
        }
        if (text.startsWith(StepCatalog.SELECT_JOB)) {
            return text.equals(StepCatalog.selectJob(id.packageName(), id.job()));
        }
        return id.toString().equals(text);
    }

    /** The nodes of {@code plan} selected by any of {@code selectors}, in plan order. */
    public static List<Node> select(Plan plan, List<NodeSelector> selectors) {
        return plan.nodes().stream().filter(node -> selectors.stream().anyMatch(s -> s.matches(node))).toList();
    }

    private static void requirePart(String part, String text) {
        if (!NodeId.isSafePart(part)) {
            throw new IllegalArgumentException("selector '" + text + "' has an unsafe part '" + part + "'");
        }
    }
}
