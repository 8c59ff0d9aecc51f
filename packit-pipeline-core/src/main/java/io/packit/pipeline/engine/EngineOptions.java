package io.packit.pipeline.engine;

import java.util.Objects;

/**
 * How the engine runs a plan.
 *
 * @param maxCallsInFlight how many node steps (each a few remote calls) may run at once; remote builds and
 *                         requests themselves are not limited (they wait on Copr and Testing Farm, not here)
 * @param clock            wall clock or virtual clock
 */
public record EngineOptions(int maxCallsInFlight, EngineClock clock) {
    /** Default for {@link #maxCallsInFlight}. */
    public static final int DEFAULT_CALLS_IN_FLIGHT = 8;

    public EngineOptions {
        if (maxCallsInFlight < 1) {
            throw new IllegalArgumentException("maxCallsInFlight must be >= 1, got " + maxCallsInFlight);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** The defaults on the wall clock. */
    public static EngineOptions defaults() {
        return new EngineOptions(DEFAULT_CALLS_IN_FLIGHT, EngineClock.system());
    }
}
