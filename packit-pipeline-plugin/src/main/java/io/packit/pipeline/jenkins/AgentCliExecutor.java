package io.packit.pipeline.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import io.packit.pipeline.engine.NodeExecutor;
import io.packit.pipeline.engine.NodeRun;
import io.packit.pipeline.engine.PackitCliExecutor;
import io.packit.pipeline.engine.Progress;
import io.packit.pipeline.graph.NodeId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The core's executor for nodes that run a command line (Packit's, or fedpkg, koji and bodhi for a side-tag
 * release), on the agent of the stage whose {@code packitCli} step runs the node: the step hands its launcher,
 * workspace and the command as the Jenkinsfile wrote it over ({@link #prepare}) before each round. The command run
 * is the plan's ({@link PackitCliExecutor#commandOf}), with the side tags it uses put in from the board
 * ({@link PackitCliExecutor#arguments}); the written one must equal it. Its output goes to the build log and is kept
 * to decide, with its exit status, whether the node succeeded and what it made ({@link PackitCliExecutor#finish}).
 * The process is watched, never waited for on a pipeline thread.
 *
 * <p>A process does not survive a controller restart, and running it twice could submit a Koji build or a Bodhi
 * update twice: the start is recorded on the board before the process is launched, and a node found started
 * without its process after a restart fails instead of running again.
 */
final class AgentCliExecutor implements NodeExecutor {
    /** The remote key recorded when the process is launched. */
    static final String LAUNCHED = "packit_cli_launched";
    private static final Duration POLL = Duration.ofSeconds(5);
    /** How much of a command's output is kept for its outcome (the build log has all of it). */
    private static final int KEPT_OUTPUT = 4 * 1024 * 1024;

    private final Map<NodeId, Agent> agents = new ConcurrentHashMap<>();
    private final Map<NodeId, Launched> processes = new ConcurrentHashMap<>();

    /**
     * The agent node {@code id} runs on, with its command as the Jenkinsfile wrote it: the program, then the
     * arguments.
     */
    void prepare(NodeId id, Launcher launcher, FilePath workspace, EnvVars env, TaskListener listener,
            List<String> written) {
        agents.put(id, new Agent(launcher, workspace, env, listener, List.copyOf(written)));
    }

    @Override
    public Progress start(NodeRun run) {
        var agent = agents.get(run.id());
        if (agent == null) {
            return Progress.failed(run.id() + " runs a command line, which only a packitCli step can start");
        }
        var cli = PackitCliExecutor.commandOf(run);
        var planned = new ArrayList<String>();
        planned.add(cli.executable());
        planned.addAll(cli.written());
        if (!planned.equals(agent.written())) {
            return Progress.failed(run.id() + ": the Jenkinsfile runs " + agent.written() + " but the plan runs "
                    + planned + "; render the Jenkinsfile again");
        }
        List<String> args;
        try {
            args = PackitCliExecutor.arguments(run);
        } catch (IllegalStateException e) {
            return Progress.failed(e.getMessage());
        }
        run.recordRemote(LAUNCHED, run.now().toString());
        var command = new ArrayList<String>();
        command.add(cli.executable());
        command.addAll(args);
        var output = new KeptOutput(agent.listener().getLogger());
        try {
            var process = agent.launcher().launch().cmds(command).pwd(agent.workspace()).envs(agent.env())
                    .stdout(output).start();
            processes.put(run.id(), new Launched(process, cli.executable(), args, output));
        } catch (IOException e) {
            return Progress.failed("cannot start " + cli.executable() + " on the agent: " + e.getMessage());
        }
        return Progress.pollIn(POLL);
    }

    @Override
    public Progress poll(NodeRun run) {
        var launched = processes.get(run.id());
        if (launched == null) {
            return Progress.failed("the command was interrupted by a controller restart; it is not run again"
                    + " because it may have done part of its work");
        }
        try {
            if (launched.process().isAlive()) {
                return Progress.pollIn(POLL);
            }
            var status = launched.process().join();
            processes.remove(run.id());
            return PackitCliExecutor.finish(run, launched.executable(), launched.args(), status,
                    launched.output().text(), "");
        } catch (IOException e) {
            return Progress.failed("lost the " + launched.executable() + " process on the agent: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Progress.pollIn(POLL);
        }
    }

    @Override
    public void cancel(NodeRun run) {
        var launched = processes.remove(run.id());
        if (launched == null) {
            return;
        }
        try {
            launched.process().kill();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop " + launched.executable() + " on the agent: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Agent(Launcher launcher, FilePath workspace, EnvVars env, TaskListener listener,
            List<String> written) {
    }

    private record Launched(Proc process, String executable, List<String> args, KeptOutput output) {
    }

    /** The build log, and a copy of the first {@link #KEPT_OUTPUT} bytes for the command's outcome. */
    private static final class KeptOutput extends OutputStream {
        private final OutputStream log;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        KeptOutput(OutputStream log) {
            this.log = log;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            log.write(b);
            if (kept.size() < KEPT_OUTPUT) {
                kept.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            log.write(b, off, len);
            kept.write(b, off, Math.max(0, Math.min(len, KEPT_OUTPUT - kept.size())));
        }

        @Override
        public void flush() throws IOException {
            log.flush();
        }

        synchronized String text() {
            return new String(kept.toByteArray(), StandardCharsets.UTF_8);
        }
    }
}
