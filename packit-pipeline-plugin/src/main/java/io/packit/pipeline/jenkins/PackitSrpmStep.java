package io.packit.pipeline.jenkins;

import hudson.Extension;
import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code packitSrpm(node: 'srpm:A:build1', needs: [...])}: submits the Copr build of the node's package and job
 * and waits for its SRPM phase ({@link StepCatalog#SRPM}).
 */
public class PackitSrpmStep extends PackitNodeStep {
    /** The step for plan node {@code node}. */
    @DataBoundConstructor
    public PackitSrpmStep(String node) {
        super(node);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NodeStepExecution(context, StepCatalog.SRPM, List.of(getNode()), getNeeds(), List.of(), "");
    }

    /** Registers {@link StepCatalog#SRPM}. */
    @Extension
    public static final class DescriptorImpl extends RemoteStepDescriptor {
        @Override
        public String getFunctionName() {
            return StepCatalog.SRPM;
        }

        @Override
        public String getDisplayName() {
            return "Packit: submit a Copr build and wait for its SRPM";
        }
    }
}
