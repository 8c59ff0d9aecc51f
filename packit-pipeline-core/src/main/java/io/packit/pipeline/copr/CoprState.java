package io.packit.pipeline.copr;

import java.util.Locale;

/** Copr's build and chroot states (reference §1.13), with the terminal set our client uses. */
public enum CoprState {
    /** Build failed (build: SRPM failed or a chroot failed and none still active). */
    FAILED(true),
    /** Finished OK. */
    SUCCEEDED(true),
    /** Canceled by a user or an admin. */
    CANCELED(true),
    /** SRPM or RPM build running. */
    RUNNING(false),
    /** Queued, waiting for a builder (also: batch-blocked builds). */
    PENDING(false),
    /** Chroot skipped (ExcludeArch/ExclusiveArch, or already built). */
    SKIPPED(true),
    /** Picked by a worker, VM not ready. */
    STARTING(false),
    /** SRPM built, being imported into Copr dist-git. */
    IMPORTING(false),
    /** Result copied from the project this one was forked from; success-like. */
    FORKED(true),
    /** Chroot waits for the SRPM build and import. */
    WAITING(false),
    /** Undefined or inconsistent; treated as an error. */
    UNKNOWN(true);

    private final boolean terminal;

    CoprState(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Parses Copr's wire name; anything unrecognised is {@link #UNKNOWN}.
     *
     * @param wire e.g. {@code "succeeded"}
     * @return the state
     */
    public static CoprState fromWire(String wire) {
        if (wire == null) {
            return UNKNOWN;
        }
        for (CoprState state : values()) {
            if (state.wireName().equals(wire)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    /**
     * Returns Copr's name of the state.
     *
     * @return e.g. {@code "succeeded"}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns whether nothing more will happen: succeeded, failed, canceled, skipped, forked, or unknown (which
     * python-copr raises on and we report as an error rather than poll forever).
     *
     * @return true for final states
     */
    public boolean isTerminal() {
        return terminal;
    }

    /**
     * Returns whether the result is usable: succeeded, or forked (a copy of a succeeded result).
     *
     * @return true for success-like states
     */
    public boolean isSuccess() {
        return this == SUCCEEDED || this == FORKED;
    }

    /**
     * Returns whether a builder is working on it (a chroot in this state may end at any moment).
     *
     * @return true for running and starting
     */
    public boolean isActive() {
        return this == RUNNING || this == STARTING;
    }
}
