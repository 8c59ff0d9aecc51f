package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.graph.ConfigFixtures;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.http.fake.Fault;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with the real Copr and Testing Farm executors against the loopback fakes, on the wall clock. */
class RemoteRunTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F40 = "fedora-40-x86_64";
    private static final RunSettings SETTINGS = new RunSettings("https://github.com/acme/hello", "9f1c2e7d", "hello",
            "jdoe", Polling.every(Duration.ofMillis(20)), false);

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldBuildAndTestWithTheBuildsArtifactsStartingTestsPerChroot() {
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(150))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(1500), "succeeded")));
        var plan = new PlanBuilder().build("hello", "build1", F41, F40).tests("hello", "tests1", "build1", F41, F40).plan();

        var state = run(plan, SETTINGS);

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).as(status.id().toString()).isEqualTo(NodeState.SUCCEEDED));
        var build = state.status(NodeId.parse("copr_build:hello:build1"));
        var buildId = build.remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(state.status(NodeId.parse("srpm:hello:build1")).remote()).containsEntry(CoprBuildExecutor.BUILD_ID, buildId);
        assertThat(services.copr().buildIds()).hasSize(1);
        assertThat(services.copr().buildRequest(Long.parseLong(buildId)).path("script").asText())
                .contains("packit -d prepare-sources -p hello --result-dir packit-srpm --ref 9f1c2e7d --pr-id 1 --merge-pr"
                        + " --target-branch main --job-config-index 0 --no-create-symlinks https://github.com/acme/hello");
        var test41 = state.status(NodeId.parse("tests:hello:tests1@" + F41));
        assertThat(test41.endedAt()).isBefore(build.endedAt());
        var submitted = services.farm().submitted(test41.remote().get(TestingFarmExecutor.REQUEST_ID));
        assertThat(submitted.at("/environments/0/artifacts/0/id").asText()).isEqualTo(buildId + ":" + F41);
        assertThat(submitted.at("/environments/0/os/compose").asText()).isEqualTo("Fedora-41");
        assertThat(test41.junit()).contains("<testsuites").contains("<testcase");
        assertThat(build.links().get("copr")).isEqualTo(services.copr().url() + "/coprs/jdoe/hello-1/build/" + buildId + "/");
    }

    @Test
    void shouldGiveADependentBuildOnlyTheChrootsItsDependenciesBuiltAndTheirArtifacts() {
        var plan = new PlanBuilder().build("B", "build1", F41, F40).build("A", "build1", F41, F40)
                .tests("A", "tests1", "build1", F41, F40).depends("A", "B", "build1").plan();
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(150))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(150), "failed")));

        var state = run(plan, SETTINGS);

        var cause = "copr_build:B:build1 failed on " + F40;
        var idA = Long.parseLong(state.status(NodeId.parse("copr_build:A:build1")).remote().get(CoprBuildExecutor.BUILD_ID));
        var idB = state.status(NodeId.parse("copr_build:B:build1")).remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(services.copr().chrootsOf(idA)).containsExactly(F41);
        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F40)))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, cause);
        var test = state.status(NodeId.parse("tests:A:tests1@" + F41));
        assertThat(test.state()).isEqualTo(NodeState.SUCCEEDED);
        var artifacts = services.farm().submitted(test.remote().get(TestingFarmExecutor.REQUEST_ID)).at("/environments/0/artifacts");
        assertThat(artifacts.get(0).path("id").asText()).isEqualTo(idB + ":" + F41);
        assertThat(artifacts.get(1).path("id").asText()).isEqualTo(idA + ":" + F41);
    }

    @Test
    void shouldAddTheCoprRepoOfADependencyInAnotherProjectToTheDependentsProject() {
        var plan = new PlanBuilder().build("B", "build1", F41).build("A", "build1", F41).depends("A", "B", "build1")
                .coprProject("B", "build1", "libs").plan();

        var state = run(plan, SETTINGS);

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(services.copr().project("jdoe", "hello-1").path("additional_repos").toString())
                .isEqualTo("[\"copr://jdoe/libs\"]");
        assertThat(services.copr().project("jdoe", "libs").path("additional_repos").toString()).isEqualTo("[]");
        var idB = state.status(NodeId.parse("copr_build:B:build1")).remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(services.copr().build(Long.parseLong(idB)).path("projectname").asText()).isEqualTo("libs");
    }

    @Test
    void shouldSubmitDependentBuildsAtOnceAsOrderedCoprBatches() {
        var plan = new PlanBuilder().build("B", "build1", F41).build("C", "build1", F41).build("A", "build1", F41)
                .tests("A", "tests1", "build1", F41).depends("A", "B", "build1").depends("A", "C", "build1").plan();
        var batches = new RunSettings(SETTINGS.repoUrl(), SETTINGS.commit(), SETTINGS.repoName(), SETTINGS.coprOwner(),
                SETTINGS.polling(), true);

        var state = run(plan, batches);

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).as(status.id().toString()).isEqualTo(NodeState.SUCCEEDED));
        var idB = Long.parseLong(state.status(NodeId.parse("copr_build:B:build1")).remote().get(CoprBuildExecutor.BUILD_ID));
        var idC = Long.parseLong(state.status(NodeId.parse("copr_build:C:build1")).remote().get(CoprBuildExecutor.BUILD_ID));
        var idA = Long.parseLong(state.status(NodeId.parse("copr_build:A:build1")).remote().get(CoprBuildExecutor.BUILD_ID));
        assertThat(services.copr().buildRequest(idB).has("after_build_id")).isFalse();
        assertThat(services.copr().buildRequest(idC).path("with_build_id").asLong()).isEqualTo(idB);
        assertThat(services.copr().buildRequest(idA).path("after_build_id").asLong()).isEqualTo(idB);
        // A was submitted before its dependencies ended: Copr held it back until their batch had finished
        assertThat(state.status(NodeId.parse("srpm:A:build1")).startedAt())
                .isBefore(state.status(NodeId.parse("copr_build:B:build1")).endedAt());
        assertThat(services.copr().chrootEndedOn(idA, F41)).isGreaterThanOrEqualTo(services.copr().chrootEndedOn(idC, F41));
    }

    @Test
    void shouldLoseNoNodeAndSubmitNothingTwiceUnderInjectedFaults() {
        var plan = new PlanBuilder().build("B", "build1", F41).tests("B", "tests1", "build1", F41)
                .build("A", "build1", F41).tests("A", "tests1", "build1", F41).depends("A", "B", "build1").plan();
        var copr = services.copr();
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.RETRY_AFTER, 1));
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.PROCESS_THEN_STALL, 0));
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.DROP_CONNECTION, 0));
        copr.inject(new Fault("GET", "/api_3/build-chroot/list", Fault.Kind.STATUS, 503));
        copr.inject(new Fault("GET", "/api_3/build-chroot/list", Fault.Kind.DROP_CONNECTION, 0));
        copr.inject(new Fault("GET", "/api_3/build/source-chroot", Fault.Kind.GATEWAY_TIMEOUT, 0));
        copr.inject(new Fault("POST", "/api_3/project/add", Fault.Kind.STATUS, 500));
        services.farm().failNext("POST", "/v0.1/requests", Fault.retryAfter(1),
                Fault.status(503));
        services.farm().failNext("GET", "/v0.1/requests", Fault.status(500),
                Fault.disconnect(), Fault.retryAfter(1));

        var state = run(plan, SETTINGS);

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).as(status.id() + ": " + status.reason())
                .isEqualTo(NodeState.SUCCEEDED));
        assertThat(copr.buildIds()).hasSize(2);
        assertThat(services.farm().requestIds()).hasSize(2);
    }

    @Test
    void shouldCancelEveryBuildAndRequestItStartedWhenCancelled() throws Exception {
        services.copr().defaultPlan(FakeServices.plan(Duration.ofMillis(100), Duration.ofSeconds(30))
                .withChroot(F41, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(100), "succeeded")));
        services.farm().defaultScript(FakeTestingFarm.Script.passing().slow(100_000));
        var plan = new PlanBuilder().build("B", "build1", F41, F40).tests("B", "tests1", "build1", F41, F40)
                .build("C", "build1", F41, F40).build("A", "build1", F41, F40).depends("A", "B", "build1").plan();
        var state = new RunState(plan, EngineClock.system(), false);
        var engine = new Engine(state, executors(SETTINGS), new EngineOptions(4, EngineClock.system()));
        state.addListener((status, change) -> {
            if (status.id().kind() == NodeKind.TESTS && status.remote().containsKey(TestingFarmExecutor.REQUEST_ID)) {
                engine.cancel();
            }
        });

        var outcome = engine.run();

        assertThat(outcome).isEqualTo(RunOutcome.CANCELLED);
        assertThat(services.unfinishedBuilds()).isEmpty();
        assertThat(services.unfinishedRequests()).isEmpty();
        assertThat(services.farm().requestIds()).isNotEmpty();
        assertThat(state.status(NodeId.parse("srpm:A:build1")).state()).isEqualTo(NodeState.CANCELLED);
        var cancels = new ArrayList<String>();
        services.copr().requests().forEach(request -> {
            if (request.getUrl().encodedPath().startsWith("/api_3/build/cancel")) {
                cancels.add(request.getUrl().encodedPath());
            }
        });
        assertThat(cancels).hasSize(2);
    }

    @Test
    void shouldCreateTheProjectWithOnlyTheChrootsOfTheEventsBuildsWhenThePlanHoldsEveryTrigger(@TempDir Path dir)
            throws InterruptedException {
        var config = ConfigFixtures.config().pkg("hello").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).targets(F40).done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).branch("main").targets(F41).done().build();
        // what a Jenkins build of branch main has: the rendered Jenkinsfile's nodes, the build's event
        var plan = RuntimePipeline.planFor(config, new Event.Commit("main", List.of()));
        var board = BuildBoard.open(plan, dir.resolve("state.json"), executors(SETTINGS));
        var driver = board.driver(Duration.ofMillis(20));
        var commitNodes = plan.nodes().stream().filter(node -> node.condition().trigger() == Trigger.COMMIT)
                .map(node -> node.id()).toList();
        assertThat(commitNodes).hasSize(2);

        StepProgress progress = driver.advance(commitNodes);
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (progress instanceof StepProgress.Pending pending && System.nanoTime() < deadline) {
            Sleeper.system().sleep(pending.delay());
            progress = driver.advance(commitNodes);
        }

        assertThat(progress).isInstanceOf(StepProgress.Done.class);
        assertThat(((StepProgress.Done) progress).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(services.copr().project("jdoe", "hello-main").path("chroot_repos").properties())
                .extracting(java.util.Map.Entry::getKey).containsExactly(F41);
    }

    private RunState run(Plan plan, RunSettings settings) {
        var state = new RunState(plan, EngineClock.system(), settings.coprBatches());
        new Engine(state, executors(settings), new EngineOptions(4, EngineClock.system())).run();
        return state;
    }

    private NodeExecutors executors(RunSettings settings) {
        var copr = new CoprBuildExecutor(services.coprClient(), settings);
        var farm = new TestingFarmExecutor(services.farmClient(), settings);
        return new NodeExecutors(Map.of(NodeKind.SRPM, copr, NodeKind.COPR_BUILD, copr, NodeKind.TESTS, farm));
    }
}
