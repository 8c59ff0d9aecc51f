package io.packit.pipeline.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter between the polls of a {@link PollSchedule}: poll n waits
 * {@code min(max, initial * multiplier^n)}, then a random part of it (up to {@code jitter}, a fraction in [0, 1]) is
 * taken away so that many clients do not poll in step, and never more than the ceiling, which bounds how late a
 * change is seen. Retries of failed requests do not use it: their backoff is Failsafe's ({@link RetryPolicy}).
 *
 * @param initial the first delay
 * @param max the largest delay
 * @param multiplier growth per step, at least 1
 * @param jitter the fraction of the delay that is randomised, 0 (none) to 1 (full jitter)
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
    /** Validates the parameters. */
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, got initial " + initial
                    + " and max " + max);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1], got " + jitter);
        }
    }

    /**
     * Returns the delay of the given step without jitter.
     *
     * @param step 0 for the first delay
     * @return the capped exponential delay
     */
    public Duration ceiling(int step) {
        double millis = initial.toMillis() * Math.pow(multiplier, Math.max(0, step));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * Returns the delay of the given step with jitter applied.
     *
     * @param step 0 for the first delay
     * @param random the source of jitter
     * @return a delay in {@code [ceiling * (1 - jitter), ceiling]}
     */
    public Duration delay(int step, RandomGenerator random) {
        long ceiling = ceiling(step).toMillis();
        long spread = (long) (ceiling * jitter);
        long taken = spread == 0 ? 0 : random.nextLong(spread + 1);
        return Duration.ofMillis(ceiling - taken);
    }
}
