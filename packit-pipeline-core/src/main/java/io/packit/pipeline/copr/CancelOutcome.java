package io.packit.pipeline.copr;

/** What a cancel did. */
public enum CancelOutcome {
    /** The build was canceled. */
    CANCELED,
    /** The build had already finished (Copr answered 409); nothing to cancel. */
    ALREADY_FINISHED
}
