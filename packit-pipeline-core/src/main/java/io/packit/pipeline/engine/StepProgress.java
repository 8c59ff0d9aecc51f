package io.packit.pipeline.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one round of a {@link StepDriver} says: come back later, or the step's nodes have all ended. Both carry
 * the lines to print in the step's log for what changed since the previous round (never a secret).
 */
public sealed interface StepProgress permits StepProgress.Pending, StepProgress.Done {
    /** Lines for the log, in order. */
    List<String> log();

    /**
     * Some node still waits or runs.
     *
     * @param delay when to call {@link StepDriver#advance} again
     * @param log   lines for the log
     */
    record Pending(Duration delay, List<String> log) implements StepProgress {
        public Pending {
            Objects.requireNonNull(delay, "delay");
            log = List.copyOf(log);
        }
    }

    /**
     * Every node ended.
     *
     * @param state   {@link NodeState#SUCCEEDED} when every node succeeded or was reused, or succeeded and some were
     *                skipped;
     *                {@link NodeState#SKIPPED} when every node was skipped; {@link NodeState#FAILED} when one failed
     *                or was cancelled
     * @param message empty on success; else which nodes failed, were skipped or reused, and why
     * @param log     lines for the log
     */
    record Done(NodeState state, String message, List<String> log) implements StepProgress {
        public Done {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(message, "message");
            log = List.copyOf(log);
            if (state != NodeState.SUCCEEDED && state != NodeState.SKIPPED && state != NodeState.FAILED) {
                throw new IllegalArgumentException("a step ends succeeded, skipped or failed, got " + state);
            }
        }
    }
}
