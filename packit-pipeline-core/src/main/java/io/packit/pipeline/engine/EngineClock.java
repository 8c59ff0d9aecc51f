package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;

/**
 * The engine's time: the wall clock for real runs, a virtual clock in tests and benchmarks (which jumps to the
 * next due poll whenever no step is in flight, so hours of builds are simulated in milliseconds).
 */
public interface EngineClock {
    /** The current instant. */
    Instant now();

    /**
     * Waits for the next message on {@code queue}, at most until {@code deadline} (null: no deadline).
     *
     * @param queue         where finished steps and cancel requests arrive
     * @param deadline      when the next poll is due, or null
     * @param stepsInFlight whether a step is running (a virtual clock must not move while one is)
     * @return the message, or null when the deadline came first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    @CheckForNull
    <T> T await(BlockingQueue<T> queue, @CheckForNull Instant deadline, boolean stepsInFlight)
            throws InterruptedException;

    /** The wall clock. */
    static EngineClock system() {
        return SystemEngineClock.INSTANCE;
    }
}
