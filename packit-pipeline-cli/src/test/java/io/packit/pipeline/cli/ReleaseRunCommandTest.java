package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.engine.CliOutcome;
import io.packit.pipeline.engine.FakeReleaseTools;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.graph.NodeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code packit-pipeline run --event commit} of a side-tag release (A depends on B and C, branches rawhide and f43),
 * in a child JVM whose {@code PATH} holds fake fedpkg, packit, koji and bodhi ({@link FakeReleaseTools}).
 */
class ReleaseRunCommandTest {
    private static final Path CONFIG = Path.of("src/test/resources/io/packit/pipeline/cli/run/release.packit.yaml");
    private static final String RAWHIDE_TAG = "f44-build-side-4242";

    @TempDir
    Path dir;

    @Test
    void shouldPrintEveryCommandInOrderOnADryRun() {
        var run = CommandRun.of(args("--dry-run").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        var lines = run.out().lines().map(line -> line.replaceAll(" {2,}", "  ")).toList();
        assertThat(lines).startsWith(
                "side_tag:A:koji@rawhide  run: fedpkg request-side-tag --base-tag f44-build",
                "koji_build:A:koji/B@rawhide  run: packit build in-koji --dist-git-branch rawhide --koji-target "
                        + "{side_tag:A:koji@rawhide} --package B .  [after side_tag:A:koji@rawhide]",
                "wait_repo:A:koji/B@rawhide  run: koji wait-repo --request {side_tag:A:koji@rawhide}  [after "
                        + "koji_build:A:koji/B@rawhide]");
        assertThat(lines).hasSize(14).contains("koji_build:A:koji@f43  run: packit build in-koji --dist-git-branch f43 "
                + "--koji-target {side_tag:A:koji@f43} --package A .  [after side_tag:A:koji@f43, "
                + "wait_repo:A:koji/B@f43, wait_repo:A:koji/C@f43]");
        assertThat(lines.get(13)).isEqualTo("bodhi_update:A:bodhi@f43  run: bodhi updates new --type enhancement "
                + "--notes 'Multi-package update of B, C, A, built together in one side tag.' --from-tag "
                + "{side_tag:A:koji@f43}  [after koji_build:A:koji/B@f43, koji_build:A:koji/C@f43, "
                + "koji_build:A:koji@f43]");
    }

    @Test
    void shouldReleaseTheClosureWithTheToolsOnPath() throws Exception {
        var tools = new FakeReleaseTools(dir);

        var exit = launch(tools);

        assertThat(exit).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        var calls = tools.calls();
        assertThat(calls).hasSize(14)
                .contains("fedpkg request-side-tag --base-tag f44-build", "fedpkg request-side-tag --base-tag f43-build",
                        "packit build in-koji --dist-git-branch rawhide --koji-target " + RAWHIDE_TAG + " --package A .",
                        "bodhi updates new --type enhancement --notes Multi-package update of B, C, A, built together in "
                                + "one side tag. --from-tag " + FakeReleaseTools.F43_TAG);
        for (var tag : List.of(RAWHIDE_TAG, FakeReleaseTools.F43_TAG)) {
            var mine = calls.stream().filter(call -> call.contains(tag) || call.endsWith(tag.replace("-side-4242", "")))
                    .toList();
            assertThat(mine).hasSize(7);
            assertThat(mine.get(0)).startsWith("fedpkg request-side-tag");
            assertThat(mine.subList(1, 5)).filteredOn(call -> call.startsWith("koji wait-repo")).hasSize(2);
            assertThat(mine.get(5)).endsWith("--package A .");
            assertThat(mine.get(6)).startsWith("bodhi updates new");
        }
        var state = StateFile.read(dir.resolve("state.json")).nodes();
        assertThat(find(state, "side_tag:A:koji@f43").remote()).containsEntry(CliOutcome.SIDE_TAG, FakeReleaseTools.F43_TAG);
        assertThat(find(state, "bodhi_update:A:bodhi@rawhide").remote())
                .containsEntry(CliOutcome.BODHI_UPDATE, FakeReleaseTools.UPDATE);
        assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("run succeeded");
    }

    @Test
    void shouldSkipTheRestOfTheBranchWithTheRootCauseWhenADependencyFailsToBuild() throws Exception {
        var tools = new FakeReleaseTools(dir).failBuildOf("B", "f43");

        var exit = launch(tools);

        assertThat(exit).isEqualTo(1);
        var state = StateFile.read(dir.resolve("state.json")).nodes();
        assertThat(find(state, "koji_build:A:koji/B@f43").state()).isEqualTo(NodeState.FAILED);
        assertThat(find(state, "koji_build:A:koji@f43").reason()).isEqualTo("koji_build:A:koji/B@f43 failed");
        assertThat(find(state, "bodhi_update:A:bodhi@f43").reason()).isEqualTo("koji_build:A:koji/B@f43 failed");
        assertThat(find(state, "bodhi_update:A:bodhi@rawhide").state()).as("the other branch is released")
                .isEqualTo(NodeState.SUCCEEDED);
        assertThat(tools.calls()).noneMatch(call -> call.contains("--from-tag " + FakeReleaseTools.F43_TAG));
        assertThat(Files.readString(dir.resolve("stdout.txt")))
                .containsPattern("bodhi_update:A:bodhi@f43 +skipped +- +skipped: koji_build:A:koji/B@f43 failed");
    }

    private List<String> args(String... more) {
        // a release builds nothing in Copr: its config is read, the Copr it names is not needed
        var copr = dir.resolve("copr");
        try {
            Files.writeString(copr, "[copr-cli]\nlogin = l\nusername = jdoe\ntoken = t\ncopr_url = http://127.0.0.1:9\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var args = new ArrayList<>(List.of("run", CONFIG.toString(), "--event", "commit", "--commit", "9f1c2e7d",
                "--copr-config", copr.toString(), "--state", dir.resolve("state.json").toString(),
                "--poll-interval", "0.05", "--plain", "--no-bodhi"));
        args.addAll(List.of(more));
        return args;
    }

    private int launch(FakeReleaseTools tools) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args());
        var builder = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("PATH", tools.bin() + ":" + System.getenv("PATH"));
        var process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("run ended").isTrue();
        return process.exitValue();
    }

    private static NodeStatus find(List<NodeStatus> state, String id) {
        return state.stream().filter(status -> status.id().equals(NodeId.parse(id))).findFirst().orElseThrow();
    }
}
