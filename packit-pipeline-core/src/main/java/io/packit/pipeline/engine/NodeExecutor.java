package io.packit.pipeline.engine;

/**
 * Runs one kind of node, one short step at a time (no step waits for remote work to end: it polls and returns
 * {@link Progress#pollIn}). The engine calls {@link #start} once, then {@link #poll} until the node is done; a
 * resumed run calls {@link #poll} directly for a node that has a remote id. Steps of different nodes run
 * concurrently; steps of one node never overlap.
 */
public interface NodeExecutor {
    /**
     * Submits the node's remote work. Every remote id must be recorded with {@link NodeRun#recordRemote} as soon
     * as it exists (before any further call), so a crash cannot lead to a second submission.
     */
    Progress start(NodeRun run);

    /** Checks on the remote work, reports chroots that ended ({@link NodeRun#reportChroot}), says what next. */
    Progress poll(NodeRun run);

    /** Cancels the remote work this node started, if any; must be safe to call when it has already ended. */
    void cancel(NodeRun run);
}
