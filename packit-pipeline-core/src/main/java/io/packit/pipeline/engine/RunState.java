package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shared board of one run: every node's {@link NodeStatus}, and the answer to "are the needs of node X met,
 * or did one fail?" ({@link #readiness(NodeId)}), at chroot level.
 *
 * <p>Thread-safe: the engine's steps report from worker threads; a Jenkins build's steps share one board.
 * Listeners (the state file, a live view) hear every change in order.
 */
public final class RunState {
    private final NeedsIndex index;
    private final EngineClock clock;
    private final Map<NodeId, NodeStatus> statuses = new LinkedHashMap<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * A fresh run of {@code plan}: nodes the plan does not run for its event are skipped with the plan's reason
     * ({@code unchanged}, {@code manual job not requested}); all others wait.
     *
     * @param plan        the plan
     * @param clock       the time used for start and end times
     * @param coprBatches whether Copr batches order dependent builds (then an srpm node submits its build at
     *                    once instead of waiting for the builds it depends on)
     */
    public RunState(Plan plan, EngineClock clock, boolean coprBatches) {
        this.index = new NeedsIndex(plan, !coprBatches);
        this.clock = Objects.requireNonNull(clock, "clock");
        for (var node : plan.nodes()) {
            var status = NodeStatus.waiting(node.id());
            if (!node.runs()) {
                status = status.withState(NodeState.SKIPPED, node.skipReason());
            }
            statuses.put(node.id(), status);
        }
    }

    /** The plan being run. */
    public Plan plan() {
        return index.plan();
    }

    /** The node {@code id} of the plan. */
    public Node node(NodeId id) {
        return index.node(id);
    }

    /** The time source of this run. */
    public EngineClock clock() {
        return clock;
    }

    /** Adds a listener. */
    public void addListener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The status of {@code id}. */
    public synchronized NodeStatus status(NodeId id) {
        var status = statuses.get(id);
        if (status == null) {
            throw new IllegalArgumentException("node " + id + " is not in the plan");
        }
        return status;
    }

    /** Every node's status, in plan order. */
    public synchronized List<NodeStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    /** Whether every node is in a final state. */
    public synchronized boolean isFinished() {
        return statuses.values().stream().allMatch(status -> status.state().isTerminal());
    }

    /** The nodes that wait for {@code id} (their readiness may change when it does). */
    public java.util.Set<NodeId> dependentsOf(NodeId id) {
        return index.dependentsOf(id);
    }

    /**
     * What {@code id} waits for as the engine runs it: the plan's edges into it, except that with Copr batches an
     * srpm node leaves its {@code depends} edges to its build, and a build also waits for its srpm's
     * {@code depends} edges (see {@link #readiness}).
     */
    public List<Edge> needsOf(NodeId id) {
        return index.needsOf(id);
    }

    /** The copr_build nodes the build {@code buildId} depends on, transitively, nearest first. */
    public List<NodeId> dependencyBuildsOf(NodeId buildId) {
        return index.dependencyBuildsOf(buildId);
    }

    /** The copr_build nodes the build {@code buildId} depends on, transitively, each after those it depends on. */
    public List<NodeId> dependencyBuildsFirst(NodeId buildId) {
        return index.dependencyBuildsFirst(buildId);
    }

    /** The srpm node submitting the build {@code buildId}, if the plan has one. */
    public Optional<NodeId> srpmOf(NodeId buildId) {
        return index.srpmOf(buildId);
    }

    /** The build an srpm node submits, if any. */
    public Optional<NodeId> buildOf(NodeId srpmId) {
        return index.buildOf(srpmId);
    }

    /**
     * Whether the needs of {@code id} are met, still open, or failed (a reused node or chroot meets them as a
     * succeeded one does). Tests for chroot c are ready as soon as chroot c of their build succeeded; a build that depends on others (its srpm, which submits it, and the build
     * node itself) is ready once their builds have ended, on the chroots where they all succeeded: a chroot both
     * build is left out with the root cause where a dependency did not succeed, and when no chroot is left the
     * node is blocked.
     */
    public synchronized Readiness readiness(NodeId id) {
        var domain = index.domainOf(id);
        var excluded = new LinkedHashMap<String, String>();
        var pending = new ArrayList<String>();
        String blocked = null;
        for (var edge : index.needsOf(id)) {
            if (isWholeBuildDependency(edge)) {
                var from = statuses.get(edge.from());
                if (!from.state().isTerminal()) {
                    pending.add(edge.need());
                    continue;
                }
                var theirs = index.node(edge.from()).chroots();
                var common = domain.stream().filter(theirs::contains).toList();
                if (common.isEmpty() && index.chrootsAtRunTime(id)) {
                    // its chroots are known when it is submitted: the executor leaves out those they did not build
                    continue;
                }
                if (common.isEmpty()) {
                    if (!from.state().isSuccess() && blocked == null) {
                        blocked = nodeCause(from);
                    }
                    continue;
                }
                for (var chroot : common) {
                    var verdict = endedChrootVerdict(from, chroot);
                    if (verdict != null) {
                        excluded.putIfAbsent(chroot, verdict);
                    }
                }
                continue;
            }
            var verdict = verdict(edge);
            if (verdict == null) {
                continue;
            }
            if (verdict.isEmpty()) {
                pending.add(edge.need());
            } else if (!edge.chroot().isEmpty() && domain.contains(edge.chroot())) {
                excluded.putIfAbsent(edge.chroot(), verdict);
            } else if (blocked == null) {
                blocked = verdict;
            }
        }
        if (blocked != null) {
            return new Readiness.Blocked(blocked);
        }
        if (!domain.isEmpty() && excluded.keySet().containsAll(domain)) {
            return new Readiness.Blocked(excluded.values().iterator().next());
        }
        if (!pending.isEmpty()) {
            return new Readiness.Waiting(pending);
        }
        var chroots = domain.stream().filter(chroot -> !excluded.containsKey(chroot)).toList();
        return new Readiness.Ready(chroots, excluded);
    }

    /** A {@code depends} edge on a whole dependency build: settled when that build has ended, judged per chroot. */
    private static boolean isWholeBuildDependency(Edge edge) {
        return edge.kind() == EdgeKind.DEPENDS && edge.chroot().isEmpty() && edge.from().kind() == NodeKind.COPR_BUILD;
    }

    /** null: met; empty: not settled; else the root cause of its failure. */
    @CheckForNull
    private String verdict(Edge edge) {
        var from = statuses.get(edge.from());
        if (!edge.chroot().isEmpty()) {
            var outcome = from.chroots().get(edge.chroot());
            if (outcome != null && outcome.state().isTerminal()) {
                return chrootVerdict(from, edge.chroot(), outcome);
            }
            if (!from.state().isTerminal()) {
                return "";
            }
            return endedChrootVerdict(from, edge.chroot());
        }
        if (from.state().isSuccess()) {
            return null;
        }
        return from.state().isTerminal() ? nodeCause(from) : "";
    }

    /** How chroot {@code chroot} of the ended build {@code from} went: null when it succeeded, else the root cause. */
    @CheckForNull
    private static String endedChrootVerdict(NodeStatus from, String chroot) {
        var outcome = from.chroots().get(chroot);
        if (outcome != null && outcome.state().isTerminal()) {
            return chrootVerdict(from, chroot, outcome);
        }
        if (from.state().isSuccess()) {
            return from.id() + " has no result for " + chroot;
        }
        return nodeCause(from);
    }

    @CheckForNull
    private static String chrootVerdict(NodeStatus from, String chroot, ChrootOutcome outcome) {
        switch (outcome.state()) {
            case SUCCEEDED:
            case REUSED:
                return null;
            case SKIPPED:
                return outcome.reason().isEmpty() ? from.id() + " skipped " + chroot : outcome.reason();
            case CANCELLED:
                return from.id() + " was cancelled on " + chroot;
            default:
                return from.id() + " failed on " + chroot;
        }
    }

    private static String nodeCause(NodeStatus from) {
        switch (from.state()) {
            case SKIPPED:
                return from.reason().isEmpty() ? from.id() + " was skipped" : from.reason();
            case CANCELLED:
                return from.id() + " was cancelled";
            default:
                var failed = from.chroots().entrySet().stream()
                        .filter(entry -> entry.getValue().state() == NodeState.FAILED)
                        .map(Map.Entry::getKey)
                        .toList();
                return failed.isEmpty() ? from.id() + " failed" : from.id() + " failed on " + String.join(", ", failed);
        }
    }

    /** Marks {@code id} running (from waiting), with its start time. */
    public synchronized NodeStatus markRunning(NodeId id) {
        var status = status(id);
        if (status.state() != NodeState.WAITING && status.state() != NodeState.RUNNING) {
            throw new IllegalStateException("node " + id + " cannot start: it is " + status.state());
        }
        var started = status.startedAt() == null ? clock.now() : status.startedAt();
        return update(status.withState(NodeState.RUNNING, "").withTimes(started, null), RunListener.Change.STATE);
    }

    /**
     * Puts {@code id} in a final state. A node already final keeps its state (a late step result never
     * overwrites a cancellation).
     *
     * @return whether the state changed
     */
    public synchronized boolean finish(NodeId id, NodeState state, String reason) {
        if (!state.isTerminal()) {
            throw new IllegalArgumentException("finish needs a final state, got " + state);
        }
        Objects.requireNonNull(reason, "reason");
        var status = status(id);
        if (status.state().isTerminal()) {
            return false;
        }
        var ended = clock.now();
        var started = status.startedAt();
        if (state == NodeState.SKIPPED && started == null) {
            ended = null;
        }
        update(status.withState(state, reason).withTimes(started, ended), RunListener.Change.STATE);
        return true;
    }

    /** Records the outcome of one chroot of {@code id}. */
    public synchronized void reportChroot(NodeId id, String chroot, ChrootOutcome outcome) {
        var status = status(id);
        var previous = status.chroots().get(chroot);
        if (outcome.equals(previous) || previous != null && previous.state().isTerminal()) {
            return;
        }
        update(status.withChroot(chroot, outcome), RunListener.Change.CHROOT);
    }

    /** Records a remote id of {@code id} (listeners persist it before this returns). */
    public synchronized void recordRemote(NodeId id, String key, String value) {
        var status = status(id);
        if (value.equals(status.remote().get(key))) {
            return;
        }
        update(status.withRemote(key, value), RunListener.Change.REMOTE_ID);
    }

    /** Attaches a link (build page, test artifacts) to {@code id}. */
    public synchronized void addLink(NodeId id, String key, String url) {
        update(status(id).withLink(key, url), RunListener.Change.DETAIL);
    }

    /** Attaches the JUnit XML of a test node. */
    public synchronized void attachJunit(NodeId id, String xml) {
        update(status(id).withJunit(xml), RunListener.Change.DETAIL);
    }

    /**
     * Loads the statuses of an earlier run of the same plan (a resumed run): final nodes keep their result,
     * running nodes with a remote id stay running (their polling resumes), running nodes without one wait again.
     * Nodes not in the plan are ignored.
     */
    public synchronized void restore(List<NodeStatus> saved) {
        for (var status : saved) {
            if (!statuses.containsKey(status.id())) {
                continue;
            }
            var restored = status;
            if (status.state() == NodeState.RUNNING && !status.hasRemoteId()) {
                restored = status.withState(NodeState.WAITING, "").withTimes(null, null);
            }
            statuses.put(status.id(), restored);
        }
    }

    private NodeStatus update(NodeStatus status, RunListener.Change change) {
        statuses.put(status.id(), status);
        for (var listener : listeners) {
            listener.changed(status, change);
        }
        return status;
    }
}
