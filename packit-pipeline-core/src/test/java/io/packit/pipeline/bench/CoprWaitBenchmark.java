package io.packit.pipeline.bench;

import io.packit.pipeline.copr.BuildListener;
import io.packit.pipeline.copr.BuildOptions;
import io.packit.pipeline.copr.BuildSource;
import io.packit.pipeline.copr.BuildWaiter;
import io.packit.pipeline.copr.ChrootResult;
import io.packit.pipeline.copr.CoprBuild;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.copr.WaitResult;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.PollSchedule;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.VirtualSleeper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import okhttp3.OkHttpClient;

/**
 * Waits on 200 builds of one Copr project (fake Copr, virtual clock) through to completion and compares the HTTP
 * calls with copr-cli's way ({@code GET /build/{id}} for every unfinished build every 30 s). Also checks that no
 * chroot was reported later than one poll interval (30 s) after it ended, and whether the target (at least
 * 10× fewer calls than copr-cli, no chroot late) is met.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.CoprWaitBenchmark -Dbench.args="200 3 1"} (builds, chroots per build (1–6),
 * seed, and optionally the waiter's {@link BuildWaiter.ChrootReads}; default {@code PROJECT_MONITOR}).
 */
final class CoprWaitBenchmark {
    private static final List<String> CHROOTS = List.of("fedora-41-x86_64", "fedora-41-aarch64", "epel-9-x86_64",
            "fedora-rawhide-x86_64", "epel-9-aarch64", "fedora-40-x86_64");
    private static final Duration COPR_CLI_INTERVAL = Duration.ofSeconds(30);

    private CoprWaitBenchmark() {
    }

    public static void main(String[] args) {
        int builds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int chroots = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        BuildWaiter.ChrootReads reads = args.length > 3 ? BuildWaiter.ChrootReads.valueOf(args[3])
                : BuildWaiter.ChrootReads.PROJECT_MONITOR;
        PrintStream out = System.out;
        run(builds, chroots, seed, reads, out);
    }

    static void run(int buildCount, int chrootCount, long seed, BuildWaiter.ChrootReads reads, PrintStream out) {
        VirtualSleeper clock = new VirtualSleeper();
        SplittableRandom random = new SplittableRandom(seed);
        OkHttpClient http = new OkHttpClient();
        try (FakeCopr fake = new FakeCopr(clock).user("login", "token-value", "jdoe")) {
            List<String> chroots = CHROOTS.subList(0, chrootCount);
            fake.seedProject("jdoe", "many", chroots);
            CoprClient client = new CoprClient(http, new CoprConfig(fake.url(), "login", "jdoe",
                    Secret.of("token-value")), RetryPolicy.standard(), clock);
            List<CoprBuild> submitted = new ArrayList<>();
            Instant t0 = clock.now();
            for (int i = 0; i < buildCount; i++) {
                fake.planNext(plan(i, chroots, random));
                submitted.add(client.submit("jdoe", "many", BuildSource.Scm.git("https://example.org/r.git", "main"),
                        BuildOptions.chroots(chroots)));
            }
            fake.clearRequests();
            PollSchedule schedule = PollSchedule.standard(Duration.ofHours(24));
            long started = System.nanoTime();
            WaitResult result = new BuildWaiter(client, schedule, new SplittableRandom(seed + 2), reads)
                    .waitFor(submitted, new BuildListener() {
                        @Override
                        public void chrootFinished(ChrootResult r) {
                        }
                    });
            long wallMillis = (System.nanoTime() - started) / 1_000_000;

            long ours = fake.requestCount();
            Map<String, Long> byEndpoint = new TreeMap<>();
            fake.requests().forEach(r -> byEndpoint.merge(r.getUrl().encodedPath()
                    .replaceAll("/[0-9]+$", "/{id}"), 1L, Long::sum));
            long copreCli = 0;
            Duration longestBuild = Duration.ZERO;
            for (CoprBuild build : submitted) {
                long end = 0;
                for (String chroot : fake.chrootsOf(build.id())) {
                    end = Math.max(end, fake.chrootEndedOn(build.id(), chroot));
                }
                Duration life = Duration.between(t0, Instant.ofEpochSecond(end));
                longestBuild = life.compareTo(longestBuild) > 0 ? life : longestBuild;
                // copr-cli: GET /build/{id} at t0, t0+30 s, ... up to the first poll at or after the build's end
                long interval = COPR_CLI_INTERVAL.toSeconds();
                copreCli += (life.toSeconds() + interval - 1) / interval + 1;
            }
            // copr-cli sees a chroot's end only with its build's end, at its next 30 s poll
            long cliMaxLate = 0;
            double cliSumLate = 0;
            for (ChrootResult chroot : result.chroots()) {
                long buildEnd = 0;
                for (String c : fake.chrootsOf(chroot.buildId())) {
                    buildEnd = Math.max(buildEnd, fake.chrootEndedOn(chroot.buildId(), c));
                }
                long sinceStart = buildEnd - t0.getEpochSecond();
                long seen = t0.getEpochSecond() + (sinceStart + 29) / 30 * 30;
                long late = seen - fake.chrootEndedOn(chroot.buildId(), chroot.chroot());
                cliMaxLate = Math.max(cliMaxLate, late);
                cliSumLate += late;
            }
            long maxLate = 0;
            long lateOverInterval = 0;
            double sumLate = 0;
            for (ChrootResult chroot : result.chroots()) {
                long late = chroot.seenAt().getEpochSecond() - fake.chrootEndedOn(chroot.buildId(), chroot.chroot());
                maxLate = Math.max(maxLate, late);
                sumLate += late;
                if (late > schedule.backoff().max().toSeconds()) {
                    lateOverInterval++;
                }
            }
            long listPages = byEndpoint.getOrDefault("/api_3/build/list", 0L);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("builds", buildCount);
            figures.put("chroots per build", chrootCount);
            figures.put("seed", seed);
            figures.put("chroot reads", reads);
            figures.put("ending", result.ending());
            figures.put("chroots reported", result.chroots().size());
            figures.put("virtual makespan (min)", Duration.between(t0, clock.now()).toMinutes());
            figures.put("longest build (min)", longestBuild.toMinutes());
            figures.put("GET /build/list calls (one per poll and page)", listPages);
            figures.put("GET /monitor calls (at most one per poll)", byEndpoint.getOrDefault("/api_3/monitor", 0L));
            figures.put("GET /build-chroot/list calls (builds off the monitor)",
                    byEndpoint.getOrDefault("/api_3/build-chroot/list", 0L));
            figures.put("HTTP calls, ours", ours);
            figures.put("HTTP calls by endpoint", byEndpoint);
            figures.put("calls per build, ours", String.format("%.1f", ours / (double) buildCount));
            figures.put("HTTP calls, copr-cli (GET /build/{id} per build every 30 s)", copreCli);
            figures.put("calls per build, copr-cli", String.format("%.1f", copreCli / (double) buildCount));
            figures.put("ratio copr-cli / ours", String.format("%.1f", copreCli / (double) ours));
            figures.put("poll interval max (s)", schedule.backoff().max().toSeconds());
            figures.put("report delay after chroot end: max (s)", maxLate);
            figures.put("report delay after chroot end: mean (s)", String.format("%.1f",
                    sumLate / result.chroots().size()));
            figures.put("chroots reported later than one poll interval", lateOverInterval);
            figures.put("copr-cli report delay after chroot end: max (s)", cliMaxLate);
            figures.put("copr-cli report delay after chroot end: mean (s)", String.format("%.1f",
                    cliSumLate / result.chroots().size()));
            figures.put("wall time (ms)", wallMillis);
            long distinct = result.chroots().stream().map(c -> c.buildId() + "/" + c.chroot()).distinct().count();
            boolean once = distinct == result.chroots().size() && distinct == (long) buildCount * chrootCount;
            boolean met = copreCli >= 10 * ours && lateOverInterval == 0 && once;
            figures.put("target (>= 10x fewer calls than copr-cli, every chroot reported once, none late)",
                    met ? "met" : "NOT met");
            figures.forEach((k, v) -> out.println(k + ": " + v));
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * A build of a busy queue: 200 SRPM builds drain through about 25 builders in waves; x86_64 chroots wait up to
     * 15 min for a builder and build 4–15 min, aarch64 waits up to 40 min and builds 6–25 min; 8 % of chroots fail.
     */
    private static BuildPlan plan(int index, List<String> chroots, SplittableRandom random) {
        Duration srpmQueue = Duration.ofSeconds((index / 25) * 150L + random.nextLong(10, 60));
        BuildPlan plan = new BuildPlan(srpmQueue, Duration.ofSeconds(random.nextLong(60, 240)), true,
                Duration.ofSeconds(random.nextLong(20, 60)), "pkg" + index, "1.0-1", Map.of(),
                BuildPlan.standard().otherChroots());
        for (String chroot : chroots) {
            boolean arm = chroot.endsWith("aarch64");
            Duration queue = Duration.ofSeconds(arm ? random.nextLong(120, 2400) : random.nextLong(30, 900));
            Duration run = Duration.ofSeconds(arm ? random.nextLong(360, 1500) : random.nextLong(240, 900));
            String outcome = random.nextInt(100) < 8 ? "failed" : "succeeded";
            plan = plan.withChroot(chroot, new BuildPlan.ChrootPlan(queue, run, outcome));
        }
        return plan;
    }
}
