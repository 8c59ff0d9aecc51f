package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    private static final String MONOREPO = """
            upstream_project_url: https://github.com/example/mono
            packages:
              app:
                specfile_path: app/app.spec
                paths: [app]
                depends: [lib]
              lib:
                specfile_path: lib/lib.spec
                paths: [lib]
              tools:
                specfile_path: tools/tools.spec
                paths: [tools]
            jobs:
              - job: copr_build
                trigger: pull_request
                identifier: build1
                targets: [fedora-41-x86_64, fedora-42-x86_64]
              - job: tests
                trigger: pull_request
                identifier: tests1
                build_identifier: build1
                targets: [fedora-41-x86_64]
              - job: bodhi_update
                trigger: commit
                packages: [app]
                dist_git_branches: [fedora-all]
            """;

    @Test
    void shouldListNodesWithNeedsAndSkipReasons(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO);

        var run = CommandRun.of("plan", file.toString(), "--event", "pr", "--changed", "lib/src/x.c");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("pull request into main")
                .contains("srpm:app:build1\n     needs copr_build:lib:build1\n")
                .contains("copr_build:app:build1\n     needs srpm:app:build1\n")
                .contains("tests:app:tests1@fedora-41-x86_64\n     needs copr_build:app:build1@fedora-41-x86_64")
                .contains("copr_build:tools:build1\n     needs srpm:tools:build1\n     skipped: unchanged")
                .contains("critical path (1h 5m):\n  srpm:lib:build1 -> copr_build:lib:build1 -> srpm:app:build1 "
                        + "-> copr_build:app:build1");
        assertThat(CommandRun.of("plan", file.toString(), "--event", "pr", "--changed", "lib/src/x.c", "--all").out())
                .doesNotContain("skipped: unchanged");
    }

    @Test
    void shouldPlanTheUnchangedDependencyOfAChangedPackageAsABuildThatMayBeReused(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO);

        var run = CommandRun.of("plan", file.toString(), "--event", "pr", "--changed", "app/main.c");
        var noReuse = CommandRun.of("plan", file.toString(), "--event", "pr", "--changed", "app/main.c", "--no-reuse");
        var json = CommandRun.of("plan", file.toString(), "--event", "pr", "--changed", "app/main.c", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("copr_build:lib:build1\n     needs srpm:lib:build1\n     may reuse the newest successful "
                + "build of this unchanged package (this Copr project, then the target branch main's), chroot by chroot\n")
                .contains("copr_build:app:build1\n     needs srpm:app:build1\n     may reuse a successful build of this "
                        + "commit (this Copr project), chroot by chroot\n")
                .contains("tests:lib:tests1@fedora-41-x86_64\n     needs copr_build:lib:build1@fedora-41-x86_64\n"
                        + "     skipped: unchanged\n")
                .contains("copr_build:tools:build1\n     needs srpm:tools:build1\n     skipped: unchanged");
        assertThat(noReuse.out()).doesNotContain("may reuse").contains("copr_build:lib:build1\n     needs srpm:lib:build1\n  ");
        var nodes = new ObjectMapper().readTree(json.out()).path("nodes");
        var reuse = new java.util.LinkedHashMap<String, String>();
        nodes.forEach(node -> {
            if (node.has("reuse")) {
                reuse.put(node.path("id").asText(), node.path("reuse").asText());
            }
        });
        assertThat(reuse).containsEntry("copr_build:lib:build1", "newest").containsEntry("srpm:lib:build1", "newest")
                .containsEntry("copr_build:app:build1", "this_commit").doesNotContainKey("tests:app:tests1@fedora-41-x86_64");
    }

    @Test
    void shouldWriteJsonForMachines(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO);

        var run = CommandRun.of("plan", file.toString(), "--event", "commit", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("event").path("kind").asText()).isEqualTo("commit");
        assertThat(json.path("nodes")).hasSize(1);
        assertThat(json.path("nodes").get(0).path("id").asText()).isEqualTo("bodhi_update:app:commit");
        assertThat(json.path("critical_path").path("seconds").asLong()).isEqualTo(600);
        assertThat(json.path("nodes").get(0).path("release_group").isMissingNode())
                .as("without a koji_build job there is no side tag: the update holds app alone").isTrue();
        assertThat(CommandRun.of("plan", file.toString(), "--event", "commit").out()).doesNotContain("lib, app");
    }

    @Test
    void shouldWriteThePlanToAFileOrExitOneWhenItCannot(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO);
        var output = dir.resolve("plan.txt");

        var run = CommandRun.of("plan", file.toString(), "--event", "commit", "-o", output.toString());
        var unwritable = CommandRun.of("plan", file.toString(), "-o", dir.resolve("missing/plan.txt").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote " + output + " (1 nodes)");
        assertThat(Files.readString(output)).isEqualTo(CommandRun.of("plan", file.toString(), "--event", "commit").out());
        assertThat(unwritable.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(unwritable.err()).contains("packit-pipeline: cannot write " + dir.resolve("missing/plan.txt"));
    }

    @Test
    void shouldReportADependsCycleWithItsPositionAndExitThree(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO.replace(
                "specfile_path: lib/lib.spec\n", "specfile_path: lib/lib.spec\n    depends: [tools]\n").replace(
                "specfile_path: tools/tools.spec\n", "specfile_path: tools/tools.spec\n    depends: [app]\n"));

        var run = CommandRun.of("plan", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(run.err()).containsPattern(
                "packit\\.yaml:\\d+:\\d+: error: depends cycle: app -> lib -> tools -> app");
    }

    @Test
    void shouldReportAnAmbiguousTestsJob(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO.replace("    build_identifier: build1\n", "")
                .replace("  - job: tests\n", """
                          - job: copr_build
                            trigger: pull_request
                            identifier: build2
                          - job: tests
                        """));

        var run = CommandRun.of("plan", file.toString(), "--event", "pr");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(run.err()).contains("could use several copr_build jobs on pull_request: jobs[0] ('build1'), "
                + "jobs[1] ('build2'); set build_identifier");
    }

    @Test
    void shouldRefuseAReleaseWithoutTag(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("packit.yaml"), MONOREPO);

        var run = CommandRun.of("plan", file.toString(), "--event", "release");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--event release needs --tag TAG");
    }
}
