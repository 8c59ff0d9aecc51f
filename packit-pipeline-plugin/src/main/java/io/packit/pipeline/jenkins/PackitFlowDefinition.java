package io.packit.pipeline.jenkins;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Descriptor;
import hudson.model.DescriptorVisibilityFilter;
import hudson.model.TaskListener;
import io.packit.pipeline.render.RuntimePipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.jenkinsci.plugins.workflow.flow.FlowDefinitionDescriptor;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;

/**
 * The pipeline of a branch project made by {@link PackitBranchProjectFactory}: when a build starts, it reads
 * {@code .packit.yaml} from the branch's trusted revision, renders it with the core, and runs the script in the
 * Groovy sandbox. No Jenkinsfile is kept in the repository. The config read is attached to the build
 * ({@link PackitRunAction}), so its steps run exactly what was rendered.
 */
public class PackitFlowDefinition extends FlowDefinition {
    private final String configFile;

    /** Reads {@code configFile} (a repository path). */
    public PackitFlowDefinition(String configFile) {
        this.configFile = configFile;
    }

    /** The config's repository path. */
    public String getConfigFile() {
        return configFile;
    }

    @Override
    public FlowExecution create(FlowExecutionOwner owner, TaskListener listener, List<? extends Action> actions)
            throws Exception {
        if (!(owner.getExecutable() instanceof WorkflowRun run)) {
            throw new IllegalStateException("a packit pipeline runs only as a Pipeline build, not as "
                    + owner.getExecutable());
        }
        var trusted = TrustedFile.read(run, configFile, listener);
        // the pipeline is rendered with the table the build's steps then plan with, so their nodes agree
        var releases = BuildReleaseTable.resolve(run, listener);
        var config = RuntimePipeline.load(configFile, trusted.content().getBytes(StandardCharsets.UTF_8),
                trusted.repository(), releases.table());
        var script = RuntimePipeline.render(config);
        run.addOrReplaceAction(PackitRunAction.forConfig(configFile, trusted, releases));
        listener.getLogger().println("Rendered the pipeline from " + configFile + " (" + config.digest() + ") at "
                + trusted.origin());
        return new CpsFlowDefinition(script, true).create(owner, listener, actions);
    }

    /** Registers the definition; it is offered only on branch projects of a multibranch project. */
    @Extension
    public static class DescriptorImpl extends FlowDefinitionDescriptor {
        @Override
        public String getDisplayName() {
            return "Pipeline rendered from .packit.yaml";
        }
    }

    /** Hides {@link DescriptorImpl} on standalone jobs, as workflow-multibranch hides its own binder. */
    @Extension
    public static class HideElsewhere extends DescriptorVisibilityFilter {
        @Override
        @SuppressWarnings("rawtypes")
        public boolean filter(Object context, Descriptor descriptor) {
            if (descriptor instanceof DescriptorImpl) {
                return context instanceof WorkflowJob job && job.getParent() instanceof WorkflowMultiBranchProject;
            }
            return true;
        }
    }
}
