package io.packit.pipeline.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code packitCli(node: 'koji_build:A:koji', needs: [...], args: ['build', 'in-koji', ...])}: runs the
 * {@code packit} command line with exactly {@code args} in the stage agent's workspace ({@link StepCatalog#CLI}).
 */
public class PackitCliStep extends PackitNodeStep {
    private final List<String> args;

    /** The step for plan node {@code node}, running {@code packit} with {@code args}. */
    @DataBoundConstructor
    public PackitCliStep(String node, List<String> args) {
        super(node);
        this.args = new ArrayList<>(StepCall.listArgument(StepCatalog.ARG_ARGS, args));
    }

    /** {@link StepCatalog#ARG_ARGS}: the argument vector of {@code packit}. */
    public List<String> getArgs() {
        return args;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new NodeStepExecution(context, StepCatalog.CLI, List.of(getNode()), getNeeds(), List.of(), "", args);
    }

    /** Registers {@link StepCatalog#CLI}; it runs on an agent. */
    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return StepCatalog.CLI;
        }

        @Override
        public String getDisplayName() {
            return "Packit: run the packit command line for a release job";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class, FilePath.class, Launcher.class,
                    EnvVars.class);
        }
    }
}
