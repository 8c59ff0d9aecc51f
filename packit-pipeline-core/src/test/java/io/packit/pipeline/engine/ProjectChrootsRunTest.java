package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.http.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A copr_build job with its own Copr project and no targets, run against the fake Copr: it builds in the chroots the
 * project has, read with {@code GET /api_3/project} ({@code chroot_repos}), as packit-service does
 * (packit/packit-service@b828c3d7 packit_service/worker/helpers/build/build_helper.py:86-106
 * {@code configured_build_targets}, copr_build.py:1013-1021 {@code get_configured_targets}), and in
 * {@code fedora-stable} when the project does not exist yet.
 */
class ProjectChrootsRunTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private static final String F43 = "fedora-43-x86_64";
    private static final String EPEL = "epel-9-x86_64";
    private static final RunSettings SETTINGS = new RunSettings("https://github.com/acme/hello", "9f1c2e7d", "hello",
            "jdoe", Polling.every(Duration.ofMillis(20)), false);
    private static final String CONFIG = """
            specfile_path: hello.spec
            jobs:
              - job: copr_build
                trigger: commit
                owner: jdoe
                project: nightly
              - job: tests
                trigger: commit
                targets: [fedora-42-x86_64, fedora-41-x86_64]
            """;
    private static final NodeId SRPM = NodeId.parse("srpm:hello:commit");
    private static final NodeId BUILD = NodeId.parse("copr_build:hello:commit");

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    private static Plan plan() {
        var config = new PackitConfigLoader().load(".packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8)).configOrThrow();
        return new JobGraphPlanner().plan(config, new Event.Commit("main", List.of()));
    }

    private RunState run(Plan plan) {
        var state = new RunState(plan, EngineClock.system(), false);
        var copr = new CoprBuildExecutor(services.coprClient(), SETTINGS);
        var farm = new TestingFarmExecutor(services.farmClient(), SETTINGS);
        var executors = new NodeExecutors(Map.of(NodeKind.SRPM, copr, NodeKind.COPR_BUILD, copr, NodeKind.TESTS, farm));
        new Engine(state, executors, new EngineOptions(4, EngineClock.system())).run();
        return state;
    }

    @Test
    void shouldBuildInTheChrootsTheProjectHasAndSkipTheTestsOfAChrootItLacks() {
        services.copr().seedProject("jdoe", "nightly", List.of(F42, EPEL));

        var state = run(plan());

        var buildId = Long.parseLong(state.status(BUILD).remote().get(CoprBuildExecutor.BUILD_ID));
        assertThat(services.copr().buildRequest(buildId).path("chroots").toString())
                .isEqualTo("[\"" + EPEL + "\",\"" + F42 + "\"]");
        assertThat(state.status(SRPM).remote()).containsEntry(CoprBuildExecutor.CHROOTS, EPEL + "," + F42);
        assertThat(state.status(BUILD).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(state.status(BUILD).chroots().keySet()).containsExactlyInAnyOrder(EPEL, F42, F41);
        assertThat(state.status(NodeId.parse("tests:hello:commit@" + F42)).state()).isEqualTo(NodeState.SUCCEEDED);
        var lacking = state.status(NodeId.parse("tests:hello:commit@" + F41));
        assertThat(lacking.state()).isEqualTo(NodeState.SKIPPED);
        assertThat(lacking.reason()).isEqualTo("Copr project jdoe/nightly has no chroot " + F41);
        // the project keeps the chroots it had: nothing was added to it
        assertThat(services.copr().project("jdoe", "nightly").path("chroot_repos").size()).isEqualTo(2);
        assertThat(services.copr().requests()).anySatisfy(request -> assertThat(request.getUrl().encodedPath() + "?"
                + request.getUrl().encodedQuery()).isEqualTo("/api_3/project?ownername=jdoe&projectname=nightly"));
    }

    @Test
    void shouldCreateAMissingProjectWithFedoraStableAndBuildThere() {
        var state = run(plan());

        var buildId = Long.parseLong(state.status(BUILD).remote().get(CoprBuildExecutor.BUILD_ID));
        assertThat(services.copr().buildRequest(buildId).path("chroots").toString())
                .isEqualTo("[\"" + F41 + "\",\"" + F42 + "\",\"" + F43 + "\"]");
        assertThat(services.copr().project("jdoe", "nightly").path("chroot_repos").properties())
                .extracting(Map.Entry::getKey).containsExactly(F41, F42, F43);
        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).as(status.id().toString())
                .isEqualTo(NodeState.SUCCEEDED));
    }

    @Test
    void shouldSayInTheDryRunWhereTheChrootsComeFrom() {
        var lines = new DryRun(plan(), SETTINGS).lines();

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("srpm:hello:commit ").contains(
                "submit a Copr build to jdoe/nightly on the chroots of Copr project jdoe/nightly, read from Copr when "
                        + "submitting (" + F41 + ", " + F42 + ", " + F43 + " if it does not exist yet or has none)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("copr_build:hello:commit ")
                .contains("wait for that Copr build, chroot by chroot (the chroots it is submitted on)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("tests:hello:commit@" + F41 + " ")
                .contains("submit a Testing Farm request: Fedora-41 x86_64"));
        assertThat(services.copr().requests()).isEmpty();
    }
}
