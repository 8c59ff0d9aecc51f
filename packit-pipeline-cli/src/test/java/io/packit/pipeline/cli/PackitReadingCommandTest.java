package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitReadingFixtures;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.FakeServices;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.http.Sleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files Packit accepts, through {@code validate}, {@code plan}, {@code render} and {@code run} (issue 16): repeated
 * keys, booleans as strings, {@code targets} both in {@code metadata} and in the job, an identifier on two
 * branches, and a Copr project of one's own without targets.
 */
class PackitReadingCommandTest {
    private static final String CONFIG = PackitReadingFixtures.BUILDS_ON_TWO_BRANCHES
            .replace("jobs:\n", "upstream_project_url: https://github.com/acme/hello\njobs:\n") + """
              - job: copr_build
                trigger: pull_request
                owner: jdoe
                project: nightly
                trigger: pull_request
                manual_trigger: "no"
              - job: tests
                trigger: pull_request
                targets: [fedora-42-x86_64]
                metadata:
                  targets: [fedora-41-x86_64]
            """;

    @TempDir
    Path dir;

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve(".packit.yaml"), CONFIG);
    }

    @Test
    void shouldValidateWithAWarningForEachThingPackitReadsDifferentlyFromHowItIsWritten() throws Exception {
        var file = config();

        var run = CommandRun.of("validate", file.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo(
                file + ":18:5: warning: repeated key 'trigger' (first at line 15): the later value is used, as Packit reads it\n"
                + file + ":19:21: warning: 'manual_trigger' in jobs[2] is string 'no', which Packit reads as false; write "
                + "false (a YAML boolean)\n"
                + file + ":23:5: warning: 'metadata' in jobs[3] is deprecated; move its keys into the job itself\n"
                + file + ":24:7: warning: key 'targets' is set both in jobs[3].metadata and in jobs[3] (line 22): the value "
                + "in metadata is used, as Packit reads it; keep one\n"
                + file + ": valid: 1 package, 4 jobs, 4 warnings\n");
    }

    @Test
    void shouldPlanTheBranchesApartAndTheOwnProjectInItsChroots() throws Exception {
        var file = config();

        var commit = CommandRun.of("plan", file.toString(), "--repository", "hello", "--event", "commit", "--branch", "stable");
        var pr = CommandRun.of("plan", file.toString(), "--repository", "hello", "--event", "pr");

        assertThat(commit.exitCode()).as(commit.err()).isZero();
        assertThat(commit.out()).contains("""
                  1  srpm:hello:epel
                     skipped: branch 'stable' does not match branch 'main'
                """).contains("""
                  3  srpm:hello:epel-stable
                     may reuse a successful build of this commit (this Copr project), chroot by chroot
                  4  copr_build:hello:epel-stable
                     needs srpm:hello:epel-stable
                     may reuse a successful build of this commit (this Copr project), chroot by chroot
                """);
        assertThat(pr.exitCode()).as(pr.err()).isZero();
        assertThat(pr.out()).contains("""
                  2  copr_build:hello:pull_request
                     builds in the project's chroots (resolved at run time)
                     needs srpm:hello:pull_request
                     may reuse a successful build of this commit (this Copr project), chroot by chroot
                  3  tests:hello:pull_request@fedora-41-x86_64
                     needs copr_build:hello:pull_request@fedora-41-x86_64
                """);
    }

    @Test
    void shouldRenderEveryNodeOnce() throws Exception {
        var out = dir.resolve("Jenkinsfile");

        var run = CommandRun.of("render", config().toString(), "--repository", "hello", "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("packitCoprBuild(node: 'copr_build:hello:epel', needs: [], chroots: ['epel-9-x86_64'])")
                .contains("packitCoprBuild(node: 'copr_build:hello:epel-stable', needs: [], chroots: ['epel-9-x86_64'])")
                .contains("packitCoprBuild(node: 'copr_build:hello:pull_request', needs: [], chroots: [])");
    }

    @Test
    void shouldRunTheOwnProjectInTheChrootsCoprHasForIt() throws Exception {
        services.copr().seedProject("jdoe", "nightly", List.of("fedora-41-x86_64", "epel-9-x86_64"));
        var args = List.of("run", config().toString(), "--repository", "hello", "--event", "pr", "--pr-id", "7", "--commit", "9f1c2e7d",
                "--copr-config", services.writeCoprConfig(dir).toString(),
                "--tf-api-key-file", services.writeTfKey(dir).toString(), "--tf-url", services.farm().apiUrl().toString(),
                "--state", dir.resolve("state.json").toString(), "--poll-interval", "0.05", "--plain", "--no-bodhi");

        var dryRun = CommandRun.of(concat(args, "--dry-run"));
        var run = CommandRun.of(args.toArray(String[]::new));

        assertThat(dryRun.out().lines().toList().get(0)).startsWith("srpm:hello:pull_request").contains(
                "submit a Copr build to jdoe/nightly on the chroots of Copr project jdoe/nightly, read from Copr when "
                        + "submitting (fedora-41-x86_64, fedora-42-x86_64, fedora-43-x86_64 if it does not exist yet or has none)");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var state = StateFile.read(dir.resolve("state.json")).nodes();
        var build = state.stream().filter(status -> status.id().equals(NodeId.parse("copr_build:hello:pull_request")))
                .findFirst().orElseThrow();
        assertThat(build.remote()).containsEntry(CoprBuildExecutor.CHROOTS, "epel-9-x86_64,fedora-41-x86_64");
        assertThat(services.copr().buildRequest(Long.parseLong(build.remote().get(CoprBuildExecutor.BUILD_ID)))
                .path("chroots").toString()).isEqualTo("[\"epel-9-x86_64\",\"fedora-41-x86_64\"]");
        assertThat(state).allSatisfy(status -> assertThat(status.state()).as(status.id().toString()).isEqualTo(NodeState.SUCCEEDED));
    }

    @Test
    void shouldReportOnlyTheRootProblemOfABrokenPackagesEverywhere() throws Exception {
        var file = Files.writeString(dir.resolve(".packit.yaml"), """
                packages: [lib, app]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    packages: [lib, app]
                """);
        var root = file + ":1:11: error: 'packages' must be a mapping of package name to settings, got a list";

        for (var command : List.of("validate", "plan", "render")) {
            var run = CommandRun.of(command, file.toString());

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCode.CONFIG_INVALID.code());
            assertThat(run.out() + run.err()).as(command).contains(root).doesNotContain("unknown package");
        }
    }

    private static String[] concat(List<String> args, String more) {
        var all = new ArrayList<>(args);
        all.add(more);
        return all.toArray(String[]::new);
    }
}
