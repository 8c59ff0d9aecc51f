package io.packit.pipeline.http;

import java.time.Duration;
import java.time.Instant;

/** The wall clock and {@link Thread#sleep(long)}. */
enum SystemSleeper implements Sleeper {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }
}
