package io.packit.pipeline.jenkins;

import hudson.Extension;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code packitTestingFarm(node: 'tests:A:tests1@fedora-41-x86_64', needs: [...], target: '...')}: one Testing
 * Farm request, its results published to the build's test report ({@link StepCatalog#TESTING_FARM}).
 */
public class PackitTestingFarmStep extends PackitNodeStep {
    private String target = "";

    /** The step for plan node {@code node}. */
    @DataBoundConstructor
    public PackitTestingFarmStep(String node) {
        super(node);
    }

    /** {@link StepCatalog#ARG_TARGET}: the Testing Farm target as the plan resolved it; empty when not written. */
    public String getTarget() {
        return target;
    }

    /** Sets {@link StepCatalog#ARG_TARGET}. */
    @DataBoundSetter
    public void setTarget(String target) {
        this.target = StepCall.textArgument(StepCatalog.ARG_TARGET, target);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NodeStepExecution(context, StepCatalog.TESTING_FARM, List.of(getNode()), getNeeds(), List.of(),
                target);
    }

    /** Registers {@link StepCatalog#TESTING_FARM}. */
    @Extension
    public static final class DescriptorImpl extends RemoteStepDescriptor {
        @Override
        public String getFunctionName() {
            return StepCatalog.TESTING_FARM;
        }

        @Override
        public String getDisplayName() {
            return "Packit: run a Testing Farm request";
        }
    }
}
