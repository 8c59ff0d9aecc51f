package io.packit.pipeline.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a running node is polled: a twentieth of how long it has run, between {@code min} and {@code max}
 * (a build that has run 10 minutes is polled every 30 s; one just submitted every {@code min}).
 *
 * @param min the shortest interval
 * @param max the longest interval
 */
public record Polling(Duration min, Duration max) {
    /** 10 s growing to 30 s, as Packit's own watchers poll. */
    public static final Polling STANDARD = new Polling(Duration.ofSeconds(10), Duration.ofSeconds(30));

    public Polling {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("polling needs 0 <= min <= max, got " + min + " and " + max);
        }
    }

    /** Polls every {@code interval}. */
    public static Polling every(Duration interval) {
        return new Polling(interval, interval);
    }

    /** The interval after a node has run for {@code elapsed}. */
    public Duration after(Duration elapsed) {
        var proportional = elapsed.dividedBy(20);
        if (proportional.compareTo(min) < 0) {
            return min;
        }
        return proportional.compareTo(max) > 0 ? max : proportional;
    }

    /** The next poll of {@code run}. */
    public Progress next(NodeRun run) {
        return Progress.pollIn(after(run.elapsed()));
    }
}
