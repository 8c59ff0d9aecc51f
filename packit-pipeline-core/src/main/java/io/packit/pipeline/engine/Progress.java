package io.packit.pipeline.engine;

import java.time.Duration;
import java.util.Objects;

/** What a node executor says after one step: poll again later, or the node has ended. */
public sealed interface Progress permits Progress.Pending, Progress.Done {
    /** Poll again after {@code delay}. */
    static Progress pollIn(Duration delay) {
        return new Pending(delay);
    }

    /** The node succeeded. */
    static Progress succeeded() {
        return new Done(NodeState.SUCCEEDED, "");
    }

    /** The node failed; {@code message} says why (never a secret). */
    static Progress failed(String message) {
        return new Done(NodeState.FAILED, message);
    }

    /**
     * Still running remotely.
     *
     * @param delay when to poll next
     */
    record Pending(Duration delay) implements Progress {
        public Pending {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("poll delay must not be negative, got " + delay);
            }
        }
    }

    /**
     * Ended.
     *
     * @param state  a final state
     * @param reason empty, or why it failed / was skipped / was cancelled
     */
    record Done(NodeState state, String reason) implements Progress {
        public Done {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(reason, "reason");
            if (!state.isTerminal()) {
                throw new IllegalArgumentException("a node is done only in a final state, got " + state);
            }
        }
    }
}
