package io.packit.pipeline.engine;

import io.packit.pipeline.graph.CliCommand;
import io.packit.pipeline.graph.CliCommands;
import io.packit.pipeline.graph.NodeId;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs release nodes (upstream_koji_build, koji_build, bodhi_update, propose_downstream, pull_from_upstream,
 * vm_image_build, and the side_tag and wait_repo nodes of a side-tag release) with their command line
 * ({@link CliCommands}: Packit's own, or fedpkg, koji and bodhi for side tags), as a subprocess in the repository,
 * its output in a log file. When the program is not installed the node fails with a message saying so. Whether the
 * node succeeded is read from the exit status and the output ({@link CliOutcome}); the side tag a {@code side_tag}
 * node created is recorded on it ({@link CliOutcome#SIDE_TAG}, in the state file) and put into the commands of the
 * nodes that use it.
 */
public final class PackitCliExecutor implements NodeExecutor {
    /** The remote id key of the subprocess (a resumed run never starts a release job twice). */
    public static final String PID = "packit_pid";

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Map<String, String> INSTALL = Map.of(
            CliCommand.PACKIT, "dnf install packit, or pip install packitos",
            CliCommand.FEDPKG, "dnf install fedpkg",
            CliCommand.KOJI, "dnf install koji",
            CliCommand.BODHI, "dnf install bodhi-client");

    private final Path workDir;
    private final String command;
    private final Map<String, String> environment;
    private final Path logDir;
    private final Map<String, Running> processes = new ConcurrentHashMap<>();

    /**
     * @param workDir     the repository (the directory of packit.yaml)
     * @param command     {@code packit}, looked up on {@code PATH}, or a path to it
     * @param environment the environment to look programs up in ({@code PATH}) and to run them with
     * @param logDir      where each node's output goes ({@code <node id>.log})
     */
    public PackitCliExecutor(Path workDir, String command, Map<String, String> environment, Path logDir) {
        this.workDir = Objects.requireNonNull(workDir, "workDir");
        this.command = Objects.requireNonNull(command, "command");
        this.environment = Map.copyOf(environment);
        this.logDir = Objects.requireNonNull(logDir, "logDir");
    }

    /** The {@code packit} executable, if installed. */
    public Optional<Path> executable() {
        return executable(CliCommand.PACKIT);
    }

    /** The program {@code name} ({@code packit}: the configured command), if installed. */
    public Optional<Path> executable(String name) {
        var wanted = CliCommand.PACKIT.equals(name) ? command : name;
        if (wanted.contains(File.separator)) {
            var path = Path.of(wanted);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        var searchPath = environment.getOrDefault("PATH", "");
        for (var dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            var candidate = Path.of(dir, wanted);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The command of {@code run}'s node, from the plan. */
    public static CliCommand commandOf(NodeRun run) {
        return CliCommands.of(run.node(), run.state().plan());
    }

    /**
     * The arguments to run for {@code run}'s node: its plan command with the names of the side tags it uses, as
     * their {@code side_tag} nodes recorded them.
     *
     * @throws IllegalStateException when a side tag it needs has no recorded name
     */
    public static List<String> arguments(NodeRun run) {
        return commandOf(run).resolve(sideTag -> sideTagName(run.state(), sideTag));
    }

    /** The name of the side tag node {@code sideTag} created, once it has recorded one. */
    public static Optional<String> sideTagName(RunState state, NodeId sideTag) {
        return Optional.ofNullable(state.status(sideTag).remote().get(CliOutcome.SIDE_TAG));
    }

    /**
     * Ends {@code run}'s node from its command's exit status and output ({@link CliOutcome}), recording what the
     * command made (the side tag's name, the update's id) before it says the node succeeded.
     */
    public static Progress finish(NodeRun run, String executable, List<String> args, int status, String output,
            String where) {
        var outcome = CliOutcome.of(executable, args, status, output, where);
        if (!outcome.succeeded()) {
            return Progress.failed(outcome.reason());
        }
        outcome.recorded().forEach(run::recordRemote);
        return Progress.succeeded();
    }

    @Override
    public Progress start(NodeRun run) {
        var cli = commandOf(run);
        var executable = executable(cli.executable());
        if (executable.isEmpty()) {
            var shown = CliCommand.PACKIT.equals(cli.executable()) ? command : cli.executable();
            return Progress.failed("the " + cli.executable() + " command line is not installed ('" + shown
                    + "' is not on PATH); install it (" + INSTALL.getOrDefault(cli.executable(), cli.executable())
                    + ") to run " + run.id().kind() + " jobs");
        }
        var args = arguments(run);
        var argv = new ArrayList<String>();
        argv.add(executable.get().toString());
        argv.addAll(args);
        var log = logDir.resolve(run.id().toString().replaceAll("[^A-Za-z0-9._@-]", "_") + ".log");
        Process process;
        try {
            Files.createDirectories(logDir);
            var builder = new ProcessBuilder(argv).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0) + " for " + run.id() + ": " + e.getMessage(), e);
        }
        processes.put(run.id().toString(), new Running(process, cli.executable(), args, log));
        run.recordRemote(PID, Long.toString(process.pid()));
        run.addLink("log", log.toString());
        return Progress.pollIn(POLL);
    }

    @Override
    public Progress poll(NodeRun run) {
        var running = processes.get(run.id().toString());
        if (running == null) {
            return Progress.failed("packit was running for this job in an interrupted run (pid "
                    + run.remote(PID).orElse("?") + "); it is not started again: check its result by hand");
        }
        if (running.process().isAlive()) {
            return Progress.pollIn(POLL);
        }
        String output;
        try {
            output = new String(Files.readAllBytes(running.log()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            output = "";
        }
        return finish(run, running.executable(), running.args(), running.process().exitValue(), output,
                " (log: " + running.log() + ")");
    }

    @Override
    public void cancel(NodeRun run) {
        var running = processes.get(run.id().toString());
        if (running != null && running.process().isAlive()) {
            running.process().descendants().forEach(ProcessHandle::destroy);
            running.process().destroy();
        }
    }

    private record Running(Process process, String executable, List<String> args, Path log) {
    }
}
