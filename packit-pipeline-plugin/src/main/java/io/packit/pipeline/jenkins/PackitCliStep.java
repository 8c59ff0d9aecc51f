package io.packit.pipeline.jenkins;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.StepCall;
import io.packit.pipeline.graph.CliCommand;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code packitCli(node: 'koji_build:A:koji', needs: [...], [command: 'fedpkg',] args: ['build', 'in-koji', ...])}:
 * runs the node's command line (the program {@code command}, {@code packit} when not written) with exactly the
 * plan's arguments in the stage agent's workspace ({@link StepCatalog#CLI}); {@code command} and {@code args} must be
 * what the plan says, a side tag written {@code '{side_tag:A:koji@f43}'}.
 */
public class PackitCliStep extends PackitNodeStep {
    private final List<String> args;
    private String command = "";

    /** The step for plan node {@code node}, running {@code packit} with {@code args}. */
    @DataBoundConstructor
    public PackitCliStep(String node, List<String> args) {
        super(node);
        this.args = new ArrayList<>(StepCall.listArgument(StepCatalog.ARG_ARGS, args));
    }

    /** {@link StepCatalog#ARG_ARGS}: the argument vector of the command. */
    public List<String> getArgs() {
        return args;
    }

    /** {@link StepCatalog#ARG_COMMAND}: the program; empty when not written ({@code packit}). */
    public String getCommand() {
        return command;
    }

    /** Sets {@link StepCatalog#ARG_COMMAND}. */
    @DataBoundSetter
    public void setCommand(String command) {
        this.command = command == null ? "" : command;
    }

    @Override
    public StepExecution start(StepContext context) {
        var written = new ArrayList<String>();
        written.add(command.isEmpty() ? CliCommand.PACKIT : command);
        written.addAll(args);
        return new NodeStepExecution(context, StepCatalog.CLI, List.of(getNode()), getNeeds(), List.of(), "", written);
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
            return "Packit: run the command line of a release job (packit, or fedpkg, koji, bodhi for side tags)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class, FilePath.class, Launcher.class,
                    EnvVars.class);
        }
    }
}
