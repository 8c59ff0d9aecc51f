package io.packit.pipeline.forge;

import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.RunListener;
import io.packit.pipeline.engine.RunState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps the forge's statuses of a run current: on every change of the run's state it works out the statuses
 * ({@link NodeForgeStatuses}) and hands those that differ from what it last handed on to the publisher.
 *
 * <p>The run's listeners are called while the run's lock is held, and publishing goes over the network, so the
 * publisher is called on {@code executor}, one status at a time, in order; a status that changes again before it
 * was published is published once, in its latest form. A reporter attached to a resumed run publishes every status
 * once more (the forge replaces a status of the same name).
 */
public final class ForgeStatusReporter implements RunListener {
    private final NodeForgeStatuses statuses;
    private final ForgeStatusPublisher publisher;
    private final Executor executor;
    private final Map<String, ForgeStatus> handedOn = new HashMap<>();
    private final Map<String, ForgeStatus> pending = new LinkedHashMap<>();
    private boolean draining;

    private ForgeStatusReporter(NodeForgeStatuses statuses, ForgeStatusPublisher publisher, Executor executor) {
        this.statuses = statuses;
        this.publisher = publisher;
        this.executor = executor;
    }

    /**
     * Reports the statuses of {@code state} from now on, starting with every status as it stands.
     *
     * @param state      the run
     * @param names      how its statuses are named
     * @param detailsUrl the run's page (empty: none)
     * @param publisher  where statuses go
     * @param executor   where the publisher is called (a direct executor calls it in the run's listener)
     * @return the reporter, listening to {@code state}
     */
    public static ForgeStatusReporter attach(RunState state, StatusNames names, String detailsUrl,
            ForgeStatusPublisher publisher, Executor executor) {
        var reporter = new ForgeStatusReporter(new NodeForgeStatuses(state, names, detailsUrl),
                Objects.requireNonNull(publisher, "publisher"), Objects.requireNonNull(executor, "executor"));
        // under the run's lock, as its listeners are called: no change slips between the first statuses and the next
        synchronized (state) {
            state.addListener(reporter);
            reporter.refresh();
        }
        return reporter;
    }

    @Override
    public void changed(NodeStatus status, Change change) {
        refresh();
    }

    private void refresh() {
        var now = statuses.all();
        boolean start;
        synchronized (this) {
            for (var status : now) {
                if (!status.equals(handedOn.get(status.name()))) {
                    handedOn.put(status.name(), status);
                    pending.put(status.name(), status);
                }
            }
            start = !pending.isEmpty() && !draining;
            draining |= start;
        }
        if (start) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException shutDown) {
                synchronized (this) {
                    draining = false;
                }
            }
        }
    }

    private void drain() {
        while (true) {
            ForgeStatus next;
            synchronized (this) {
                var first = pending.values().iterator();
                if (!first.hasNext()) {
                    draining = false;
                    return;
                }
                next = first.next();
                first.remove();
            }
            try {
                publisher.publish(next);
            } catch (RuntimeException failure) {
                publisher.failed(next, failure);
            }
        }
    }
}
