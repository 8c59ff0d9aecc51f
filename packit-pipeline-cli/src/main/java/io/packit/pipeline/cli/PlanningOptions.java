package io.packit.pipeline.cli;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.graph.DurationEstimates;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.PlanOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code plan} and {@code graph} share: which config, which event, how to plan. */
final class PlanningOptions {
    /** The event kinds {@code --event} accepts. */
    enum EventKind {
        PR,
        COMMIT,
        RELEASE,
        ALL
    }

    /** Reads {@code pr}, {@code commit}, {@code release} or {@code all}. */
    static final class EventKindConverter extends KeywordConverter<EventKind> {
        EventKindConverter() {
            super(EventKind.class);
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "The packit.yaml (default: .packit.yaml, .packit.yml, packit.yaml or packit.yml here).")
    Path config;

    @Option(names = "--event", paramLabel = "KIND", defaultValue = "all", converter = EventKindConverter.class,
            description = "Plan for a pull request (pr), a commit, a release, or all triggers at once (default: ${DEFAULT-VALUE}).")
    EventKind event;

    @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = "main",
            description = "pr: the target branch; commit: the pushed branch (default: ${DEFAULT-VALUE}).")
    String branch;

    @Option(names = "--tag", paramLabel = "TAG", defaultValue = "",
            description = "release: the tag (required with --event release).")
    String tag;

    @Option(names = "--pr-id", paramLabel = "N", defaultValue = "0", description = "pr: the pull request number.")
    int prId;

    @Option(names = "--label", paramLabel = "LABEL", description = "pr: a label on the pull request (repeatable).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--changed", paramLabel = "FILE", arity = "1..*",
            description = "pr, commit: changed paths; packages whose paths none touches are skipped as unchanged.")
    List<String> changed = new ArrayList<>();

    @Option(names = "--all", description = "Run every package, even unchanged ones.")
    boolean allPackages;

    @Option(names = "--manual", description = "Run manual_trigger jobs too, as if asked for by a comment.")
    boolean manual;

    @Option(names = "--no-reuse", description = "Build everything: reuse no successful Copr build that exists already "
            + "(of this commit, or for an unchanged package the newest one).")
    boolean noReuse;

    @Option(names = "--instance", paramLabel = "NAME", defaultValue = "prod",
            description = "The Packit instance this pipeline stands for, matched against packit_instances (default: ${DEFAULT-VALUE}).")
    String instance;

    @Option(names = "--default-branch", paramLabel = "BRANCH", defaultValue = "",
            description = "The repository's default branch, which commit jobs without 'branch' follow (default: any branch).")
    String defaultBranch;

    @Option(names = "--estimate", paramLabel = "KIND=MINUTES",
            description = "Duration estimate of a node kind for the critical path, e.g. copr_build=45 (repeatable; "
                    + "defaults: srpm 5, copr_build 20, tests 15, others 10).")
    Map<String, Integer> estimates = Map.of();

    @Mixin
    ConfigLoading loading = new ConfigLoading();

    /** The config given, or the one found in the current directory. */
    Path configFile() {
        return ConfigLoading.configOrFound(config);
    }

    /** Loads the config and plans it; prints warnings to {@code err}; invalid input throws with every problem. */
    Plan plan(PrintWriter err) {
        var file = configFile();
        var loaded = loading.load(file, err);
        var diagnostics = new Diagnostics();
        diagnostics.addAll(loaded.diagnostics());
        if (!loaded.isValid()) {
            throw new InvalidInputException(diagnostics);
        }
        var plan = new JobGraphPlanner(options()).plan(loaded.configOrThrow(), event(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new InvalidInputException(diagnostics);
        }
        diagnostics.warnings().forEach(err::println);
        return plan;
    }

    private PlanOptions options() {
        var durations = DurationEstimates.DEFAULTS;
        for (var entry : estimates.entrySet()) {
            var kind = NodeKind.fromKey(entry.getKey().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                    new CommandFailedException(ExitCode.USAGE, "--estimate: unknown node kind '" + entry.getKey()
                            + "' (kinds: " + String.join(", ", java.util.Arrays.stream(NodeKind.values())
                                    .map(NodeKind::key).toList()) + ")"));
            if (entry.getValue() < 0) {
                throw new CommandFailedException(ExitCode.USAGE, "--estimate " + entry.getKey() + ": minutes must be >= 0");
            }
            durations = durations.with(kind, Duration.ofMinutes(entry.getValue()));
        }
        return new PlanOptions(allPackages, manual, instance, defaultBranch, durations).withReuse(!noReuse);
    }

    private Event event() {
        return switch (event) {
            case PR -> new Event.PullRequest(branch, prId, changed, labels);
            case COMMIT -> new Event.Commit(branch, changed);
            case RELEASE -> {
                if (tag.isEmpty()) {
                    throw new CommandFailedException(ExitCode.USAGE, "--event release needs --tag TAG");
                }
                yield new Event.Release(tag);
            }
            case ALL -> new Event.AllTriggers();
        };
    }
}
