package io.packit.pipeline.jenkins;

import hudson.Extension;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code packitGroup(nodes: ['package:A', 'job:B:build1', ...])}: several plan nodes in one stage, each started
 * as soon as its own needs succeeded ({@link StepCatalog#GROUP}).
 */
public class PackitGroupStep extends Step {
    private final List<String> nodes;

    /** The step for the nodes chosen by {@code nodes} (node ids or {@code job:}/{@code package:} selectors). */
    @DataBoundConstructor
    public PackitGroupStep(List<String> nodes) {
        this.nodes = new ArrayList<>(StepCall.listArgument(StepCatalog.ARG_NODES, nodes));
    }

    /** {@link StepCatalog#ARG_NODES}: the selectors. */
    public List<String> getNodes() {
        return nodes;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NodeStepExecution(context, StepCatalog.GROUP, nodes, List.of(), List.of(), "");
    }

    /** Registers {@link StepCatalog#GROUP}. */
    @Extension
    public static final class DescriptorImpl extends RemoteStepDescriptor {
        @Override
        public String getFunctionName() {
            return StepCatalog.GROUP;
        }

        @Override
        public String getDisplayName() {
            return "Packit: run several plan nodes in one stage";
        }
    }
}
