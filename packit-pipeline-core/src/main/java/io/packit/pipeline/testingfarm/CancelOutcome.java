package io.packit.pipeline.testingfarm;

/** What {@code DELETE /v0.1/requests/{id}} answered. */
public enum CancelOutcome {
    /** 200: cancellation requested. */
    REQUESTED,
    /** 204: the request was already being canceled or is canceled. */
    ALREADY_CANCELED,
    /** 409: the request had already finished (complete or error); nothing to cancel. */
    ALREADY_FINISHED
}
