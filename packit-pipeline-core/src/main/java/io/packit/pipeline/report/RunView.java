package io.packit.pipeline.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunOutcome;
import io.packit.pipeline.engine.RunSummary;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.NodeMarks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run as its page shows it at one instant: every node of the plan with its status (a node the statuses lack
 * waits), counts per state and package, time spans, and the marks of the drawing (a box's state class and status
 * line, a chroot line's outcome, tooltip lines).
 *
 * @param plan     the plan run
 * @param statuses every node's status, in plan order
 * @param byId     the same, by node
 * @param now      the instant shown
 */
record RunView(Plan plan, List<NodeStatus> statuses, Map<NodeId, NodeStatus> byId, Instant now) implements NodeMarks {
    RunView {
        statuses = List.copyOf(statuses);
        byId = Map.copyOf(byId);
    }

    /** The view of {@code statuses} (of {@code plan}'s nodes; others are ignored) at {@code now}. */
    static RunView of(Plan plan, List<NodeStatus> statuses, Instant now) {
        var byId = new HashMap<NodeId, NodeStatus>();
        statuses.forEach(status -> byId.put(status.id(), status));
        var ordered = new ArrayList<NodeStatus>();
        var known = new HashMap<NodeId, NodeStatus>();
        for (var node : plan.nodes()) {
            var status = byId.getOrDefault(node.id(), NodeStatus.waiting(node.id()));
            ordered.add(status);
            known.put(node.id(), status);
        }
        return new RunView(plan, ordered, known, now);
    }

    /** Whether every node is in a final state. */
    boolean finished() {
        return statuses.stream().allMatch(status -> status.state().isTerminal());
    }

    /** One word for the run: {@code running}, else how it ended ({@code succeeded}, {@code failed}, {@code cancelled}). */
    String word() {
        if (!finished()) {
            return NodeState.RUNNING.key();
        }
        return RunOutcome.of(statuses, false).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How many nodes are in each state (states without nodes left out), in state order. */
    Map<String, Integer> counts() {
        var counts = new EnumMap<NodeState, Integer>(NodeState.class);
        statuses.forEach(status -> counts.merge(status.state(), 1, Integer::sum));
        var keyed = new LinkedHashMap<String, Integer>();
        counts.forEach((state, count) -> keyed.put(state.key(), count));
        return keyed;
    }

    /** The package names, in plan order. */
    List<String> packageNames() {
        return statuses.stream().map(status -> status.id().packageName()).distinct().toList();
    }

    /** How many nodes of package {@code name} are in each state. */
    Map<NodeState, Integer> packageCounts(String name) {
        var counts = new EnumMap<NodeState, Integer>(NodeState.class);
        statuses.stream().filter(status -> status.id().packageName().equals(name))
                .forEach(status -> counts.merge(status.state(), 1, Integer::sum));
        return counts;
    }

    /** From the first start to the last end (or now, while a node runs); empty when nothing started. */
    Optional<Duration> span() {
        return span(statuses);
    }

    /** The span of package {@code name}'s nodes. */
    Optional<Duration> packageSpan(String name) {
        return span(statuses.stream().filter(status -> status.id().packageName().equals(name)).toList());
    }

    private Optional<Duration> span(List<NodeStatus> some) {
        Instant first = null;
        Instant last = null;
        for (var status : some) {
            var started = status.startedAt();
            if (started == null) {
                continue;
            }
            var ended = status.endedAt() == null ? now : status.endedAt();
            first = first == null || started.isBefore(first) ? started : first;
            last = last == null || ended.isAfter(last) ? ended : last;
        }
        return first == null ? Optional.empty() : Optional.of(Duration.between(first, last));
    }

    /**
     * The chain of started nodes that ends last, walked back through the need that ended last: what the run's
     * length is made of so far. Empty when nothing started.
     */
    List<NodeId> slowestChain() {
        NodeStatus last = null;
        for (var status : statuses) {
            if (status.startedAt() != null && (last == null || end(status).isAfter(end(last)))) {
                last = status;
            }
        }
        var chain = new ArrayList<NodeId>();
        var seen = new java.util.HashSet<NodeId>();
        for (var at = last; at != null && seen.add(at.id()); at = latestNeed(at)) {
            chain.add(at.id());
        }
        Collections.reverse(chain);
        return chain;
    }

    @CheckForNull
    private NodeStatus latestNeed(NodeStatus status) {
        NodeStatus latest = null;
        for (Edge edge : plan.needsOf(status.id())) {
            var need = byId.get(edge.from());
            if (need != null && need.startedAt() != null && (latest == null || end(need).isAfter(end(latest)))) {
                latest = need;
            }
        }
        return latest;
    }

    /** From the first node's start to the last one's end (or now). */
    Duration chainSpan(List<NodeId> chain) {
        var first = byId.get(chain.get(0)).startedAt();
        var last = end(byId.get(chain.get(chain.size() - 1)));
        return first == null ? Duration.ZERO : Duration.between(first, last);
    }

    private Instant end(NodeStatus status) {
        var ended = status.endedAt();
        return ended == null ? now : ended;
    }

    /** The reason as the page says it: a skip's root cause after {@code skipped:}, else the text itself. */
    static String reasonText(NodeStatus status) {
        return status.state() == NodeState.SKIPPED ? "skipped: " + status.reason() : status.reason();
    }

    private NodeStatus of(NodeId id) {
        var status = byId.get(id);
        return status != null ? status : NodeStatus.waiting(id);
    }

    @Override
    public String nodeClasses(NodeId id) {
        return "st-" + of(id).state().key();
    }

    @Override
    public String status(NodeId id) {
        var status = of(id);
        var took = status.elapsed(now).map(RunSummary::format);
        return status.state().key() + took.map(text -> " · " + text).orElse("");
    }

    @Override
    public String chrootClasses(NodeId id, String chroot) {
        return of(id).chroot(chroot).map(outcome -> "ch-" + outcome.state().key()).orElse("");
    }

    @Override
    public List<String> details(NodeId id) {
        var status = of(id);
        var lines = new ArrayList<String>();
        lines.add("state: " + status.state().key() + status.elapsed(now).map(took -> " (" + RunSummary.format(took) + ")").orElse(""));
        if (!status.reason().isEmpty()) {
            lines.add(reasonText(status));
        }
        status.chroots().forEach((chroot, outcome) -> lines.add(chroot + ": " + outcome.state().key()
                + (outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")")));
        return lines;
    }

    @Override
    public String packageClasses(String name) {
        return "st-" + RunSummary.packageState(packageCounts(name)).key();
    }

    @Override
    public String packageStatus(String name) {
        var counts = packageCounts(name);
        var parts = new ArrayList<String>();
        counts.forEach((state, count) -> parts.add(count + " " + state.key()));
        return String.join(", ", parts);
    }
}
