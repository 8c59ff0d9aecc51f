package io.packit.pipeline.engine;

/** Told of every change on a {@link RunState}, in order, while the state's lock is held (keep it short). */
@FunctionalInterface
public interface RunListener {
    /**
     * {@code status} is the node's status after the change.
     *
     * @param status the new status
     * @param change what changed
     */
    void changed(NodeStatus status, Change change);

    /** What changed. */
    enum Change {
        /** The node's state (or reason) changed. */
        STATE,
        /** A chroot of the node reported an outcome. */
        CHROOT,
        /** A remote id was recorded: it must be persisted now. */
        REMOTE_ID,
        /** A link or a test report was attached. */
        DETAIL
    }
}
