package io.packit.pipeline.testingfarm;

import java.util.Locale;

/** The state of a Testing Farm request: {@code new → queued → running → complete | error}, or canceled. */
public enum RequestState {
    /** Accepted, not yet queued. */
    NEW("new"),
    /** Waiting for a worker. */
    QUEUED("queued"),
    /** Provisioning or testing. */
    RUNNING("running"),
    /** Finished; the result says how the tests went. */
    COMPLETE("complete"),
    /** The pipeline failed (infrastructure); no meaningful test result. */
    ERROR("error"),
    /** Cancellation asked for, not yet done. */
    CANCEL_REQUESTED("cancel-requested"),
    /** Canceled. */
    CANCELED("canceled"),
    /** A state this client does not know (Testing Farm added one); treated as still running. */
    UNKNOWN("unknown");

    private final String wire;

    RequestState(String wire) {
        this.wire = wire;
    }

    /** The state as Testing Farm writes it. */
    public String wire() {
        return wire;
    }

    /** Whether the request will not change any more: complete, error or canceled. */
    public boolean isTerminal() {
        return this == COMPLETE || this == ERROR || this == CANCELED;
    }

    /** The state Testing Farm calls {@code wire}; {@link #UNKNOWN} for one we do not know. */
    public static RequestState fromWire(String wire) {
        String lower = wire.toLowerCase(Locale.ROOT);
        for (RequestState state : values()) {
            if (state.wire.equals(lower)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return wire;
    }
}
