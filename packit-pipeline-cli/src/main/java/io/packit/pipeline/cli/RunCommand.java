package io.packit.pipeline.cli;

import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.engine.CloneUrl;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.DryRun;
import io.packit.pipeline.engine.Engine;
import io.packit.pipeline.engine.EngineClock;
import io.packit.pipeline.engine.EngineOptions;
import io.packit.pipeline.engine.NodeExecutor;
import io.packit.pipeline.engine.NodeExecutors;
import io.packit.pipeline.engine.PackitCliExecutor;
import io.packit.pipeline.engine.Polling;
import io.packit.pipeline.engine.RunOutcome;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.RunSummary;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.report.RunPageFile;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline run}: executes a plan end to end on this machine, against Copr and Testing Farm. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs the plan of a packit.yaml for an event on this machine: Copr builds",
            "(SRPM by Packit's 'packit prepare-sources' inside Copr), Testing Farm",
            "requests per chroot, release jobs with the packit command line.",
            "A node starts as soon as what it needs has succeeded (tests: their chroot",
            "of the build); a failure skips only its dependents, naming the root cause.",
            "Every remote id is saved in the state file as soon as it exists; --resume",
            "picks up polling without submitting again. Ctrl-C cancels every build and",
            "request started, dependents first. --report FILE keeps an HTML page of",
            "the run current in FILE (open it in a browser; it reloads itself)."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "every node succeeded (nodes the plan skips do not count)"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "a node failed (a failed Copr or Testing Farm call fails its node),"
            + " or --state, --junit or the --report page cannot be written (--state, --junit and the first page are"
            + " checked before anything is submitted)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line (also a state file of another config, or a config path that cannot be opened)"),
    @ExitCodes.Meaning(code = ExitCode.CONFIG_INVALID, means = "invalid .packit.yaml"),
    @ExitCodes.Meaning(code = ExitCode.CANCELLED, means = "cancelled (Ctrl-C)")})
final class RunCommand implements Callable<Integer> {
    /** How often the page of a run that goes reloads itself. */
    static final Duration REPORT_REFRESH = Duration.ofSeconds(5);

    @Spec
    CommandSpec spec;

    @Mixin
    PlanningOptions planning;

    @Option(names = "--copr-config", paramLabel = "FILE",
            description = "Copr API config, INI [copr-cli] with login, username, token, copr_url (default: ~/.config/copr).")
    Path coprConfig;

    @Option(names = "--copr-url", paramLabel = "URL", description = "Copr frontend URL, instead of copr_url of the Copr config.")
    String coprUrl;

    @Option(names = "--tf-api-key-file", paramLabel = "FILE", description = "File holding the Testing Farm API key.")
    Path tfApiKeyFile;

    @Option(names = "--tf-url", paramLabel = "URL",
            description = "Testing Farm API URL (default: $TESTING_FARM_API_URL, else " + TestingFarmClient.PUBLIC_API_URL + ").")
    String tfUrl;

    @Option(names = "--repo-url", paramLabel = "URL",
            description = "The repository Copr builds from and tmt plans come from (default: each package's "
                    + "upstream_project_url). Handed on without credentials, an SSH remote as HTTPS.")
    String repoUrl;

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit to build and test (default: git HEAD of the config's directory).")
    String commit;

    @Option(names = "--dry-run", description = "Print what would be submitted, in order, and submit nothing "
            + "(target aliases, when the config uses any, are still resolved from Bodhi unless --no-bodhi; Copr is only "
            + "read, for the builds that would be reused).")
    boolean dryRun;

    @Option(names = "--no-bodhi", description = "Do not ask Bodhi: resolve target aliases with --release-table FILE, "
            + "else the shipped table.")
    boolean noBodhi;

    @Option(names = "--state", paramLabel = "FILE", defaultValue = "packit-pipeline-state.json",
            description = "Where the run's state (every remote id) is kept (default: ${DEFAULT-VALUE}).")
    Path stateFile;

    @Option(names = "--resume", paramLabel = "STATE",
            description = "Resume the run saved in STATE: poll what it submitted, submit only what it had not.")
    Path resume;

    @Option(names = "--junit", paramLabel = "DIR", description = "Write the JUnit XML of every test node into DIR.")
    Path junitDir;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Keep an HTML page of the run in FILE: the job graph with every node's state, times, reasons"
                    + " and Copr / Testing Farm links, rewritten atomically on every change, final at the end.")
    Path reportFile;

    @Option(names = "--max-calls", paramLabel = "N", defaultValue = "8",
            description = "How many remote calls may be in flight at once (default: ${DEFAULT-VALUE}).")
    int maxCalls;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "Shortest delay between polls of a node; it grows to 3 times this (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--copr-batches", description = "Submit dependent builds at once as ordered Copr batches.")
    boolean coprBatches;

    @Option(names = "--packit-command", paramLabel = "PATH", defaultValue = "packit",
            description = "The packit command line for release jobs (default: ${DEFAULT-VALUE} on PATH).")
    String packitCommand;

    @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
    boolean plain;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (planning.event == PlanningOptions.EventKind.ALL) {
            throw new CommandFailedException(ExitCode.USAGE, "run needs an event: --event pr, commit or release");
        }
        if (dryRun && reportFile != null) {
            throw new CommandFailedException(ExitCode.USAGE, "--report needs a run: --dry-run runs nothing and writes no page");
        }
        if (maxCalls < 1 || pollSeconds <= 0) {
            throw new CommandFailedException(ExitCode.USAGE, "--max-calls and --poll-interval must be positive");
        }
        if (repoUrl != null) {
            try {
                CloneUrl.of(repoUrl);
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(ExitCode.USAGE, "--repo-url: " + e.getMessage());
            }
        }
        var configFile = planning.configFile();
        var statePath = resume != null ? resume : stateFile;
        if (!dryRun) {
            // the run's outputs are checked before anything is asked or submitted
            OutputFile.check(statePath);
            if (junitDir != null) {
                OutputFile.directory(junitDir);
            }
        }
        var workDir = configFile.toAbsolutePath().getParent();
        if (!noBodhi) {
            planning.loading.askBodhiByDefault();
        }
        var copr = dryRun ? dryRunCoprConfig() : coprConfig();
        if (!dryRun) {
            planning.loading.checkChrootsAgainst(copr.coprUrl());
        }
        var plan = planning.plan(err);
        var settings = settings(plan, workDir, copr);
        if (dryRun) {
            new DryRun(plan, settings, copr == null ? null : CoprClient.connect(copr)).lines().forEach(out::println);
            out.flush();
            return ExitCode.OK.code();
        }
        var state = new RunState(plan, EngineClock.system(), coprBatches);
        if (resume != null) {
            restore(state, plan);
        }
        var event = planning.event.name().toLowerCase(java.util.Locale.ROOT);
        var report = reportFile == null ? null : startReport(state, err);
        try {
            StateFile.of(state, event).write(statePath);
        } catch (UncheckedIOException failed) {
            throw OutputFile.cannotWrite(statePath, failed.getCause());
        }
        state.addListener(StateFile.writer(state, event, statePath));
        var engine = new Engine(state, executors(settings, copr, workDir, statePath),
                new EngineOptions(maxCalls, EngineClock.system()));
        var finished = new CountDownLatch(1);
        var hook = new Thread(() -> {
            engine.cancel();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "packit-pipeline-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        RunOutcome outcome;
        try (var view = new LiveView(state, err, !plain && System.console() != null)) {
            view.start();
            err.println("state file: " + statePath + (resume != null ? " (resumed)" : ""));
            if (report != null) {
                err.println("run page: " + reportFile.toAbsolutePath().toUri());
            }
            outcome = engine.run();
        }
        try {
            var summary = RunSummary.of(state, outcome);
            out.print(summary.toText());
            out.flush();
            if (junitDir != null) {
                writeJunit(state);
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for the summary above; the JVM then exits with 130
            }
        }
        if (report != null && !finishReport(report, err) && outcome == RunOutcome.SUCCEEDED) {
            return ExitCode.FAILURE.code();
        }
        switch (outcome) {
            case SUCCEEDED:
                return ExitCode.OK.code();
            case CANCELLED:
                return ExitCode.CANCELLED.code();
            default:
                return ExitCode.FAILURE.code();
        }
    }

    /** The run page, written once before anything is submitted: a page that cannot be written stops the run here. */
    private RunPageFile startReport(RunState state, java.io.PrintWriter err) {
        try {
            return RunPageFile.start(state, reportFile, REPORT_REFRESH, warning -> {
                err.println("packit-pipeline: " + warning);
                err.flush();
            });
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.FAILURE, "--report: " + e.getMessage()
                    + "; nothing was submitted", e);
        }
    }

    /** The final page; whether it was written. */
    private boolean finishReport(RunPageFile report, java.io.PrintWriter err) {
        try {
            report.finish();
            return true;
        } catch (java.io.UncheckedIOException e) {
            err.println("packit-pipeline: --report: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /**
     * A dry run reads the Copr config for the owner and the Copr to look up reusable builds in (reads only), and does
     * without one: then it looks nothing up, unless {@code --copr-url} names a Copr.
     */
    private CoprConfig dryRunCoprConfig() {
        var file = coprConfig != null ? coprConfig : Path.of(System.getProperty("user.home"), ".config", "copr");
        var config = Files.isRegularFile(file) ? CoprConfig.load(file) : null;
        if (coprUrl == null) {
            return config;
        }
        var url = coprUrl.endsWith("/") ? coprUrl.substring(0, coprUrl.length() - 1) : coprUrl;
        return config == null ? CoprConfig.anonymous(url)
                : new CoprConfig(url, config.login(), config.username(), config.token());
    }

    private CoprConfig coprConfig() {
        var file = coprConfig != null ? coprConfig : Path.of(System.getProperty("user.home"), ".config", "copr");
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException(ExitCode.USAGE, "no Copr config at " + file + ": pass --copr-config FILE");
        }
        var config = CoprConfig.load(file);
        if (coprUrl != null) {
            config = new CoprConfig(coprUrl.endsWith("/") ? coprUrl.substring(0, coprUrl.length() - 1) : coprUrl,
                    config.login(), config.username(), config.token());
        }
        if (!config.hasCredentials()) {
            throw new CommandFailedException(ExitCode.USAGE, file + " has no login and token: Copr builds need them");
        }
        return config;
    }

    private RunSettings settings(Plan plan, Path workDir, CoprConfig copr) {
        // without --repo-url each package builds from its own upstream_project_url (RunSettings#repositoryOf); the
        // repository's name, for Copr project names, is the first one's
        var url = repoUrl != null ? repoUrl : plan.config().packages().values().stream()
                .map(pkg -> pkg.settings().upstreamProjectUrl()).filter(text -> !text.isEmpty()).findFirst().orElse("");
        var sha = commit != null ? commit : GitHead.of(workDir).orElse("");
        var name = url.isEmpty() ? String.valueOf(workDir.getFileName()) : url.replaceAll("/+$", "").replaceAll("\\.git$", "")
                .replaceAll(".*/", "");
        var owner = copr == null || copr.username() == null ? (dryRun ? "<copr user>" : "") : copr.username();
        var min = Duration.ofMillis(Math.max(1, Math.round(pollSeconds * 1000)));
        return new RunSettings(repoUrl == null ? "" : repoUrl, sha, name, owner, new Polling(min, min.multipliedBy(3)), coprBatches);
    }

    private void restore(RunState state, Plan plan) {
        if (!Files.isRegularFile(resume)) {
            throw new CommandFailedException(ExitCode.USAGE, "--resume: no state file " + resume);
        }
        var saved = StateFile.read(resume);
        if (!saved.configDigest().equals(plan.config().digest())) {
            throw new CommandFailedException(ExitCode.USAGE, "--resume: " + resume + " was written for " + saved.configFile()
                    + " with digest " + saved.configDigest() + ", but " + plan.config().file() + " now has digest "
                    + plan.config().digest() + "; resuming would mix two plans");
        }
        state.restore(saved.nodes());
    }

    private NodeExecutors executors(RunSettings settings, CoprConfig copr, Path workDir, Path statePath) {
        var builds = new CoprBuildExecutor(CoprClient.connect(copr), settings);
        var map = new EnumMap<NodeKind, NodeExecutor>(NodeKind.class);
        map.put(NodeKind.SRPM, builds);
        map.put(NodeKind.COPR_BUILD, builds);
        if (tfApiKeyFile != null) {
            TestingFarmClient farm;
            try {
                farm = TestingFarmClient.create(tfUrl, System.getenv(), readKey(tfApiKeyFile));
            } catch (IllegalArgumentException e) {
                throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
            }
            map.put(NodeKind.TESTS, new TestingFarmExecutor(farm, settings));
        } else {
            map.put(NodeKind.TESTS, new MissingKey());
        }
        var stateDir = statePath.toAbsolutePath().getParent();
        var logs = (stateDir == null ? workDir : stateDir).resolve("packit-pipeline-logs");
        var packit = new PackitCliExecutor(workDir, packitCommand, System.getenv(), logs);
        for (var kind : NodeKind.values()) {
            map.putIfAbsent(kind, packit);
        }
        return new NodeExecutors(map);
    }

    private static Secret readKey(Path file) {
        try {
            var key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new CommandFailedException(ExitCode.USAGE, "the Testing Farm API key file " + file + " is empty");
            }
            return Secret.of(key);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.USAGE, "cannot read the Testing Farm API key file " + file, e);
        }
    }

    private void writeJunit(RunState state) {
        OutputFile.directory(junitDir);
        for (var status : state.statuses()) {
            if (status.id().kind() == NodeKind.TESTS && !status.junit().isEmpty()) {
                var name = "TEST-" + status.id().toString().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml";
                OutputFile.write(junitDir.resolve(name), status.junit());
            }
        }
    }

    /** Tests nodes when no Testing Farm key was given: they fail saying so. */
    private static final class MissingKey implements NodeExecutor {
        @Override
        public io.packit.pipeline.engine.Progress start(io.packit.pipeline.engine.NodeRun run) {
            return io.packit.pipeline.engine.Progress.failed("no Testing Farm API key: pass --tf-api-key-file FILE");
        }

        @Override
        public io.packit.pipeline.engine.Progress poll(io.packit.pipeline.engine.NodeRun run) {
            return start(run);
        }

        @Override
        public void cancel(io.packit.pipeline.engine.NodeRun run) {
        }
    }

}
