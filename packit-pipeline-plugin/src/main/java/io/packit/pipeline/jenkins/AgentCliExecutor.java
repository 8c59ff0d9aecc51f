package io.packit.pipeline.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.NodeExecutor;
import io.packit.pipeline.engine.NodeRun;
import io.packit.pipeline.engine.Progress;
import io.packit.pipeline.graph.NodeId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's executor for nodes that run the {@code packit} command line, on the agent of the stage whose
 * {@code packitCli} step runs the node: the step hands its launcher and workspace over ({@link #prepare}) before
 * each round. The process is watched, never waited for on a pipeline thread.
 *
 * <p>A process does not survive a controller restart, and running it twice could submit a Koji build or a Bodhi
 * update twice: the start is recorded on the board before the process is launched, and a node found started
 * without its process after a restart fails instead of running again.
 */
final class AgentCliExecutor implements NodeExecutor {
    /** The remote key recorded when the process is launched. */
    static final String LAUNCHED = "packit_cli_launched";
    private static final Duration POLL = Duration.ofSeconds(5);

    private final Map<NodeId, Agent> agents = new ConcurrentHashMap<>();
    private final Map<NodeId, Proc> processes = new ConcurrentHashMap<>();

    /** The agent node {@code id} runs on, with its command line. */
    void prepare(NodeId id, Launcher launcher, FilePath workspace, EnvVars env, TaskListener listener,
            List<String> args) {
        agents.put(id, new Agent(launcher, workspace, env, listener, List.copyOf(args)));
    }

    @Override
    public Progress start(NodeRun run) {
        var agent = agents.get(run.id());
        if (agent == null) {
            return Progress.failed(run.id() + " runs the packit command line, which only a packitCli step can start");
        }
        run.recordRemote(LAUNCHED, run.now().toString());
        var command = new ArrayList<String>();
        command.add("packit");
        command.addAll(agent.args());
        try {
            var process = agent.launcher().launch().cmds(command).pwd(agent.workspace()).envs(agent.env())
                    .stdout(agent.listener()).start();
            processes.put(run.id(), process);
        } catch (IOException e) {
            return Progress.failed("cannot start packit on the agent: " + e.getMessage());
        }
        return Progress.pollIn(POLL);
    }

    @Override
    public Progress poll(NodeRun run) {
        var process = processes.get(run.id());
        if (process == null) {
            return Progress.failed("the packit command was interrupted by a controller restart; it is not run again"
                    + " because it may have done part of its work");
        }
        try {
            if (process.isAlive()) {
                return Progress.pollIn(POLL);
            }
            var status = process.join();
            processes.remove(run.id());
            return status == 0 ? Progress.succeeded() : Progress.failed("packit exited with status " + status);
        } catch (IOException e) {
            return Progress.failed("lost the packit process on the agent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Progress.pollIn(POLL);
        }
    }

    @Override
    public void cancel(NodeRun run) {
        var process = processes.remove(run.id());
        if (process == null) {
            return;
        }
        try {
            process.kill();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop packit on the agent: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Agent(Launcher launcher, FilePath workspace, EnvVars env, TaskListener listener,
            List<String> args) {
    }
}
