package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.http.fake.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuildWaiterTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String EPEL = "epel-9-x86_64";
    /** The chroot-list reads some tests here are about; the default reads from the project monitor. */
    private static final BuildWaiter.ChrootReads CHROOT_LISTS = BuildWaiter.ChrootReads.EVERY_POLL_WHILE_HIDDEN;

    private final CoprTestbed bed = new CoprTestbed();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void project() {
        bed.fake.seedProject("jdoe", "p", List.of(F41, EPEL, "fedora-41-aarch64"));
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private CoprBuild submit(List<String> chroots) {
        return bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(chroots));
    }

    private static BuildPlan.ChrootPlan chroot(int queue, int run, String outcome) {
        return new BuildPlan.ChrootPlan(Duration.ofSeconds(queue), Duration.ofSeconds(run), outcome);
    }

    @Test
    void shouldReportTheSrpmAndEachChrootOnceAsItEndsWithUrls() {
        bed.fake.planNext(BuildPlan.standard().withChroot(F41, chroot(60, 300, "succeeded"))
                .withChroot(EPEL, chroot(60, 900, "failed")));
        CoprBuild build = submit(List.of(F41, EPEL));

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        long id = build.id();
        assertThat(listener.events).containsExactly(id + " srpm succeeded", id + " fedora-41-x86_64 running",
                id + " epel-9-x86_64 running", id + " fedora-41-x86_64 ended succeeded",
                id + " epel-9-x86_64 ended failed", id + " build failed");
        assertThat(result.ending()).isEqualTo(WaitResult.Ending.ALL_FINISHED);
        assertThat(result.isAllSucceeded()).isFalse();
        ChrootResult f41 = result.chroots().get(0);
        String dir = bed.fake.url() + "/results/jdoe/p/fedora-41-x86_64/08123456-hello/";
        assertThat(f41.resultUrl()).isEqualTo(dir);
        assertThat(f41.logUrl()).isEqualTo(dir + "builder-live.log.gz");
        assertThat(f41.repoUrl()).isEqualTo(bed.fake.url() + "/results/jdoe/p/fedora-41-x86_64/");
        for (ChrootResult chroot : result.chroots()) {
            long ended = bed.fake.chrootEndedOn(id, chroot.chroot());
            assertThat(chroot.seenAt().getEpochSecond() - ended).isBetween(0L, 30L);
        }
    }

    @Test
    void shouldOnlyUseTheListEndpointsAndReadChrootsWhenSomethingCanHaveChanged() {
        CoprBuild build = submit(List.of(F41));

        WaitResult result = bed.waiter(Duration.ofHours(2), CHROOT_LISTS).waitFor(List.of(build), listener);

        List<String> paths = bed.fake.requests().stream().skip(1).map(r -> r.getUrl().encodedPath()).toList();
        assertThat(paths).containsOnly("/api_3/build/list", "/api_3/build/source-chroot/8123456",
                "/api_3/build-chroot/list");
        // one chroot: its start and its end change the build summary, nothing else needs a chroot read
        assertThat(paths.stream().filter(p -> p.equals("/api_3/build-chroot/list")).count()).isEqualTo(2);
        assertThat(paths.stream().filter(p -> p.startsWith("/api_3/build/source-chroot")).count()).isEqualTo(1);
        assertThat(result.calls()).isEqualTo(paths.size());
        assertThat(result.isAllSucceeded()).isTrue();
    }

    @Test
    void shouldFailEveryChrootWhenTheSrpmBuildFails() {
        bed.fake.planNext(BuildPlan.standard().withFailingSrpm());
        CoprBuild build = submit(List.of(F41, EPEL));

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        long id = build.id();
        assertThat(listener.events).containsExactly(id + " srpm failed", id + " fedora-41-x86_64 ended failed",
                id + " epel-9-x86_64 ended failed", id + " build failed");
        assertThat(result.chroots()).allSatisfy(c -> assertThat(c.resultUrl()).isNull());
    }

    @Test
    void shouldTreatForkedAsSuccessSkippedAsEndAndUnknownAsError() {
        bed.fake.planNext(BuildPlan.standard().withChroot(F41, chroot(10, 0, "forked"))
                .withChroot(EPEL, chroot(10, 0, "skipped")).withChroot("fedora-41-aarch64", chroot(10, 50, "unknown")));
        CoprBuild build = submit(List.of(F41, EPEL, "fedora-41-aarch64"));

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        assertThat(result.chroots()).extracting(ChrootResult::chroot, ChrootResult::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(F41, CoprState.FORKED),
                org.assertj.core.groups.Tuple.tuple(EPEL, CoprState.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("fedora-41-aarch64", CoprState.UNKNOWN));
        assertThat(result.chroots().stream().filter(ChrootResult::isSuccess).map(ChrootResult::chroot))
                .containsExactly(F41);
        assertThat(result.ending()).isEqualTo(WaitResult.Ending.ALL_FINISHED);
        assertThat(result.isAllSucceeded()).isFalse();
    }

    @Test
    void shouldEndUnfinishedChrootsAsCanceledWhenTheBuildIsCanceled() {
        CoprBuild build = submit(List.of(F41, EPEL));
        BuildListener cancelling = new BuildListener() {
            @Override
            public void srpmFinished(long buildId, SourceChroot srpm) {
                listener.srpmFinished(buildId, srpm);
                bed.client.cancel(buildId);
            }

            @Override
            public void chrootFinished(ChrootResult result) {
                listener.chrootFinished(result);
            }

            @Override
            public void buildFinished(CoprBuild finished) {
                listener.buildFinished(finished);
            }
        };

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), cancelling);

        long id = build.id();
        assertThat(listener.events).containsExactly(id + " srpm succeeded", id + " fedora-41-x86_64 ended canceled",
                id + " epel-9-x86_64 ended canceled", id + " build canceled");
        assertThat(result.ending()).isEqualTo(WaitResult.Ending.ALL_FINISHED);
    }

    @Test
    void shouldStopAtTheDeadlineAndAtTheCallCap() {
        CoprBuild build = submit(List.of(F41));

        WaitResult late = bed.waiter(Duration.ofMinutes(2)).waitFor(List.of(build), listener);

        assertThat(late.ending()).isEqualTo(WaitResult.Ending.DEADLINE);
        assertThat(late.unfinished()).containsExactly(build.id());
        assertThat(bed.clock.now()).isBeforeOrEqualTo(java.time.Instant.parse("2026-01-01T00:02:00Z"));

        BuildWaiter capped = new BuildWaiter(bed.client, new io.packit.pipeline.http.PollSchedule(
                new io.packit.pipeline.http.Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 1.5, 0.2),
                Duration.ofHours(5), 3), new java.util.SplittableRandom(1));
        WaitResult cappedResult = capped.waitFor(List.of(build), listener);
        assertThat(cappedResult.ending()).isEqualTo(WaitResult.Ending.CALL_CAP);
        assertThat(cappedResult.calls()).isBetween(3L, 4L);
    }

    @Test
    void shouldKeepWaitingThroughFaultsOnPolls() {
        CoprBuild build = submit(List.of(F41));
        bed.fake.inject(new Fault("GET", "/api_3/build/list", Fault.Kind.STATUS, 503));
        bed.fake.inject(new Fault("GET", "/api_3/build/list", Fault.Kind.RETRY_AFTER, 20));
        bed.fake.inject(new Fault("GET", "/api_3/build-chroot/list", Fault.Kind.DROP_CONNECTION, 0));
        bed.fake.inject(new Fault("GET", "/api_3/build/source-chroot", Fault.Kind.GATEWAY_TIMEOUT, 0));

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        assertThat(result.isAllSucceeded()).isTrue();
        assertThat(bed.clock.sleeps()).contains(Duration.ofSeconds(20));
    }

    @Test
    void shouldServeManyBuildsOfAProjectWithOneListCallPerPoll() {
        List<CoprBuild> builds = new ArrayList<>();
        // one long build keeps the rest of the batch chain blocked: nothing changes for 20 builds for an hour
        bed.fake.planNext(BuildPlan.standard().withChroot(F41, chroot(60, 3600, "succeeded")));
        CoprBuild first = submit(List.of(F41));
        builds.add(first);
        for (int i = 0; i < 20; i++) {
            builds.add(bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                    BuildOptions.chroots(List.of(F41)).after(first.id())));
        }
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofMinutes(50), CHROOT_LISTS).waitFor(builds, listener);

        assertThat(result.ending()).isEqualTo(WaitResult.Ending.DEADLINE);
        Map<String, Long> byPath = new java.util.TreeMap<>();
        for (RecordedRequest request : bed.fake.requests()) {
            byPath.merge(request.getUrl().encodedPath(), 1L, Long::sum);
        }
        long polls = byPath.get("/api_3/build/list");
        assertThat(polls).isGreaterThan(90);
        // the first build's SRPM end and its chroot's start: 1 source-chroot read, 1 chroot list read
        assertThat(byPath).containsOnlyKeys("/api_3/build/list", "/api_3/build/source-chroot/" + first.id(),
                "/api_3/build-chroot/list");
        assertThat(byPath.get("/api_3/build-chroot/list")).isEqualTo(1);
    }

    @Test
    void shouldReadChrootListsEveryPollOnlyWhileTwoChrootsRunTogether() {
        bed.fake.planNext(BuildPlan.standard().withChroot(F41, chroot(0, 300, "succeeded"))
                .withChroot(EPEL, chroot(0, 600, "succeeded")));
        CoprBuild build = submit(List.of(F41, EPEL));

        WaitResult result = bed.waiter(Duration.ofHours(2), CHROOT_LISTS).waitFor(List.of(build), listener);

        // F41 ends while EPEL still runs: the summary shows nothing, yet F41 is reported within one poll interval
        ChrootResult f41 = result.chroots().get(0);
        assertThat(f41.chroot()).isEqualTo(F41);
        assertThat(f41.seenAt().getEpochSecond() - bed.fake.chrootEndedOn(build.id(), F41)).isBetween(0L, 30L);
        long chrootReads = bed.fake.requests().stream()
                .filter(r -> r.getUrl().encodedPath().equals("/api_3/build-chroot/list")).count();
        // about 300 s of two running chroots at ≤30 s per poll, plus the start and the end
        assertThat(chrootReads).isBetween(10L, 35L);
    }
}
