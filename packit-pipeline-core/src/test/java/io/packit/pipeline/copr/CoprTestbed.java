package io.packit.pipeline.copr;

import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.Backoff;
import io.packit.pipeline.http.PollSchedule;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.VirtualSleeper;
import java.time.Duration;
import java.util.SplittableRandom;
import okhttp3.OkHttpClient;

/** A fake Copr on a virtual clock with a client logged in as {@code jdoe}. */
final class CoprTestbed implements AutoCloseable {
    static final String TOKEN = "tok-3f9a1c-very-secret";

    final VirtualSleeper clock = new VirtualSleeper();
    final FakeCopr fake = new FakeCopr(clock).user("apilogin", TOKEN, "jdoe");
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();
    final CoprConfig config = new CoprConfig(fake.url(), "apilogin", "jdoe", Secret.of(TOKEN));
    final CoprClient client = new CoprClient(http, config, RetryPolicy.standard(), clock);

    CoprClient anonymous() {
        return new CoprClient(http, CoprConfig.anonymous(fake.url()), RetryPolicy.standard(), clock);
    }

    BuildWaiter waiter(Duration timeout) {
        return new BuildWaiter(client, new PollSchedule(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30),
                1.5, 0.2), timeout, 100_000), new SplittableRandom(3));
    }

    BuildWaiter waiter(Duration timeout, BuildWaiter.ChrootReads reads) {
        return new BuildWaiter(client, new PollSchedule(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30),
                1.5, 0.2), timeout, 100_000), new SplittableRandom(3), reads);
    }

    @Override
    public void close() {
        fake.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
