package io.packit.pipeline.jenkins;

import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The arguments every one-node step takes: {@link StepCatalog#ARG_NODE} and {@link StepCatalog#ARG_NEEDS}.
 */
public abstract class PackitNodeStep extends Step {
    private final String node;
    private List<String> needs = List.of();

    /** A step for plan node {@code node}. */
    protected PackitNodeStep(String node) {
        this.node = StepCall.textArgument(StepCatalog.ARG_NODE, node);
    }

    /** {@link StepCatalog#ARG_NODE}: the plan node id. */
    public String getNode() {
        return node;
    }

    /** {@link StepCatalog#ARG_NEEDS}: what the node waits for besides the stage before it. */
    public List<String> getNeeds() {
        return needs;
    }

    /** Sets {@link StepCatalog#ARG_NEEDS}. */
    @DataBoundSetter
    public void setNeeds(List<String> needs) {
        this.needs = new ArrayList<>(StepCall.listArgument(StepCatalog.ARG_NEEDS, needs));
    }
}
