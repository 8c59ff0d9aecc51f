package io.packit.pipeline.engine;

import java.util.List;

/** How a whole run ended. */
public enum RunOutcome {
    /** Every node that ran succeeded (nodes the plan skipped do not count). */
    SUCCEEDED,
    /** Some node failed (its dependents are skipped with it as root cause). */
    FAILED,
    /** The run was cancelled. */
    CANCELLED;

    /** The outcome of a finished run with these statuses. */
    public static RunOutcome of(List<NodeStatus> statuses, boolean cancelled) {
        if (cancelled || statuses.stream().anyMatch(status -> status.state() == NodeState.CANCELLED)) {
            return CANCELLED;
        }
        return statuses.stream().anyMatch(status -> status.state() == NodeState.FAILED) ? FAILED : SUCCEEDED;
    }
}
