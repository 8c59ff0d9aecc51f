package io.packit.pipeline.jenkins;

import hudson.Extension;
import hudson.model.TaskListener;
import io.packit.pipeline.render.RuntimePipeline;
import java.io.IOException;
import jenkins.scm.api.SCMSource;
import jenkins.scm.api.SCMSourceCriteria;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;
import org.jenkinsci.plugins.workflow.multibranch.AbstractWorkflowBranchProjectFactory;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The "by .packit.yaml" build configuration of a Multibranch Pipeline: a branch (or pull request, or tag) gets a
 * job when it has {@code .packit.yaml}, and each build renders its pipeline from that file at the trusted
 * revision ({@link PackitFlowDefinition}).
 */
public class PackitBranchProjectFactory extends AbstractWorkflowBranchProjectFactory {
    /** The factory; it reads {@link RuntimePipeline#DEFAULT_CONFIG_FILE}. */
    @DataBoundConstructor
    public PackitBranchProjectFactory() {
    }

    @Override
    protected FlowDefinition createDefinition() {
        return new PackitFlowDefinition(RuntimePipeline.DEFAULT_CONFIG_FILE);
    }

    @Override
    protected SCMSourceCriteria getSCMSourceCriteria(SCMSource source) {
        return new HasConfig();
    }

    /**
     * A head qualifies when it has the config file: anything at that path but nothing or a directory (a symbolic
     * link too), with the same log lines as {@code WorkflowBranchProjectFactory}'s criteria for a Jenkinsfile.
     */
    private static final class HasConfig implements SCMSourceCriteria {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isHead(Probe probe, TaskListener listener) throws IOException {
            var path = RuntimePipeline.DEFAULT_CONFIG_FILE;
            var stat = probe.stat(path);
            switch (stat.getType()) {
                case NONEXISTENT:
                    if (stat.getAlternativePath() != null) {
                        listener.getLogger().format("      '%s' not found (but found '%s', search is case sensitive)%n",
                                path, stat.getAlternativePath());
                    } else {
                        listener.getLogger().format("      '%s' not found%n", path);
                    }
                    return false;
                case DIRECTORY:
                    listener.getLogger().format("      '%s' found but is a directory not a file%n", path);
                    return false;
                default:
                    listener.getLogger().format("      '%s' found%n", path);
                    return true;
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof HasConfig;
        }

        @Override
        public int hashCode() {
            return HasConfig.class.hashCode();
        }
    }

    /** Registers the factory as "by .packit.yaml". */
    @Extension
    public static class DescriptorImpl extends AbstractWorkflowBranchProjectFactoryDescriptor {
        @Override
        public String getDisplayName() {
            return "by " + RuntimePipeline.DEFAULT_CONFIG_FILE;
        }
    }
}
