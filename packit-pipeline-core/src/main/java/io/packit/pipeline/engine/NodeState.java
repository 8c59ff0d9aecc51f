package io.packit.pipeline.engine;

import java.util.Locale;

/** Where a node (or one chroot of a build) stands in a run. */
public enum NodeState {
    /** Its needs are not all settled yet. */
    WAITING,
    /** Started: remote work submitted or being submitted. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Did not run; the status names the root cause. */
    SKIPPED,
    CANCELLED;

    /** Whether the state is final. */
    public boolean isTerminal() {
        return this != WAITING && this != RUNNING;
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
