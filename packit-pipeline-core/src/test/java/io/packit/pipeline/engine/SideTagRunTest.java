package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A side-tag release run end to end by {@link PackitCliExecutor}, with fake {@code fedpkg}, {@code packit},
 * {@code koji} and {@code bodhi} on {@code PATH} that record their argument vectors and print what the real tools
 * print ({@link FakeReleaseTools}).
 */
class SideTagRunTest {
    private static final String CONFIG = """
            packages:
              B: {specfile_path: b/b.spec, paths: [b]}
              C: {specfile_path: c/c.spec, paths: [c]}
              A: {specfile_path: a/a.spec, paths: [a], depends: [B, C]}
            jobs:
              - job: koji_build
                trigger: commit
                identifier: koji
                dist_git_branches: [f43]
              - job: bodhi_update
                trigger: commit
                identifier: bodhi
                dist_git_branches: [f43]
            """;
    private static final String TAG = FakeReleaseTools.F43_TAG;

    @TempDir
    Path dir;
    private FakeReleaseTools tools;

    @BeforeEach
    void tools() {
        tools = new FakeReleaseTools(dir);
    }

    @Test
    void shouldRequestTheSideTagBuildEachPackageAfterItsDependenciesRepoAndUpdateFromTheTag() throws Exception {
        var state = run(new RunState(plan(), EngineClock.system(), false));

        assertThat(state.statuses()).extracting(NodeStatus::state).containsOnly(NodeState.SUCCEEDED);
        var lines = tools.calls();
        assertThat(lines).containsExactlyInAnyOrder(
                "fedpkg request-side-tag --base-tag f43-build",
                "packit build in-koji --dist-git-branch f43 --koji-target " + TAG + " --package B .",
                "packit build in-koji --dist-git-branch f43 --koji-target " + TAG + " --package C .",
                "koji wait-repo --request " + TAG,
                "koji wait-repo --request " + TAG,
                "packit build in-koji --dist-git-branch f43 --koji-target " + TAG + " --package A .",
                "bodhi updates new --type enhancement --notes Multi-package update of B, C, A, built together in one "
                        + "side tag. --from-tag " + TAG);
        assertThat(lines.get(0)).startsWith("fedpkg ");
        var a = lines.indexOf("packit build in-koji --dist-git-branch f43 --koji-target " + TAG + " --package A .");
        assertThat(lines.subList(1, a)).hasSize(4).filteredOn(line -> line.startsWith("koji ")).hasSize(2);
        assertThat(lines.get(a - 1)).startsWith("koji wait-repo");
        assertThat(lines.get(lines.size() - 1)).startsWith("bodhi ");
        assertThat(state.status(id("side_tag:A:koji@f43")).remote()).containsEntry(CliOutcome.SIDE_TAG, TAG);
        assertThat(state.status(id("bodhi_update:A:bodhi@f43")).remote())
                .containsEntry(CliOutcome.BODHI_UPDATE, "FEDORA-2026-5e1d2c3b4a");
    }

    @Test
    void shouldSkipTheDependentBuildAndTheUpdateWithTheRootCauseWhenADependencyFailsToBuild() throws Exception {
        // packit reports a failed Koji build and still exits 0 (packit/cli/builds/koji_build.py:167-180)
        tools.failBuildOf("B", "f43");

        var state = run(new RunState(plan(), EngineClock.system(), false));

        assertThat(state.status(id("koji_build:A:koji/B@f43")))
                .satisfies(status -> assertThat(status.state()).isEqualTo(NodeState.FAILED))
                .satisfies(status -> assertThat(status.reason()).startsWith("packit exited with status 0 but reported: "
                        + "Build for branch 'f43', target '" + TAG + "' failed. (log: "));
        for (var skipped : List.of("wait_repo:A:koji/B@f43", "koji_build:A:koji@f43", "bodhi_update:A:bodhi@f43")) {
            assertThat(state.status(id(skipped))).extracting(NodeStatus::state, NodeStatus::reason)
                    .containsExactly(NodeState.SKIPPED, "koji_build:A:koji/B@f43 failed");
        }
        assertThat(state.status(id("wait_repo:A:koji/C@f43")).state()).as("C is independent of B")
                .isEqualTo(NodeState.SUCCEEDED);
        assertThat(tools.calls()).noneMatch(line -> line.endsWith("--package A .") || line.startsWith("bodhi"));
    }

    @Test
    void shouldFailTheSideTagAndSkipTheReleaseWhenFedpkgNamesNoSideTag() throws Exception {
        tools.tool("fedpkg", """
                echo "fedpkg $*" >> '%s'
                echo 'Could not execute request_side_tag: Policy violation' >&2
                """);

        var state = run(new RunState(plan(), EngineClock.system(), false));

        assertThat(state.status(id("side_tag:A:koji@f43")).reason()).startsWith("fedpkg request-side-tag printed no "
                + "\"Side tag '<name>' (id <n>) created.\" line, so the side tag's name is not known (log: ");
        assertThat(state.status(id("koji_build:A:koji/B@f43")).reason()).isEqualTo("side_tag:A:koji@f43 failed");
        assertThat(state.status(id("bodhi_update:A:bodhi@f43")).state()).isEqualTo(NodeState.SKIPPED);
        assertThat(tools.calls()).containsExactly("fedpkg request-side-tag --base-tag f43-build");
    }

    @Test
    void shouldFailAnUpdateBodhiDidNotMakeThoughItExitedZero() throws Exception {
        // bodhi prints the server's refusal and exits 0 (bodhi-client/bodhi/client/cli.py:470-476)
        tools.tool("bodhi", """
                echo "bodhi $*" >> '%s'
                echo "{'status': 'error', 'errors': [{'description': 'Update for a-1.0-1.fc43 already exists'}]}" >&2
                """);

        var state = run(new RunState(plan(), EngineClock.system(), false));

        assertThat(state.status(id("bodhi_update:A:bodhi@f43")).reason()).startsWith("bodhi exited with status 0 but "
                + "printed no update (no 'Update ID:' line): {'status': 'error', 'errors': [{'description': 'Update for "
                + "a-1.0-1.fc43 already exists'}]} (log: ");
    }

    @Test
    void shouldUseTheSideTagRecordedInTheStateFileWhenResumed() throws Exception {
        var first = new RunState(plan(), EngineClock.system(), false);
        var side = id("side_tag:A:koji@f43");
        first.markRunning(side);
        first.recordRemote(side, PackitCliExecutor.PID, "1");
        first.recordRemote(side, CliOutcome.SIDE_TAG, "f43-build-side-77");
        first.finish(side, NodeState.SUCCEEDED, "");
        var file = dir.resolve("state.json");
        StateFile.of(first, "commit:main").write(file);

        var resumed = new RunState(plan(), EngineClock.system(), false);
        resumed.restore(StateFile.read(file).nodes());
        run(resumed);

        assertThat(resumed.statuses()).extracting(NodeStatus::state).containsOnly(NodeState.SUCCEEDED);
        assertThat(tools.calls()).noneMatch(line -> line.startsWith("fedpkg"))
                .contains("packit build in-koji --dist-git-branch f43 --koji-target f43-build-side-77 --package A .",
                        "bodhi updates new --type enhancement --notes Multi-package update of B, C, A, built together "
                                + "in one side tag. --from-tag f43-build-side-77");
    }

    @Test
    void shouldSayWhichToolIsMissing() throws Exception {
        tools.remove("fedpkg");

        var state = run(new RunState(plan(), EngineClock.system(), false));

        assertThat(state.status(id("side_tag:A:koji@f43")).reason()).isEqualTo("the fedpkg command line is not "
                + "installed ('fedpkg' is not on PATH); install it (dnf install fedpkg) to run side_tag jobs");
    }

    private RunState run(RunState state) {
        var executor = new PackitCliExecutor(dir, "packit", Map.of("PATH", tools.bin().toString()), dir.resolve("logs"));
        new Engine(state, NodeExecutors.all(executor), new EngineOptions(4, EngineClock.system())).run();
        return state;
    }

    private static Plan plan() {
        var config = new PackitConfigLoader().load("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8))
                .configOrThrow();
        return new JobGraphPlanner().plan(config, new Event.Commit("main", List.of()));
    }

    private static NodeId id(String text) {
        return NodeId.parse(text);
    }
}
