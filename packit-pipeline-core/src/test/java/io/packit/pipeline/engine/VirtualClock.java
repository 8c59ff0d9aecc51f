package io.packit.pipeline.engine;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;

/** Virtual time: when no step is in flight, waiting jumps straight to the deadline. */
public final class VirtualClock implements EngineClock {
    /** Where virtual runs start. */
    public static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

    private volatile Instant now = ORIGIN;

    @Override
    public Instant now() {
        return now;
    }

    /** Moves time forward to {@code instant}. */
    public void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public <T> T await(BlockingQueue<T> queue, Instant deadline, boolean stepsInFlight) throws InterruptedException {
        var next = queue.poll();
        if (next != null) {
            return next;
        }
        if (stepsInFlight || deadline == null) {
            return queue.take();
        }
        if (deadline.isAfter(now)) {
            now = deadline;
        }
        return null;
    }
}
