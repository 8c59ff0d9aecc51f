package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.http.fake.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link BuildWaiter} in its default mode: chroot states from one {@code GET /monitor} per project and poll. */
class BuildWaiterMonitorTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String EPEL = "epel-9-x86_64";
    private static final String ARM = "fedora-41-aarch64";
    private static final String LIST = "/api_3/build/list?ownername=jdoe&projectname=p&limit=100&offset=0&order=id"
            + "&order_type=DESC";
    private static final String MONITOR = "/api_3/monitor?ownername=jdoe&projectname=p"
            + "&additional_fields%5B%5D=url_build_log";

    private final CoprTestbed bed = new CoprTestbed();
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void project() {
        bed.fake.seedProject("jdoe", "p", List.of(F41, EPEL, ARM));
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private CoprBuild submit(BuildPlan plan, List<String> chroots) {
        bed.fake.planNext(plan);
        return bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(chroots));
    }

    private static BuildPlan.ChrootPlan chroot(int queue, int run, String outcome) {
        return new BuildPlan.ChrootPlan(Duration.ofSeconds(queue), Duration.ofSeconds(run), outcome);
    }

    private List<String> targets() {
        return bed.fake.requests().stream().map(RecordedRequest::getTarget).toList();
    }

    private Map<String, Long> countByTarget() {
        Map<String, Long> counts = new TreeMap<>();
        targets().forEach(t -> counts.merge(t, 1L, Long::sum));
        return counts;
    }

    private void assertEachChrootOnceWithinOnePoll(WaitResult result, int expected) {
        assertThat(result.chroots()).hasSize(expected);
        assertThat(result.chroots().stream().map(c -> c.buildId() + "/" + c.chroot()).distinct()).hasSize(expected);
        for (ChrootResult chroot : result.chroots()) {
            long ended = bed.fake.chrootEndedOn(chroot.buildId(), chroot.chroot());
            assertThat(chroot.seenAt().getEpochSecond() - ended).isBetween(0L, 30L);
        }
    }

    @Test
    void shouldReadRunningChrootsFromTheMonitorInsteadOfTheBuildsChrootList() {
        CoprBuild build = submit(BuildPlan.standard().withChroot(F41, chroot(0, 300, "succeeded"))
                .withChroot(EPEL, chroot(0, 600, "failed")), List.of(F41, EPEL));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        long id = build.id();
        assertThat(listener.events).containsExactly(id + " srpm succeeded", id + " fedora-41-x86_64 running",
                id + " epel-9-x86_64 running", id + " fedora-41-x86_64 ended succeeded",
                id + " epel-9-x86_64 ended failed", id + " build failed");
        assertThat(countByTarget()).containsOnlyKeys(LIST, "/api_3/build/source-chroot/" + id, MONITOR);
        // F41 ends while EPEL runs on: the monitor is read on every poll of those 300 s and shows the end
        long polls = countByTarget().get(LIST);
        assertThat(countByTarget().get(MONITOR)).isBetween(10L, polls);
        assertThat(result.calls()).isEqualTo(bed.fake.requestCount());
        assertEachChrootOnceWithinOnePoll(result, 2);
        String dir = bed.fake.url() + "/results/jdoe/p/epel-9-x86_64/08123456-hello/";
        assertThat(result.chroots().get(1).resultUrl()).isEqualTo(dir);
        assertThat(result.chroots().get(1).logUrl()).isEqualTo(dir + "builder-live.log.gz");
        assertThat(result.chroots().get(1).repoUrl()).isEqualTo(bed.fake.url() + "/results/jdoe/p/epel-9-x86_64/");
    }

    @Test
    void shouldServeManyBuildsOfOneProjectWithOneMonitorCallPerPoll() {
        List<CoprBuild> builds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            builds.add(submit(BuildPlan.standard().withPackage("pkg" + i)
                    .withChroot(F41, chroot(i * 7, 200 + i * 11, "succeeded"))
                    .withChroot(EPEL, chroot(i * 3, 400 + i * 5, i % 4 == 0 ? "failed" : "succeeded"))
                    .withChroot(ARM, chroot(i * 13, 500, "succeeded")), List.of(F41, EPEL, ARM)));
        }
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(3)).waitFor(builds, listener);

        assertThat(result.ending()).isEqualTo(WaitResult.Ending.ALL_FINISHED);
        assertEachChrootOnceWithinOnePoll(result, 90);
        Map<String, Long> counts = countByTarget();
        // no chroot list at all; per poll one list call and at most one monitor call; one SRPM read per build
        assertThat(counts.keySet()).noneMatch(t -> t.startsWith("/api_3/build-chroot/"));
        assertThat(counts.get(MONITOR)).isLessThanOrEqualTo(counts.get(LIST));
        assertThat(counts.keySet().stream().filter(t -> t.startsWith("/api_3/build/source-chroot/"))).hasSize(30);
        assertThat(bed.fake.requestCount()).isEqualTo(counts.get(LIST) + counts.get(MONITOR) + 30);
        List<String> sequence = targets();
        for (int i = 1; i < sequence.size(); i++) {
            if (sequence.get(i).equals(MONITOR)) {
                assertThat(sequence.get(i - 1)).as("a monitor call follows its poll's list call").isEqualTo(LIST);
            }
        }
    }

    @Test
    void shouldReadTheChrootListOfABuildOnceANewerBuildOfItsPackageSupersedesIt() {
        // the older build runs 20 min; the newer one of the same package is known to Copr after 750 s
        CoprBuild older = submit(BuildPlan.standard().withChroot(F41, chroot(0, 1200, "succeeded"))
                .withChroot(EPEL, chroot(0, 1000, "succeeded")), List.of(F41, EPEL));
        CoprBuild newer = submit(BuildPlan.standard().withSrpmQueue(Duration.ofSeconds(600))
                .withChroot(F41, chroot(0, 300, "failed")).withChroot(EPEL, chroot(0, 100, "succeeded")),
                List.of(F41, EPEL));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(older, newer), listener);

        assertEachChrootOnceWithinOnePoll(result, 4);
        List<String> sequence = targets();
        String olderList = "/api_3/build-chroot/list?build_id=" + older.id();
        int firstMonitor = sequence.indexOf(MONITOR);
        int firstOlderList = sequence.indexOf(olderList);
        // the monitor served the older build until the newer one's SRPM named the package, then its own list did
        assertThat(firstMonitor).isNotNegative().isLessThan(firstOlderList);
        assertThat(sequence).doesNotContain("/api_3/build-chroot/list?build_id=" + newer.id());
        assertThat(sequence.stream().filter(olderList::equals).count()).isGreaterThan(5);
        for (ChrootResult chroot : result.chroots()) {
            String dir = bed.fake.url() + "/results/jdoe/p/" + chroot.chroot() + "/"
                    + String.format("%08d", chroot.buildId()) + "-hello/";
            assertThat(chroot.resultUrl()).isEqualTo(dir);
        }
        assertThat(result.chroots()).extracting(c -> c.buildId() + " " + c.chroot() + " " + c.state().wireName())
                .containsExactlyInAnyOrder(older.id() + " " + F41 + " succeeded",
                        older.id() + " " + EPEL + " succeeded", newer.id() + " " + F41 + " failed",
                        newer.id() + " " + EPEL + " succeeded");
    }

    @Test
    void shouldReadTheChrootListOfABuildWhoseSrpmFailedWithoutAskingTheMonitor() {
        CoprBuild build = submit(BuildPlan.standard().withFailingSrpm(), List.of(F41, EPEL));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        long id = build.id();
        assertThat(listener.events).containsExactly(id + " srpm failed", id + " fedora-41-x86_64 ended failed",
                id + " epel-9-x86_64 ended failed", id + " build failed");
        assertThat(countByTarget()).containsOnlyKeys(LIST, "/api_3/build/source-chroot/" + id,
                "/api_3/build-chroot/list?build_id=" + id);
    }

    @Test
    void shouldGetTheResultDirectoryOfAForkedChrootFromTheChrootList() {
        CoprBuild build = submit(BuildPlan.standard().withChroot(F41, chroot(10, 0, "forked"))
                .withChroot(EPEL, chroot(10, 400, "succeeded")), List.of(F41, EPEL));

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        ChrootResult forked = result.chroots().get(0);
        assertThat(forked.state()).isEqualTo(CoprState.FORKED);
        assertThat(forked.resultUrl()).isEqualTo(bed.fake.url() + "/results/jdoe/p/fedora-41-x86_64/08123456-hello/");
        assertThat(targets()).contains(MONITOR, "/api_3/build-chroot/list?build_id=" + build.id());
        assertEachChrootOnceWithinOnePoll(result, 2);
    }

    @Test
    void shouldRetryAMonitorCallThatFailsTransiently() {
        CoprBuild build = submit(BuildPlan.standard(), List.of(F41, EPEL));
        bed.fake.inject(new Fault("GET", "/api_3/monitor", Fault.Kind.STATUS, 503));
        bed.fake.inject(new Fault("GET", "/api_3/monitor", Fault.Kind.DROP_CONNECTION, 0));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        List<String> sequence = targets();
        int first = sequence.indexOf(MONITOR);
        // the same call, tried three times within one poll, then read on; the chroot list is never needed
        assertThat(sequence.subList(first, first + 3)).containsExactly(MONITOR, MONITOR, MONITOR);
        assertThat(sequence).noneMatch(t -> t.startsWith("/api_3/build-chroot/"));
        assertEachChrootOnceWithinOnePoll(result, 2);
    }

    @Test
    void shouldFallBackToChrootListsForOnePollWhenTheMonitorStreamBreaks() {
        CoprBuild build = submit(BuildPlan.standard().withChroot(F41, chroot(0, 300, "succeeded"))
                .withChroot(EPEL, chroot(0, 600, "succeeded")), List.of(F41, EPEL));
        // Copr streams the monitor: a failure mid-way is a 200 with truncated JSON
        bed.fake.inject(new Fault("GET", "/api_3/monitor", Fault.Kind.MALFORMED_JSON, 0));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        List<String> sequence = targets();
        int broken = sequence.indexOf(MONITOR);
        assertThat(sequence.get(broken + 1)).isEqualTo("/api_3/build-chroot/list?build_id=" + build.id());
        assertThat(sequence.get(broken + 2)).isEqualTo(LIST);
        assertThat(sequence.subList(broken + 2, sequence.size())).contains(MONITOR)
                .noneMatch(t -> t.startsWith("/api_3/build-chroot/"));
        assertEachChrootOnceWithinOnePoll(result, 2);
        assertThat(result.calls()).isEqualTo(bed.fake.requestCount());
    }

    @Test
    void shouldStopAskingAMonitorThatCoprRefuses() {
        CoprBuild build = submit(BuildPlan.standard().withChroot(F41, chroot(0, 300, "succeeded"))
                .withChroot(EPEL, chroot(0, 600, "succeeded")), List.of(F41, EPEL));
        bed.fake.inject(new Fault("GET", "/api_3/monitor", Fault.Kind.STATUS, 404));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        Map<String, Long> counts = countByTarget();
        assertThat(counts.get(MONITOR)).isEqualTo(1);
        assertThat(counts.get("/api_3/build-chroot/list?build_id=" + build.id())).isGreaterThan(10);
        assertEachChrootOnceWithinOnePoll(result, 2);
        assertThat(result.isAllSucceeded()).isTrue();
    }

    @Test
    void shouldAskTheMonitorOfTheBuildsProjectDirectory() {
        bed.fake.planNext(BuildPlan.standard().withChroot(F41, chroot(0, 200, "succeeded"))
                .withChroot(EPEL, chroot(0, 300, "succeeded")));
        CoprBuild build = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of(F41, EPEL)).inDir("p:pr:12", null));
        bed.fake.clearRequests();

        WaitResult result = bed.waiter(Duration.ofHours(2)).waitFor(List.of(build), listener);

        assertThat(targets()).contains("/api_3/monitor?ownername=jdoe&projectname=p&project_dirname=p%3Apr%3A12"
                + "&additional_fields%5B%5D=url_build_log").doesNotContain(MONITOR)
                .noneMatch(t -> t.startsWith("/api_3/build-chroot/"));
        assertEachChrootOnceWithinOnePoll(result, 2);
    }
}
