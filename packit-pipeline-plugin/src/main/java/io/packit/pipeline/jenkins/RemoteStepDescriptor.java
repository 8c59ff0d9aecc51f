package io.packit.pipeline.jenkins;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * Descriptor of a step that only talks to Copr and Testing Farm: it needs the build, its log and its flow node,
 * never an agent, so a stage that calls it holds no executor while it waits.
 */
public abstract class RemoteStepDescriptor extends StepDescriptor {
    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, FlowNode.class);
    }
}
