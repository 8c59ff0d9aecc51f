package io.packit.pipeline.engine;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.http.ApiException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rides out a service's bad moments at node level: a step that failed with 429, a 5xx or no answer at all (after
 * the client's own retries) is tried again at the next poll instead of failing the node, up to
 * {@value #MAX_IN_A_ROW} times in a row. Writes whose outcome is unknown are the executors' business (they must
 * look before they submit again); this only sees failures that are safe to repeat.
 */
final class TransientFailures {
    static final int MAX_IN_A_ROW = 8;

    private final Map<NodeId, Integer> inARow = new ConcurrentHashMap<>();
    private final Polling polling;

    TransientFailures(Polling polling) {
        this.polling = polling;
    }

    /** Runs {@code step}; a transient failure becomes "poll again". */
    Progress guard(NodeRun run, Supplier<Progress> step) {
        try {
            var progress = step.get();
            inARow.remove(run.id());
            return progress;
        } catch (ApiException e) {
            if (!isTransient(e)) {
                throw e;
            }
            int count = inARow.merge(run.id(), 1, Integer::sum);
            if (count >= MAX_IN_A_ROW) {
                throw e;
            }
            return polling.next(run);
        }
    }

    static boolean isTransient(ApiException e) {
        int status = e.status();
        return status == 429 || status >= 500 || status == ApiException.NO_RESPONSE;
    }
}
