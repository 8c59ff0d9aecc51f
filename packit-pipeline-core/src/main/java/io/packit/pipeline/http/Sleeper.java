package io.packit.pipeline.http;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the clients see it: the current instant and a way to wait. Production code uses {@link #system()}; tests
 * and benchmarks use a virtual clock so retries and poll loops run without real waiting.
 */
public interface Sleeper {
    /**
     * Returns the current instant.
     *
     * @return now
     */
    Instant now();

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Returns the wall clock with {@link Thread#sleep(long)}.
     *
     * @return the system sleeper
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }
}
