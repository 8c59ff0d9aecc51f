package io.packit.pipeline.engine;

import io.packit.pipeline.graph.PackitCliArguments;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs release nodes (upstream_koji_build, koji_build, bodhi_update, propose_downstream, pull_from_upstream,
 * vm_image_build) with Packit's own command line ({@link PackitCliArguments}), as a subprocess in the repository, its output in a log file.
 * When {@code packit} is not installed the node fails with a message saying so.
 */
public final class PackitCliExecutor implements NodeExecutor {
    /** The remote id key of the subprocess (a resumed run never starts a release job twice). */
    public static final String PID = "packit_pid";

    private static final Duration POLL = Duration.ofMillis(250);

    private final Path workDir;
    private final String command;
    private final Map<String, String> environment;
    private final Path logDir;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    /**
     * @param workDir     the repository (the directory of packit.yaml)
     * @param command     {@code packit}, looked up on {@code PATH}, or a path to it
     * @param environment the environment to look {@code PATH} up in (and to run with)
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
        if (command.contains(File.separator)) {
            var path = Path.of(command);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        var searchPath = environment.getOrDefault("PATH", "");
        for (var dir : searchPath.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            var candidate = Path.of(dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public Progress start(NodeRun run) {
        var executable = executable();
        if (executable.isEmpty()) {
            return Progress.failed("the packit command line is not installed ('" + command + "' is not on PATH); "
                    + "install it (dnf install packit, or pip install packitos) to run " + run.id().kind() + " jobs");
        }
        var argv = new ArrayList<String>();
        argv.add(executable.get().toString());
        argv.addAll(PackitCliArguments.of(run.node(), run.state().plan().config()));
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
        processes.put(run.id().toString(), process);
        run.recordRemote(PID, Long.toString(process.pid()));
        run.addLink("log", log.toString());
        return Progress.pollIn(POLL);
    }

    @Override
    public Progress poll(NodeRun run) {
        var process = processes.get(run.id().toString());
        if (process == null) {
            return Progress.failed("packit was running for this job in an interrupted run (pid "
                    + run.remote(PID).orElse("?") + "); it is not started again: check its result by hand");
        }
        if (process.isAlive()) {
            return Progress.pollIn(POLL);
        }
        int code = process.exitValue();
        if (code == 0) {
            return Progress.succeeded();
        }
        return Progress.failed("packit exited with status " + code + lastLine(run));
    }

    @Override
    public void cancel(NodeRun run) {
        var process = processes.get(run.id().toString());
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    private static String lastLine(NodeRun run) {
        var log = run.status().links().get("log");
        if (log == null) {
            return "";
        }
        try {
            var lines = Files.readAllLines(Path.of(log), StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip() + " (log: " + log + ")";
        } catch (IOException e) {
            return " (log: " + log + ")";
        }
    }
}
