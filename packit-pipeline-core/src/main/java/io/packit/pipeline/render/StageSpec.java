package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.RunCondition;
import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import java.util.Objects;

/**
 * One leaf stage of a rendered Jenkinsfile: its name, the step it calls and what that step runs and waits for.
 *
 * @param name      the stage name (unique in the file)
 * @param step      the step name, one of {@link StepCatalog#STEPS}
 * @param nodes     the plan nodes the stage runs (one, except for {@link StepCatalog#GROUP})
 * @param selectors {@link StepCatalog#GROUP}: the {@code nodes:} selectors written; empty otherwise
 * @param needs     the {@code needs:} written (node ids or chroot-level needs); empty for groups
 * @param condition when the stage runs (every node of the stage shares it)
 */
public record StageSpec(
        String name, String step, List<NodeId> nodes, List<String> selectors, List<String> needs,
        RunCondition condition) {
    public StageSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(step, "step");
        nodes = List.copyOf(nodes);
        selectors = List.copyOf(selectors);
        needs = List.copyOf(needs);
        Objects.requireNonNull(condition, "condition");
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("stage '" + name + "' runs no node");
        }
    }

    /** Whether the stage needs an agent (it runs the {@code packit} command line). */
    public boolean needsAgent() {
        return step.equals(StepCatalog.CLI);
    }
}
