package io.packit.pipeline.engine;

import java.util.Locale;

/** Where a node (or one chroot of a build) stands in a run. */
public enum NodeState {
    /** Its needs are not all settled yet. */
    WAITING,
    /** Started: remote work submitted or being submitted. */
    RUNNING,
    SUCCEEDED,
    /**
     * A build (or one chroot of it) that was not submitted: a successful Copr build that existed already was taken
     * instead; it satisfies what waits for it as {@link #SUCCEEDED} does, and the status names the build.
     */
    REUSED,
    FAILED,
    /** Did not run; the status names the root cause. */
    SKIPPED,
    CANCELLED;

    /** Whether the state is final. */
    public boolean isTerminal() {
        return this != WAITING && this != RUNNING;
    }

    /** Whether what waits for it may go on: succeeded or reused. */
    public boolean isSuccess() {
        return this == SUCCEEDED || this == REUSED;
    }

    /** Lower-case name, for JSON and the live view. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
