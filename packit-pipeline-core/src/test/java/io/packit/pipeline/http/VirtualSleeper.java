package io.packit.pipeline.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A virtual clock for tests and benchmarks: {@link #sleep} advances time at once and records the delay. Shared with
 * the fakes (which read {@link #now()}) and with the CLI tests through the core test-jar.
 */
public final class VirtualSleeper implements Sleeper {
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    /**
     * Starts the clock.
     *
     * @param start the initial instant
     */
    public VirtualSleeper(Instant start) {
        this.now = start;
    }

    /** Starts the clock at 2026-01-01T00:00:00Z. */
    public VirtualSleeper() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("virtual sleep interrupted");
        }
        sleeps.add(duration);
        if (!duration.isNegative()) {
            now = now.plus(duration);
        }
    }

    /**
     * Moves the clock forward without recording a sleep.
     *
     * @param duration how far
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * Returns the sleeps so far.
     *
     * @return the recorded delays in order
     */
    public List<Duration> sleeps() {
        return new ArrayList<>(sleeps);
    }
}
