package io.packit.pipeline.forge;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.engine.EngineClock;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.render.RuntimePipeline;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The status names of real configs through the real planner, as Packit names them (the facts are in
 * {@link StatusNames}'s documentation): the job, the branch or tag of a commit or release, the chroot or Testing
 * Farm target, then the identifier, which in a file of several packages defaults to the package.
 */
class StatusNamesTest {
    private static final Event PR = new Event.PullRequest("main", 12, List.of(), List.of());

    private static final String SINGLE = """
            specfile_path: hello.spec
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-41-x86_64, epel-9-x86_64]
              - job: tests
                trigger: pull_request
                targets: [fedora-41-x86_64, epel-9-x86_64]
              - job: copr_build
                trigger: commit
                branch: main
                targets: [fedora-41-x86_64]
              - job: copr_build
                trigger: release
                targets: [fedora-41-x86_64]
            """;

    private static final String MONOREPO = """
            packages:
              libfoo:
                specfile_path: libfoo/libfoo.spec
                paths: [libfoo]
              foo-cli:
                specfile_path: cli/foo-cli.spec
                paths: [cli]
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-41-x86_64]
              - job: tests
                trigger: pull_request
                targets: [fedora-41-x86_64]
              - job: tests
                trigger: pull_request
                identifier: smoke
                packages: [libfoo]
                targets: [fedora-41-x86_64]
            """;

    @Test
    void shouldNameASinglePackagesStatusesByJobAndChrootAndTheTestsByTheirTestingFarmTarget() {
        assertThat(names(SINGLE, PR)).containsExactly(
                "rpm-build:fedora-41-x86_64", "rpm-build:epel-9-x86_64",
                "testing-farm:fedora-41-x86_64", "testing-farm:centos-stream-9-x86_64");
    }

    @Test
    void shouldPutTheBranchOfACommitAndTheTagOfAReleaseIntoTheName() {
        // only the jobs of the event's trigger have statuses
        assertThat(names(SINGLE, new Event.Commit("main", List.of()))).containsExactly("rpm-build:main:fedora-41-x86_64");
        assertThat(names(SINGLE, new Event.Release("v1:2"))).containsExactly("rpm-build:v1-2:fedora-41-x86_64");
    }

    @Test
    void shouldAppendThePackageInAMonorepoUnlessTheJobHasAnIdentifier() {
        assertThat(names(MONOREPO, PR)).containsExactlyInAnyOrder(
                "rpm-build:fedora-41-x86_64:libfoo", "rpm-build:fedora-41-x86_64:foo-cli",
                "testing-farm:fedora-41-x86_64:libfoo", "testing-farm:fedora-41-x86_64:foo-cli",
                "testing-farm:fedora-41-x86_64:smoke");
    }

    @Test
    void shouldAppendTheIdentifierOfASinglePackagesJob() {
        var config = SINGLE.replace("  - job: tests\n", "  - job: tests\n    identifier: integration\n");
        assertThat(names(config, PR)).contains("testing-farm:fedora-41-x86_64:integration", "rpm-build:fedora-41-x86_64");
    }

    @Test
    void shouldFormatTheStatusNameTemplateAsPythonWouldAndFallBackWhenItCannot() {
        var template = SINGLE.replace("specfile_path: hello.spec\n",
                "specfile_path: hello.spec\nstatus_name_template: \"{job_name}/{package}/{chroot} {identifier} {{x}}\"\n");
        assertThat(names(template, PR)).startsWith("rpm-build/hello/fedora-41-x86_64 None {x}");
        var broken = SINGLE.replace("specfile_path: hello.spec\n",
                "specfile_path: hello.spec\nstatus_name_template: \"{job_name}-{unknown}\"\n");
        assertThat(names(broken, PR)).startsWith("rpm-build:fedora-41-x86_64");
        assertThat(StatusNames.PythonFormat.format("{a!r}", Map.of("a", "x"))).isEmpty();
        assertThat(StatusNames.PythonFormat.format("a}", Map.of())).isEmpty();
        assertThat(StatusNames.PythonFormat.format("{a", Map.of("a", "x"))).isEmpty();
    }

    private static List<String> names(String yaml, Event event) {
        var config = RuntimePipeline.load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8), "hello");
        var plan = RuntimePipeline.planFor(config, event);
        var state = new RunState(plan, EngineClock.system(), false);
        return new NodeForgeStatuses(state, StatusNames.of(config, event), "").all().stream().map(ForgeStatus::name)
                .toList();
    }
}
