package io.packit.pipeline.testingfarm;

import java.util.List;

/** Waiting for Testing Farm requests ran past its deadline or its cap on calls; the requests were not canceled. */
public class WaitTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> pending;

    /** Names the requests still running and why the wait stopped. */
    public WaitTimeoutException(String message, List<String> pending) {
        super(message);
        this.pending = List.copyOf(pending);
    }

    /** The ids of the requests that had not finished. */
    public List<String> pending() {
        return pending;
    }
}
