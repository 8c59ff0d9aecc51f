package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Told once per state change of a watched Testing Farm request (not on every poll). */
@FunctionalInterface
public interface RequestListener {
    /**
     * The request {@code now.id()} changed from {@code previous} ({@code null} on the first poll) to {@code now.state()}.
     */
    void stateChanged(@CheckForNull RequestState previous, RequestStatus now);

    /** A listener that ignores every change. */
    static RequestListener none() {
        return (previous, now) -> { };
    }
}
