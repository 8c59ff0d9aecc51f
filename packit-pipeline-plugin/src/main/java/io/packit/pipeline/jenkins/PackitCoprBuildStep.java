package io.packit.pipeline.jenkins;

import hudson.Extension;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code packitCoprBuild(node: 'copr_build:A:build1', needs: [...], chroots: [...])}: waits for every chroot of
 * the node's Copr build, reporting each as it ends ({@link StepCatalog#COPR_BUILD}).
 */
public class PackitCoprBuildStep extends PackitNodeStep {
    private List<String> chroots = List.of();

    /** The step for plan node {@code node}. */
    @DataBoundConstructor
    public PackitCoprBuildStep(String node) {
        super(node);
    }

    /** {@link StepCatalog#ARG_CHROOTS}: the chroots as the plan resolved them; empty when not written. */
    public List<String> getChroots() {
        return chroots;
    }

    /** Sets {@link StepCatalog#ARG_CHROOTS}. */
    @DataBoundSetter
    public void setChroots(List<String> chroots) {
        this.chroots = new ArrayList<>(StepCall.listArgument(StepCatalog.ARG_CHROOTS, chroots));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NodeStepExecution(context, StepCatalog.COPR_BUILD, List.of(getNode()), getNeeds(), chroots, "");
    }

    /** Registers {@link StepCatalog#COPR_BUILD}. */
    @Extension
    public static final class DescriptorImpl extends RemoteStepDescriptor {
        @Override
        public String getFunctionName() {
            return StepCatalog.COPR_BUILD;
        }

        @Override
        public String getDisplayName() {
            return "Packit: wait for a Copr build, chroot by chroot";
        }
    }
}
