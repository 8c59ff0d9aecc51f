package io.packit.pipeline.engine;

import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import io.packit.pipeline.testingfarm.Ranch;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * A fake Copr and a fake Testing Farm on loopback, with a user {@code jdoe} and an API key, fast build plans, and
 * clients (or config files, for the command line) pointing at them. Shared by the engine's and the CLI's
 * end-to-end tests and the engine benchmark.
 */
public final class FakeServices implements AutoCloseable {
    /** The Copr API login. */
    public static final String LOGIN = "apilogin";
    /** The Copr token. */
    public static final String TOKEN = "copr-token-5be1-do-not-print";
    /** The Testing Farm API key. */
    public static final String TF_KEY = "tf-key-77c0-do-not-print";

    private final FakeCopr copr;
    private final FakeTestingFarm farm;
    private final Sleeper clock;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();

    /** Fakes on {@code clock} (Copr builds advance on it). */
    public FakeServices(Sleeper clock) {
        this.clock = clock;
        this.copr = new FakeCopr(clock).user(LOGIN, TOKEN, "jdoe");
        this.farm = new FakeTestingFarm().addApiKey(TF_KEY, Ranch.PUBLIC).start();
        copr.defaultPlan(plan(Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    /** A build whose SRPM phase takes {@code srpm} and every chroot {@code chroot}, all succeeding. */
    public static BuildPlan plan(Duration srpm, Duration chroot) {
        return new BuildPlan(Duration.ZERO, srpm, true, Duration.ZERO, "hello", "2.12-1", Map.of(),
                new BuildPlan.ChrootPlan(Duration.ZERO, chroot, "succeeded"));
    }

    /** The fake Copr. */
    public FakeCopr copr() {
        return copr;
    }

    /** The fake Testing Farm. */
    public FakeTestingFarm farm() {
        return farm;
    }

    /** A Copr client logged in as {@code jdoe}, retrying fast. */
    public CoprClient coprClient() {
        return new CoprClient(http, new CoprConfig(copr.url(), LOGIN, "jdoe", Secret.of(TOKEN)), fastRetries(), clock);
    }

    /** A Testing Farm client with the API key, retrying fast. */
    public TestingFarmClient farmClient() {
        return new TestingFarmClient(http, farm.apiUrl(), Secret.of(TF_KEY), fastRetries(), clock);
    }

    /** Writes a {@code ~/.config/copr} file for the fake into {@code dir}. */
    public Path writeCoprConfig(Path dir) {
        return write(dir.resolve("copr"), "[copr-cli]\nlogin = " + LOGIN + "\nusername = jdoe\ntoken = " + TOKEN
                + "\ncopr_url = " + copr.url() + "\n# expiration date: 2027-01-01\n");
    }

    /** Writes the Testing Farm API key into {@code dir}. */
    public Path writeTfKey(Path dir) {
        return write(dir.resolve("tf-key"), TF_KEY + "\n");
    }

    /** Copr builds the fake knows that are not finished. */
    public List<Long> unfinishedBuilds() {
        return copr.buildIds().stream()
                .filter(id -> !List.of("succeeded", "failed", "canceled", "skipped", "forked")
                        .contains(copr.build(id).path("state").asText()))
                .toList();
    }

    /** Testing Farm requests the fake knows that are not finished. */
    public List<String> unfinishedRequests() {
        return farm.requestIds().stream().filter(id -> !farm.state(id).isTerminal()).toList();
    }

    private static RetryPolicy fastRetries() {
        return new RetryPolicy(6, Duration.ofMillis(20), Duration.ofMillis(200), 0.2, Duration.ofSeconds(2));
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        copr.close();
        farm.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
