package io.packit.pipeline.engine;

import io.packit.pipeline.graph.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives the nodes of one pipeline step on a build's shared board, one short round at a time, so that a Jenkins
 * step can call {@link #advance} from a timer and hold no thread (and no executor) in between: a waiting node
 * whose need failed is skipped with its root cause, a ready one is started, a running one is polled.
 *
 * <p>It remembers what it last reported of each node, so every round logs only what changed. After a controller
 * restart a fresh driver reports each node's current state once.
 *
 * <p>Rounds and {@link #cancel} of the same nodes exclude each other, also across drivers: {@link NodeSteps} runs
 * one step of a node at a time, so a cancel never overtakes a submission in flight.
 */
public final class StepDriver {
    private final NodeSteps steps;
    private final Duration waitPoll;
    private final Map<NodeId, NodeStatus> reported = new HashMap<>();

    /**
     * A driver on {@code steps}.
     *
     * @param steps    the build's shared board and executors
     * @param waitPoll how often to look again while a node waits for its needs
     */
    public StepDriver(NodeSteps steps, Duration waitPoll) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.waitPoll = Objects.requireNonNull(waitPoll, "waitPoll");
        if (waitPoll.isNegative() || waitPoll.isZero()) {
            throw new IllegalArgumentException("waitPoll must be positive, got " + waitPoll);
        }
    }

    /** One round over {@code ids}: each node not yet final takes one step. */
    public synchronized StepProgress advance(List<NodeId> ids) {
        var state = steps.state();
        var log = new ArrayList<String>();
        Duration next = null;
        for (var id : ids) {
            var progress = step(id);
            if (progress instanceof Progress.Pending pending) {
                next = next == null || pending.delay().compareTo(next) < 0 ? pending.delay() : next;
            }
            var now = state.status(id);
            log.addAll(StatusChanges.between(reported.get(id), now));
            reported.put(id, now);
        }
        if (next != null) {
            return new StepProgress.Pending(next, log);
        }
        return done(ids, log);
    }

    /**
     * Decides what can be decided about {@code ids} without calling any service, as early as a step can: a waiting
     * node whose need has already failed is skipped with its root cause. When every node has then ended, the
     * step's end; otherwise nothing (no node is started or polled here; the step goes on with {@link #advance}).
     * A Jenkins step calls this when it starts, so a stage whose need had already failed is marked skipped the
     * moment its body begins, as Declarative marks a stage whose {@code when} is false.
     */
    public synchronized Optional<StepProgress.Done> settle(List<NodeId> ids) {
        var state = steps.state();
        for (var id : ids) {
            steps.skipIfBlocked(id);
        }
        if (!ids.stream().allMatch(id -> state.status(id).state().isTerminal())) {
            return Optional.empty();
        }
        var log = new ArrayList<String>();
        for (var id : ids) {
            var now = state.status(id);
            log.addAll(StatusChanges.between(reported.get(id), now));
            reported.put(id, now);
        }
        return Optional.of(done(ids, log));
    }

    /**
     * Cancels {@code ids} that have not ended (their remote builds and requests too), the later ones in plan
     * order first.
     *
     * @return the lines for the log
     */
    public synchronized List<String> cancel(List<NodeId> ids, String reason) {
        Objects.requireNonNull(reason, "reason");
        var log = new ArrayList<String>();
        var order = new ArrayList<>(ids);
        Collections.reverse(order);
        for (var id : order) {
            steps.cancel(id, reason);
            var now = steps.state().status(id);
            log.addAll(StatusChanges.between(reported.get(id), now));
            reported.put(id, now);
        }
        return log;
    }

    private Progress step(NodeId id) {
        var state = steps.state();
        var status = state.status(id);
        switch (status.state()) {
            case WAITING:
                if (steps.skipIfBlocked(id)) {
                    var skipped = state.status(id);
                    return new Progress.Done(skipped.state(), skipped.reason());
                }
                if (state.readiness(id) instanceof Readiness.Waiting) {
                    return Progress.pollIn(waitPoll);
                }
                return steps.start(id);
            case RUNNING:
                return steps.poll(id);
            default:
                return new Progress.Done(status.state(), status.reason());
        }
    }

    private StepProgress.Done done(List<NodeId> ids, List<String> log) {
        var state = steps.state();
        var failed = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        var reused = new ArrayList<String>();
        for (var id : ids) {
            var status = state.status(id);
            var line = status.reason().isEmpty() ? id.toString() : id + ": " + status.reason();
            if (status.state() == NodeState.SKIPPED) {
                skipped.add(line);
            } else if (status.state() == NodeState.REUSED) {
                reused.add(line);
            } else if (status.state() != NodeState.SUCCEEDED) {
                failed.add(status.state() == NodeState.CANCELLED ? id + " was cancelled" + suffix(status) : line);
            }
        }
        if (!failed.isEmpty()) {
            return new StepProgress.Done(NodeState.FAILED, "failed: " + String.join("; ", failed), log);
        }
        var message = new ArrayList<String>();
        if (!skipped.isEmpty()) {
            message.add("skipped: " + String.join("; ", skipped));
        }
        if (!reused.isEmpty()) {
            message.add("reused: " + String.join("; ", reused));
        }
        var outcome = !skipped.isEmpty() && skipped.size() == ids.size() ? NodeState.SKIPPED : NodeState.SUCCEEDED;
        return new StepProgress.Done(outcome, String.join("\n", message), log);
    }

    private static String suffix(NodeStatus status) {
        return status.reason().isEmpty() ? "" : ": " + status.reason();
    }
}
