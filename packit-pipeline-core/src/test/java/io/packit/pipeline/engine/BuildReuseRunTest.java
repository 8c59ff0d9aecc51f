package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.copr.BuildOptions;
import io.packit.pipeline.copr.BuildSource;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.PlanOptions;
import io.packit.pipeline.http.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Build reuse (issue 12 §1) through the engine with the real Copr and Testing Farm executors against the loopback
 * fakes: the layout of examples/monorepo-depends (app depends on lib and common, lib on common), a pull request that
 * changes app only, and what Copr holds from earlier runs.
 */
class BuildReuseRunTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F40 = "fedora-40-x86_64";
    private static final String REPO = "https://github.com/acme/mono";
    private static final PackitConfig CONFIG = new PackitConfigLoader().load("packit.yaml", """
            packages:
              common:
                specfile_path: common/common.spec
                paths: [common]
              lib:
                specfile_path: lib/lib.spec
                paths: [lib]
                depends: [common]
              app:
                specfile_path: app/app.spec
                paths: [app]
                depends: [lib, common]
            jobs:
              - job: copr_build
                identifier: build1
                trigger: pull_request
                targets: [fedora-41-x86_64, fedora-40-x86_64]
              - job: tests
                identifier: tests1
                trigger: pull_request
                targets: [fedora-41-x86_64, fedora-40-x86_64]
              - job: copr_build
                trigger: commit
                branch: main
                targets: [fedora-41-x86_64, fedora-40-x86_64]
            """.getBytes(StandardCharsets.UTF_8)).configOrThrow();
    private static final List<String> EVERYTHING = List.of("common/x", "lib/x", "app/x");
    private static final List<String> APP_ONLY = List.of("app/src/main.c");

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldBuildTheUnchangedDependenciesFirstWhenTheProjectHasNothingThenTheChangedPackage() {
        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS, false);

        assertThat(services.copr().buildIds()).hasSize(3);
        assertThat(state.statuses()).filteredOn(status -> status.id().kind() != NodeKind.TESTS || is(status, "app"))
                .allSatisfy(status -> assertThat(status.state()).as(status.id().toString()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(status(state, "tests:lib:tests1@" + F41)).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.SKIPPED, "unchanged");
        var app = status(state, "srpm:app:build1").startedAt();
        assertThat(app).isAfterOrEqualTo(status(state, "copr_build:lib:build1").endedAt())
                .isAfterOrEqualTo(status(state, "copr_build:common:build1").endedAt());
        assertThat(status(state, "srpm:lib:build1").startedAt()).isAfterOrEqualTo(status(state, "copr_build:common:build1").endedAt());
        assertThat(services.farm().requestIds()).hasSize(2);
        assertThat(artifacts(state, "tests:app:tests1@" + F41)).containsExactly(buildId(state, "common") + ":" + F41,
                buildId(state, "lib") + ":" + F41, buildId(state, "app") + ":" + F41);
    }

    @Test
    void shouldBuildOnlyTheChangedPackageWhenEarlierBuildsOfTheOthersSucceededAndGiveItTheirRepos() {
        var first = run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, false);
        var common = buildId(first, "common");
        var lib = buildId(first, "lib");
        services.copr().clearRequests();

        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS, false);

        assertThat(services.copr().buildIds()).hasSize(4);
        for (var pkg : List.of("common", "lib")) {
            for (var kind : List.of("srpm", "copr_build")) {
                assertThat(status(state, kind + ":" + pkg + ":build1").state()).as(kind + " " + pkg).isEqualTo(NodeState.REUSED);
            }
        }
        var reused = status(state, "copr_build:lib:build1");
        assertThat(reused.reason()).isEqualTo("reuses Copr build " + lib + " of commit c1 in jdoe/mono-7");
        assertThat(reused.chroots().get(F40).reused()).isEqualTo(new ReusedBuild(Long.parseLong(lib), "jdoe", "mono-7", "c1",
                ReusedBuild.Origin.EARLIER_COMMIT));
        assertThat(reused.remote()).doesNotContainKey(CoprBuildExecutor.BUILD_ID);
        assertThat(reused.links().get("copr")).isEqualTo(services.copr().url() + "/coprs/jdoe/mono-7/build/" + lib + "/");
        var app = Long.parseLong(buildId(state, "app"));
        assertThat(services.copr().build(app).path("projectname").asText()).isEqualTo("mono-7");
        assertThat(services.copr().project("jdoe", "mono-7").path("additional_repos").toString()).isEqualTo("[]");
        assertThat(artifacts(state, "tests:app:tests1@" + F40)).containsExactly(common + ":" + F40, lib + ":" + F40,
                app + ":" + F40);
        assertThat(RunOutcome.of(state.statuses(), false)).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(services.copr().requests()).filteredOn(request -> request.getMethod().equals("POST")
                && request.getUrl().encodedPath().startsWith("/api_3/build/create")).hasSize(1);
    }

    @Test
    void shouldNeverReuseAFailedOrCancelledBuildAndBuildADependencyOnlyOnTheChrootItCannotReuse() {
        services.copr().seedProject("jdoe", "mono-7", List.of(F41, F40));
        var client = services.coprClient();
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(50), Duration.ofMillis(50))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(50), "failed")));
        long common = client.submit("jdoe", "mono-7", script("common", "c1"), BuildOptions.chroots(List.of(F41, F40))).id();
        services.copr().planNext(FakeServices.plan(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        long lib = client.submit("jdoe", "mono-7", script("lib", "c1"), BuildOptions.chroots(List.of(F41, F40))).id();
        client.cancel(lib);
        waitUntilEveryBuildEnded();

        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS, false);

        var commonNode = status(state, "copr_build:common:build1");
        assertThat(commonNode.state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(commonNode.chroots().get(F41).reused().buildId()).isEqualTo(common);
        assertThat(commonNode.chroots().get(F40).state()).isEqualTo(NodeState.SUCCEEDED);
        var rebuilt = Long.parseLong(commonNode.remote().get(CoprBuildExecutor.BUILD_ID));
        assertThat(services.copr().chrootsOf(rebuilt)).containsExactly(F40);
        var libNode = status(state, "copr_build:lib:build1");
        assertThat(libNode.state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(libNode.chroots().values()).allSatisfy(outcome -> assertThat(outcome.reused()).isNull());
        assertThat(services.copr().chrootsOf(Long.parseLong(buildId(state, "lib")))).containsExactly(F41, F40);
        assertThat(services.copr().buildIds()).hasSize(2 + 3);
        var app = buildId(state, "app");
        assertThat(artifacts(state, "tests:app:tests1@" + F41)).containsExactly(common + ":" + F41,
                buildId(state, "lib") + ":" + F41, app + ":" + F41);
        assertThat(artifacts(state, "tests:app:tests1@" + F40)).containsExactly(rebuilt + ":" + F40,
                buildId(state, "lib") + ":" + F40, app + ":" + F40);
        assertThat(new RunSummary(RunOutcome.SUCCEEDED, state.statuses(), Map.of(), Duration.ZERO).toText())
                .contains(F41 + " reused: Copr build " + common + " of commit c1 in jdoe/mono-7");
    }

    @Test
    void shouldReuseTheTargetBranchsBuildsAndAddItsProjectToTheDependentsRepos() {
        var branch = run(new Event.Commit("main", List.of()), "c0", PlanOptions.DEFAULTS, false);
        var common = status(branch, "copr_build:common:commit").remote().get(CoprBuildExecutor.BUILD_ID);
        var lib = status(branch, "copr_build:lib:commit").remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(services.copr().build(Long.parseLong(lib)).path("projectname").asText()).isEqualTo("mono-main");

        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS, false);

        assertThat(services.copr().buildIds()).hasSize(3 + 1);
        assertThat(status(state, "copr_build:common:build1").reason())
                .isEqualTo("reuses Copr build " + common + " of commit c0 in jdoe/mono-main (the target branch)");
        assertThat(status(state, "copr_build:lib:build1").chroots().get(F41).reused().origin())
                .isEqualTo(ReusedBuild.Origin.TARGET_BRANCH);
        assertThat(services.copr().project("jdoe", "mono-7").path("additional_repos").toString())
                .isEqualTo("[\"copr://jdoe/mono-main\"]");
        var app = buildId(state, "app");
        var request = services.farm().submitted(status(state, "tests:app:tests1@" + F41).remote().get(TestingFarmExecutor.REQUEST_ID));
        assertThat(artifacts(state, "tests:app:tests1@" + F41)).containsExactly(common + ":" + F41, lib + ":" + F41,
                app + ":" + F41);
        assertThat(request.toString()).contains("jdoe/mono-main");
    }

    @Test
    void shouldReuseEverythingAndSubmitNoBuildWhenTheSameCommitRunsAgain() {
        var first = run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, false);
        var requests = services.farm().requestIds().size();

        var state = run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, false);

        assertThat(services.copr().buildIds()).hasSize(3);
        assertThat(state.statuses()).filteredOn(status -> status.id().kind() != NodeKind.TESTS)
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.REUSED));
        assertThat(status(state, "copr_build:app:build1").reason())
                .isEqualTo("reuses Copr build " + buildId(first, "app") + " of this commit in jdoe/mono-7");
        assertThat(state.statuses()).filteredOn(status -> status.id().kind() == NodeKind.TESTS)
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(services.farm().requestIds()).hasSize(requests + 6);
        assertThat(artifacts(state, "tests:app:tests1@" + F41)).containsExactly(buildId(first, "common") + ":" + F41,
                buildId(first, "lib") + ":" + F41, buildId(first, "app") + ":" + F41);
        assertThat(RunSummary.of(state, RunOutcome.SUCCEEDED).toText()).contains("  app  succeeded (2 succeeded, 2 reused)")
                .contains("  lib  succeeded (2 succeeded, 2 reused)");
    }

    @Test
    void shouldShowInADryRunWhichChrootsItWouldTakeFromWhichBuildReadingCoprOnly() {
        var first = run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, false);
        var common = buildId(first, "common");
        var lib = buildId(first, "lib");
        services.copr().clearRequests();
        var plan = new JobGraphPlanner().plan(CONFIG, pr(APP_ONLY));

        var lines = new DryRun(plan, settings("c2", false), services.coprClient()).lines();
        var offline = new DryRun(plan, settings("c2", false)).lines();

        assertThat(line(lines, "srpm:common:build1")).contains("reuse Copr build " + common + " of commit c1 in jdoe/mono-7 for "
                + F41 + ", " + F40 + "; submit nothing");
        assertThat(line(lines, "copr_build:lib:build1")).contains("take Copr build " + lib + " of commit c1 in jdoe/mono-7 for "
                + F41 + ", " + F40);
        assertThat(line(lines, "srpm:app:build1")).contains("submit a Copr build to jdoe/mono-7 on " + F41 + ", " + F40)
                .doesNotContain("reuse");
        assertThat(line(lines, "tests:app:tests1@" + F41)).contains("artifacts of Copr build " + common + " (reused), Copr build "
                + lib + " (reused), copr_build:app:build1@" + F41);
        assertThat(services.copr().requests()).isNotEmpty().allSatisfy(request -> assertThat(request.getMethod()).isEqualTo("GET"));
        assertThat(services.copr().buildIds()).hasSize(3);
        assertThat(line(offline, "srpm:common:build1")).contains("may reuse the newest successful build of this unchanged "
                + "package (this Copr project, then the target branch main's), chroot by chroot (not looked up: no Copr); "
                + "submit a Copr build");
    }

    private static String line(List<String> lines, String id) {
        return lines.stream().filter(line -> line.startsWith(id + " ")).findFirst().orElseThrow();
    }

    @Test
    void shouldBuildEverythingWithNoReuse() {
        run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, false);
        services.copr().clearRequests();

        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS.withReuse(false), false);

        assertThat(services.copr().buildIds()).hasSize(6);
        assertThat(state.statuses()).filteredOn(status -> status.id().kind() != NodeKind.TESTS)
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(services.copr().requests()).noneMatch(request -> request.getUrl().encodedPath()
                .startsWith("/api_3/build/source-build-config"));
    }

    @Test
    void shouldSubmitTheChangedPackageOutsideAnyBatchWhenItsDependenciesAreReused() {
        run(pr(EVERYTHING), "c1", PlanOptions.DEFAULTS, true);

        var state = run(pr(APP_ONLY), "c2", PlanOptions.DEFAULTS, true);

        var app = Long.parseLong(buildId(state, "app"));
        assertThat(services.copr().buildIds()).hasSize(4);
        assertThat(services.copr().buildRequest(app).has("after_build_id")).isFalse();
        assertThat(services.copr().buildRequest(app).has("with_build_id")).isFalse();
        assertThat(status(state, "copr_build:app:build1").state()).isEqualTo(NodeState.SUCCEEDED);
    }

    private void waitUntilEveryBuildEnded() {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!services.unfinishedBuilds().isEmpty()) {
            assertThat(System.nanoTime()).as("builds ended in time").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Event pr(List<String> changed) {
        return new Event.PullRequest("main", 7, changed, List.of());
    }

    private static BuildSource script(String pkg, String commit) {
        return BuildSource.CustomScript.packitPrepareSources(REPO, commit, pkg, 7, "main", true, 0, List.of(), null);
    }

    private RunState run(Event event, String commit, PlanOptions options, boolean batches) {
        var plan = new JobGraphPlanner(options).plan(CONFIG, event);
        var settings = settings(commit, batches);
        var state = new RunState(plan, EngineClock.system(), batches);
        var copr = new CoprBuildExecutor(services.coprClient(), settings);
        var farm = new TestingFarmExecutor(services.farmClient(), settings);
        new Engine(state, new NodeExecutors(Map.of(NodeKind.SRPM, copr, NodeKind.COPR_BUILD, copr, NodeKind.TESTS, farm)),
                new EngineOptions(4, EngineClock.system())).run();
        return state;
    }

    private static RunSettings settings(String commit, boolean batches) {
        return new RunSettings(REPO, commit, "mono", "jdoe", Polling.every(Duration.ofMillis(20)), batches);
    }

    private static boolean is(NodeStatus status, String pkg) {
        return status.id().packageName().equals(pkg);
    }

    private static NodeStatus status(RunState state, String id) {
        return state.status(NodeId.parse(id));
    }

    private static String buildId(RunState state, String pkg) {
        return status(state, "copr_build:" + pkg + ":build1").remote().get(CoprBuildExecutor.BUILD_ID);
    }

    private List<String> artifacts(RunState state, String testId) {
        var request = services.farm().submitted(status(state, testId).remote().get(TestingFarmExecutor.REQUEST_ID));
        var ids = new ArrayList<String>();
        request.at("/environments/0/artifacts").forEach(artifact -> ids.add(artifact.path("id").asText()));
        return ids;
    }
}
