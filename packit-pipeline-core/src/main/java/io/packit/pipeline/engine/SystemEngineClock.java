package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** The wall clock: waits really. */
final class SystemEngineClock implements EngineClock {
    static final SystemEngineClock INSTANCE = new SystemEngineClock();

    private SystemEngineClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    @CheckForNull
    public <T> T await(BlockingQueue<T> queue, @CheckForNull Instant deadline, boolean stepsInFlight)
            throws InterruptedException {
        if (deadline == null) {
            return queue.take();
        }
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        return queue.poll(millis, TimeUnit.MILLISECONDS);
    }
}
