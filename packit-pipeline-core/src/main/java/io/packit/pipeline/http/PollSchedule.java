package io.packit.pipeline.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a wait loop polls: backoff with jitter between polls, a deadline, and a hard cap on the HTTP calls it may
 * make. {@link #start} gives the mutable {@link Polling} of one wait.
 *
 * <p>This is not a Failsafe retry policy, although it looks like one: a poll that sees "still running" has not
 * failed, the backoff starts again from its first delay whenever something changed ({@link Polling#resetBackoff}),
 * one poll may count several HTTP calls against the cap, and the deadline is on the injected clock
 * ({@link Sleeper}), whereas Failsafe measures {@code maxDuration} with {@code System.nanoTime} and cannot rewind its
 * backoff within one execution.
 *
 * @param backoff delays between polls (grows from {@code initial} to {@code max})
 * @param timeout the overall deadline, measured from {@link #start}
 * @param maxCalls the most HTTP calls the wait may make, at least 1
 */
public record PollSchedule(Backoff backoff, Duration timeout, long maxCalls) {
    /** Validates the parameters. */
    public PollSchedule {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("poll timeout must be positive, got " + timeout);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, got " + maxCalls);
        }
    }

    /**
     * Polls after 10 s, growing by 1.5 to 30 s with 20 % jitter, until the timeout, with at most 100 000 calls.
     *
     * @param timeout the overall deadline
     * @return the schedule
     */
    public static PollSchedule standard(Duration timeout) {
        return new PollSchedule(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 1.5, 0.2), timeout,
                100_000);
    }

    /**
     * Starts one wait.
     *
     * @param now the start instant
     * @param random the jitter source
     * @return the wait's bookkeeping
     */
    public Polling start(Instant now, RandomGenerator random) {
        return new Polling(this, now.plus(timeout), random);
    }

    /** The bookkeeping of one wait: the next delay, the deadline and the calls made. Not thread-safe. */
    public static final class Polling {
        private final PollSchedule schedule;
        private final Instant deadline;
        private final RandomGenerator random;
        private int step;
        private long calls;

        private Polling(PollSchedule schedule, Instant deadline, RandomGenerator random) {
            this.schedule = schedule;
            this.deadline = deadline;
            this.random = Objects.requireNonNull(random, "random");
        }

        /**
         * Returns the delay before the next poll and advances the backoff.
         *
         * @param now the current instant; the delay never runs past the deadline
         * @return the delay
         */
        public Duration nextDelay(Instant now) {
            Duration delay = schedule.backoff().delay(step++, random);
            Duration left = Duration.between(now, deadline);
            if (left.isNegative()) {
                return Duration.ZERO;
            }
            return delay.compareTo(left) > 0 ? left : delay;
        }

        /**
         * Returns the largest delay the schedule may use between polls (the bound on how late a change is seen).
         *
         * @return the backoff ceiling
         */
        public Duration maxInterval() {
            return schedule.backoff().max();
        }

        /** Starts the backoff again from its initial delay, e.g. after something changed. */
        public void resetBackoff() {
            step = 0;
        }

        /**
         * Records HTTP calls made by a poll.
         *
         * @param count the number of calls
         */
        public void countCalls(long count) {
            calls += count;
        }

        /**
         * Returns the HTTP calls made so far.
         *
         * @return the count
         */
        public long calls() {
            return calls;
        }

        /**
         * Returns whether the cap on calls is reached.
         *
         * @return true when no more calls may be made
         */
        public boolean isOutOfCalls() {
            return calls >= schedule.maxCalls();
        }

        /**
         * Returns whether the deadline has passed.
         *
         * @param now the current instant
         * @return true at or after the deadline
         */
        public boolean isPastDeadline(Instant now) {
            return !now.isBefore(deadline);
        }

        /**
         * Returns the deadline.
         *
         * @return the instant after which the wait gives up
         */
        public Instant deadline() {
            return deadline;
        }
    }
}
