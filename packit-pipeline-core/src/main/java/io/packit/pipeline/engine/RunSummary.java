package io.packit.pipeline.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a run: its outcome, every node (state, duration, reason, Copr and Testing Farm links) and every
 * package (its worst state and how many nodes ended how).
 *
 * @param outcome  how the run ended
 * @param nodes    every node, in plan order
 * @param packages package name → node count per state, in plan order of first appearance
 * @param makespan from the first start to the last end (zero when nothing ran)
 */
public record RunSummary(RunOutcome outcome, List<NodeStatus> nodes, Map<String, Map<NodeState, Integer>> packages,
        Duration makespan) {
    public RunSummary {
        Objects.requireNonNull(outcome, "outcome");
        nodes = List.copyOf(nodes);
        var copy = new LinkedHashMap<String, Map<NodeState, Integer>>();
        packages.forEach((name, counts) -> copy.put(name, Map.copyOf(counts)));
        packages = java.util.Collections.unmodifiableMap(copy);
        Objects.requireNonNull(makespan, "makespan");
    }

    /** The summary of {@code state} after a run that ended {@code outcome}. */
    public static RunSummary of(RunState state, RunOutcome outcome) {
        var statuses = state.statuses();
        var packages = new LinkedHashMap<String, Map<NodeState, Integer>>();
        Instant first = null;
        Instant last = null;
        for (var status : statuses) {
            packages.computeIfAbsent(status.id().packageName(), name -> new EnumMap<>(NodeState.class))
                    .merge(status.state(), 1, Integer::sum);
            Instant started = status.startedAt();
            Instant ended = status.endedAt();
            if (started != null && (first == null || started.isBefore(first))) {
                first = started;
            }
            if (ended != null && (last == null || ended.isAfter(last))) {
                last = ended;
            }
        }
        var makespan = first == null || last == null ? Duration.ZERO : Duration.between(first, last);
        return new RunSummary(outcome, statuses, packages, makespan);
    }

    /**
     * The state that stands for a package: failed, else cancelled, else succeeded when any node ran, else reused when
     * its builds were taken from earlier ones, else skipped.
     */
    public static NodeState packageState(Map<NodeState, Integer> counts) {
        for (var state : List.of(NodeState.FAILED, NodeState.CANCELLED, NodeState.RUNNING, NodeState.WAITING,
                NodeState.SUCCEEDED, NodeState.REUSED)) {
            if (counts.getOrDefault(state, 0) > 0) {
                return state;
            }
        }
        return NodeState.SKIPPED;
    }

    /** A plain-text table: the outcome, one line per node, one line per package. */
    public String toText() {
        var lines = new ArrayList<String>();
        lines.add("run " + outcome.name().toLowerCase(Locale.ROOT) + " in " + format(makespan));
        int width = nodes.stream().mapToInt(status -> status.id().toString().length()).max().orElse(4);
        for (var status : nodes) {
            var detail = new ArrayList<String>();
            if (!status.reason().isEmpty()) {
                detail.add(status.state() == NodeState.SKIPPED ? "skipped: " + status.reason() : status.reason());
            }
            status.chroots().forEach((chroot, outcome) -> {
                boolean partlyReused = outcome.state() == NodeState.REUSED && status.state() != NodeState.REUSED;
                if (outcome.state() == NodeState.SKIPPED || partlyReused
                        || outcome.state() == NodeState.FAILED && !outcome.reason().isEmpty()) {
                    detail.add(chroot + " " + outcome.state() + (outcome.reason().isEmpty() ? "" : ": " + outcome.reason()));
                }
            });
            status.links().forEach((key, url) -> {
                if (!key.equals("srpm")) {
                    detail.add(url);
                }
            });
            Instant ended = status.endedAt();
            var took = status.elapsed(ended == null ? Instant.now() : ended).map(RunSummary::format).orElse("-");
            lines.add(String.format("  %-" + width + "s  %-9s  %7s  %s", status.id(), status.state(), took,
                    String.join("  ", detail)).stripTrailing());
        }
        lines.add("packages:");
        packages.forEach((name, counts) -> {
            var parts = new ArrayList<String>();
            for (var state : NodeState.values()) {
                if (counts.getOrDefault(state, 0) > 0) {
                    parts.add(counts.get(state) + " " + state);
                }
            }
            lines.add("  " + name + "  " + packageState(counts) + " (" + String.join(", ", parts) + ")");
        });
        return String.join("\n", lines) + "\n";
    }

    /** {@code 1h02m03s}, {@code 4m05s}, {@code 6s}, {@code 0.25s}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 10 && duration.toMillis() % 1000 != 0) {
            return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
        }
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
