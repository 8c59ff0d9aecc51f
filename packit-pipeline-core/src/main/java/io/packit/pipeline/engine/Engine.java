package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.NodeId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a whole plan on one machine: a node starts as soon as everything it needs has succeeded (tests at chroot
 * level), nodes run concurrently with at most {@link EngineOptions#maxCallsInFlight} steps at once, a failure
 * skips only its dependents (with the root cause), and {@link #cancel()} cancels every remote build and request
 * started, dependents first.
 *
 * <p>One loop thread owns the schedule; steps run on a pool (or inline, for virtual-time tests).
 */
public final class Engine {
    private final NodeSteps steps;
    private final RunState state;
    private final EngineOptions options;
    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    @CheckForNull
    private final Executor stepExecutor;

    /** An engine whose steps run on its own pool of {@code options.maxCallsInFlight()} threads. */
    public Engine(RunState state, NodeExecutors executors, EngineOptions options) {
        this(state, executors, options, null);
    }

    /**
     * An engine whose steps run on {@code stepExecutor} ({@code Runnable::run} runs them inline on the loop
     * thread, which makes a virtual-time run deterministic).
     */
    public Engine(RunState state, NodeExecutors executors, EngineOptions options, @CheckForNull Executor stepExecutor) {
        this.state = Objects.requireNonNull(state, "state");
        this.steps = new NodeSteps(state, executors);
        this.options = Objects.requireNonNull(options, "options");
        this.stepExecutor = stepExecutor;
    }

    /** The board this engine runs. */
    public RunState state() {
        return state;
    }

    /** Asks the running {@link #run()} to cancel everything (thread-safe, returns at once). */
    public void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            signals.add(Cancel.REQUESTED);
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    /**
     * Runs until every node is final, or until cancelled (then every started remote build and request is
     * cancelled, dependents first, before this returns).
     */
    public RunOutcome run() {
        ExecutorService ownPool = null;
        Executor executor = stepExecutor;
        if (executor == null) {
            ownPool = Executors.newFixedThreadPool(options.maxCallsInFlight(), new StepThreads());
            executor = ownPool;
        }
        try {
            new Loop(executor).run();
        } finally {
            if (ownPool != null) {
                ownPool.shutdownNow();
            }
        }
        return RunOutcome.of(state.statuses(), cancelRequested.get());
    }

    private final class Loop {
        private final Executor executor;
        private final Set<NodeId> dirty = new LinkedHashSet<>();
        private final Set<NodeId> ready = new LinkedHashSet<>();
        private final Map<NodeId, Instant> due = new HashMap<>();
        private final Set<NodeId> inFlight = new HashSet<>();

        Loop(Executor executor) {
            this.executor = executor;
        }

        void run() {
            var now = clock().now();
            for (var status : state.statuses()) {
                if (status.state() == NodeState.WAITING) {
                    dirty.add(status.id());
                } else if (status.state() == NodeState.RUNNING) {
                    due.put(status.id(), now);
                }
            }
            while (true) {
                if (cancelRequested.get()) {
                    if (inFlight.isEmpty()) {
                        cancelAll();
                        return;
                    }
                } else {
                    settle();
                    dispatch();
                    if (inFlight.isEmpty() && ready.isEmpty() && due.isEmpty()) {
                        if (!state.isFinished()) {
                            throw new IllegalStateException("the run is stuck: nodes wait for needs that never end: "
                                    + state.statuses().stream().filter(s -> !s.state().isTerminal()).map(s -> s.id().toString()).toList());
                        }
                        return;
                    }
                }
                Signal signal = await();
                while (signal != null) {
                    handle(signal);
                    signal = signals.poll();
                }
            }
        }

        @CheckForNull
        private Signal await() {
            Instant deadline = null;
            if (!cancelRequested.get() && inFlight.size() < options.maxCallsInFlight()) {
                for (var entry : due.entrySet()) {
                    if (!inFlight.contains(entry.getKey()) && (deadline == null || entry.getValue().isBefore(deadline))) {
                        deadline = entry.getValue();
                    }
                }
            }
            try {
                return clock().await(signals, deadline, !inFlight.isEmpty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                return signals.poll();
            }
        }

        private void handle(Signal signal) {
            if (!(signal instanceof Finished finished)) {
                return;
            }
            inFlight.remove(finished.id());
            if (finished.progress() instanceof Progress.Pending pending) {
                due.put(finished.id(), clock().now().plus(pending.delay()));
            } else {
                due.remove(finished.id());
            }
            dirty.addAll(state.dependentsOf(finished.id()));
        }

        /** Skips blocked nodes (and, transitively, theirs), queues ready ones. */
        private void settle() {
            while (!dirty.isEmpty()) {
                var id = dirty.iterator().next();
                dirty.remove(id);
                // a node whose start is in flight is still WAITING until the step marks it running
                if (inFlight.contains(id) || ready.contains(id) || state.status(id).state() != NodeState.WAITING) {
                    continue;
                }
                var readiness = state.readiness(id);
                if (readiness instanceof Readiness.Blocked) {
                    if (steps.skipIfBlocked(id)) {
                        dirty.addAll(state.dependentsOf(id));
                    }
                } else if (readiness instanceof Readiness.Ready) {
                    ready.add(id);
                }
            }
        }

        private void dispatch() {
            var now = clock().now();
            // due polls first: they may free whole subtrees
            for (var entry : List.copyOf(due.entrySet())) {
                if (inFlight.size() >= options.maxCallsInFlight()) {
                    return;
                }
                var id = entry.getKey();
                if (!inFlight.contains(id) && !entry.getValue().isAfter(now)) {
                    due.remove(id);
                    submit(id, () -> steps.poll(id));
                }
            }
            var iterator = ready.iterator();
            while (iterator.hasNext() && inFlight.size() < options.maxCallsInFlight()) {
                var id = iterator.next();
                iterator.remove();
                submit(id, () -> steps.start(id));
            }
        }

        private void submit(NodeId id, java.util.function.Supplier<Progress> step) {
            inFlight.add(id);
            executor.execute(() -> {
                Progress progress;
                try {
                    progress = step.get();
                } catch (RuntimeException e) {
                    state.finish(id, NodeState.FAILED, String.valueOf(e.getMessage()));
                    progress = Progress.failed(String.valueOf(e.getMessage()));
                }
                signals.add(new Finished(id, progress));
            });
        }

        /** Children before parents: the plan is topological, so walk it backwards. */
        private void cancelAll() {
            var statuses = state.statuses();
            for (int i = statuses.size() - 1; i >= 0; i--) {
                var status = state.status(statuses.get(i).id());
                if (status.state() == NodeState.RUNNING) {
                    steps.cancel(status.id(), "cancelled while running");
                }
            }
            for (var status : state.statuses()) {
                if (status.state() == NodeState.WAITING) {
                    steps.cancel(status.id(), "cancelled before it started");
                }
            }
        }

        private EngineClock clock() {
            return options.clock();
        }
    }

    /** What wakes the loop: a finished step, or the cancel request. */
    private sealed interface Signal permits Finished, Cancel {
    }

    /** A step of node {@code id} finished with {@code progress}. */
    private record Finished(NodeId id, Progress progress) implements Signal {
    }

    /** The cancel request. */
    private enum Cancel implements Signal {
        REQUESTED
    }

    private static final class StepThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            var thread = new Thread(runnable, "packit-engine-step-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
