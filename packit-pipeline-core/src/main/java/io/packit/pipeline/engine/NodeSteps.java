package io.packit.pipeline.engine;

import io.packit.pipeline.graph.NodeId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs single nodes one step at a time on a {@link RunState}: what the engine's loop calls, and what a Jenkins
 * step calls for its own node ("are my needs met? then start me; poll me again later").
 *
 * <p>Every step is fenced: an exception from an executor fails the node with its message instead of escaping.
 *
 * <p>The steps of one node are exclusive: a start (which submits remote work), a poll and a cancel of the same
 * node never run at once, whichever threads call them (a Jenkins step's round on a pool thread and its
 * {@code stop()}, two drivers of the same node, the engine's loop and its workers). So a cancel that comes while
 * a submission is in flight waits for it and then cancels what it created, and a node cancelled first is never
 * submitted.
 */
public final class NodeSteps {
    private final RunState state;
    private final NodeExecutors executors;
    private final Map<NodeId, List<String>> chroots = new ConcurrentHashMap<>();
    private final Map<NodeId, Object> locks = new ConcurrentHashMap<>();

    /** Steps over {@code state} with {@code executors}. */
    public NodeSteps(RunState state, NodeExecutors executors) {
        this.state = Objects.requireNonNull(state, "state");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /** The board stepped on. */
    public RunState state() {
        return state;
    }

    /**
     * Skips {@code id} with its root cause when one of its needs failed.
     *
     * @return whether it was skipped
     */
    public boolean skipIfBlocked(NodeId id) {
        synchronized (lockOf(id)) {
            if (state.status(id).state() != NodeState.WAITING) {
                return false;
            }
            var readiness = state.readiness(id);
            if (readiness instanceof Readiness.Blocked blocked) {
                return state.finish(id, NodeState.SKIPPED, blocked.rootCause());
            }
            return false;
        }
    }

    /**
     * Starts {@code id}, whose needs must be met ({@link RunState#readiness} is {@link Readiness.Ready}): marks it
     * running, reports the chroots left out as skipped with their root cause, and submits its work. A node that
     * already has a remote id (a resumed run) is polled instead: it is never submitted twice. A node that has
     * already ended (cancelled while this call waited for it) is not submitted: its end is returned.
     *
     * @throws IllegalStateException when its needs are not met or it is running
     */
    public Progress start(NodeId id) {
        synchronized (lockOf(id)) {
            var status = state.status(id);
            if (status.state().isTerminal()) {
                // cancelled (or skipped) while this start waited for the node: nothing is submitted
                return new Progress.Done(status.state(), status.reason());
            }
            var readiness = state.readiness(id);
            if (!(readiness instanceof Readiness.Ready ready)) {
                throw new IllegalStateException("node " + id + " is not ready: " + readiness);
            }
            if (status.state() != NodeState.WAITING) {
                throw new IllegalStateException("node " + id + " cannot start: it is " + status.state());
            }
            var own = state.node(id).chroots();
            ready.excluded().forEach((chroot, cause) -> {
                if (own.contains(chroot)) {
                    state.reportChroot(id, chroot, new ChrootOutcome(NodeState.SKIPPED, cause, ""));
                }
            });
            chroots.put(id, ready.chroots());
            state.markRunning(id);
            var run = new NodeRun(state, id, ready.chroots());
            var executor = executors.forKind(id.kind());
            return apply(id, () -> status.hasRemoteId() ? executor.poll(run) : executor.start(run));
        }
    }

    /** Polls running node {@code id} (also the first step of a node resumed from a state file). */
    public Progress poll(NodeId id) {
        synchronized (lockOf(id)) {
            var status = state.status(id);
            if (status.state().isTerminal()) {
                return new Progress.Done(status.state(), status.reason());
            }
            if (status.state() != NodeState.RUNNING) {
                throw new IllegalStateException("node " + id + " is not running: it is " + status.state());
            }
            var run = new NodeRun(state, id, chrootsOf(id));
            return apply(id, () -> executors.forKind(id.kind()).poll(run));
        }
    }

    /**
     * Cancels {@code id}: a running node's remote work is cancelled, a waiting node never starts. Nodes already
     * final are left as they are.
     *
     * @return whether the node ended up cancelled by this call
     */
    public boolean cancel(NodeId id, String reason) {
        synchronized (lockOf(id)) {
            var status = state.status(id);
            if (status.state().isTerminal()) {
                return false;
            }
            if (status.state() == NodeState.RUNNING || status.hasRemoteId()) {
                var run = new NodeRun(state, id, chrootsOf(id));
                try {
                    executors.forKind(id.kind()).cancel(run);
                } catch (RuntimeException e) {
                    state.finish(id, NodeState.CANCELLED, reason + "; cancelling it failed: " + describe(e));
                    return true;
                }
            }
            return state.finish(id, NodeState.CANCELLED, reason);
        }
    }

    private Object lockOf(NodeId id) {
        return locks.computeIfAbsent(id, key -> new Object());
    }

    private List<String> chrootsOf(NodeId id) {
        return chroots.computeIfAbsent(id, key -> {
            var readiness = state.readiness(key);
            return readiness instanceof Readiness.Ready ready ? ready.chroots() : state.node(key).chroots();
        });
    }

    private Progress apply(NodeId id, java.util.function.Supplier<Progress> step) {
        Progress progress;
        try {
            progress = Objects.requireNonNull(step.get(), "progress");
        } catch (RuntimeException e) {
            progress = Progress.failed(describe(e));
        }
        if (progress instanceof Progress.Done done) {
            if (!state.finish(id, done.state(), done.reason())) {
                var now = state.status(id);
                return new Progress.Done(now.state(), now.reason());
            }
        }
        return progress;
    }

    private static String describe(RuntimeException e) {
        var message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
