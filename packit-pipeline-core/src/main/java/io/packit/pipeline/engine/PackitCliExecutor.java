package io.packit.pipeline.engine;

import io.packit.pipeline.config.DistGitBranch;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeKind;
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
import java.util.stream.Collectors;

/**
 * Runs release nodes (upstream_koji_build, koji_build, bodhi_update, propose_downstream, pull_from_upstream,
 * vm_image_build) with Packit's own command line, as a subprocess in the repository, its output in a log file.
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

    /** The arguments Packit's CLI takes for {@code node}, after the command itself. */
    public static List<String> arguments(Node node, boolean monorepo) {
        var args = new ArrayList<String>();
        var release = node.view().settings().release();
        var branches = release.distGitBranches().stream().map(DistGitBranch::name).collect(Collectors.joining(","));
        var kind = node.kind();
        if (kind == NodeKind.PROPOSE_DOWNSTREAM) {
            args.add("propose-downstream");
        } else if (kind == NodeKind.PULL_FROM_UPSTREAM) {
            args.add("pull-from-upstream");
        } else if (kind == NodeKind.KOJI_BUILD || kind == NodeKind.UPSTREAM_KOJI_BUILD) {
            args.addAll(List.of("build", "in-koji"));
            if (kind == NodeKind.UPSTREAM_KOJI_BUILD) {
                args.add("--from-upstream");
            }
            if (release.scratch()) {
                args.add("--scratch");
            }
        } else if (kind == NodeKind.BODHI_UPDATE) {
            args.add("create-update");
        } else if (kind == NodeKind.VM_IMAGE_BUILD) {
            args.addAll(List.of("build", "in-image-builder", "--job-config-index", Integer.toString(node.view().job().index())));
        } else {
            throw new IllegalArgumentException(node.id() + " is not run by the packit command line");
        }
        if (!branches.isEmpty() && kind != NodeKind.VM_IMAGE_BUILD && kind != NodeKind.UPSTREAM_KOJI_BUILD) {
            args.addAll(List.of("--dist-git-branch", branches));
        }
        if (monorepo) {
            args.addAll(List.of("-p", node.view().packageName()));
        }
        args.add(".");
        return List.copyOf(args);
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
        argv.addAll(arguments(run.node(), run.state().plan().config().monorepo()));
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
