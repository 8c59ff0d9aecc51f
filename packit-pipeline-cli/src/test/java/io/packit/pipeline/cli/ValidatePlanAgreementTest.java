package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.SharedCorpus;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.PlanCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate}, {@code plan} and {@code render} agree: every problem {@code plan} (for each trigger the file uses,
 * and all at once) or {@code render} prints, {@code validate} prints too, at the same position with the same
 * severity; a file {@code validate} passes plans and renders (exit 0), one it fails does not; and each problem
 * {@code validate} prints comes from loading or from one of those plans. On every example, every config of the
 * shared corpus, the older cockpit shape (tests on targets the build does not build) and files with planner errors.
 */
class ValidatePlanAgreementTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    /** An older cockpit config's shape: its tests name targets its copr_build job does not build. */
    static final String COCKPIT_SHAPE = """
            specfile_path: cockpit-podman.spec
            downstream_package_name: cockpit-podman
            jobs:
              - job: copr_build
                trigger: pull_request
                targets:
                  - fedora-development-i386
                  - fedora-development-s390x
              - job: tests
                trigger: pull_request
                targets:
                  - fedora-35
                  - centos-stream-9-x86_64
                  - fedora-rawhide-i386
            """;
    private static final Pattern PROBLEM = Pattern.compile("^.+?: (error|warning): .*$");

    @TempDir
    static Path dir;

    static Stream<Path> files() throws IOException {
        var files = new ArrayList<Path>();
        for (var example : List.of("single-package", "build-identifier", "monorepo-depends")) {
            files.add(ROOT.resolve("examples").resolve(example).resolve("packit.yaml"));
        }
        files.add(write("cockpit-shape", COCKPIT_SHAPE));
        files.add(write("cycle", """
                packages:
                  a: {specfile_path: a.spec, depends: [b]}
                  b: {specfile_path: b.spec, depends: [a]}
                jobs:
                  - job: copr_build
                    trigger: commit
                    targets: [fedora-42-x86_64]
                """));
        files.add(write("regex-and-ambiguous", """
                specfile_path: hello.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    identifier: one
                    targets: [fedora-42-x86_64]
                  - job: copr_build
                    trigger: pull_request
                    identifier: two
                    targets: [fedora-42-x86_64]
                  - job: tests
                    trigger: pull_request
                  - job: propose_downstream
                    trigger: release
                    upstream_tag_include: "(v"
                """));
        try (var corpus = Files.list(SharedCorpus.directory())) {
            corpus.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldReportInValidateWhatPlanAndRenderReport(Path file) {
        var validate = CommandRun.of("validate", file.toString());
        var validated = problems(validate.out());
        var runs = new ArrayList<CommandRun>();
        runs.add(CommandRun.of("render", file.toString(), "-o", dir.resolve("Jenkinsfile").toString()));
        var loaded = new PackitConfigLoader().load(file);
        var events = loaded.config().map(PlanCheck::eventsFor).orElse(List.of(new Event.AllTriggers()));
        for (var event : events) {
            runs.add(CommandRun.of(planArgs(file, event)));
        }

        var reported = new LinkedHashSet<String>();
        for (var run : runs) {
            var problems = problems(run.err());
            assertThat(validated).as("validate of %s holds what this run printed:\n%s", file, run.err())
                    .containsAll(problems);
            reported.addAll(problems);
            if (validate.exitCode() == 0) {
                assertThat(run.exitCode()).as("%s is valid; this run says:\n%s", file, run.err()).isZero();
            } else if (run.exitCode() != 0) {
                assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CONFIG_INVALID.code());
            }
        }
        assertThat(reported).as("validate of %s prints what the runs print, nothing else", file)
                .containsExactlyInAnyOrderElementsOf(validated);
        if (validate.exitCode() != 0) {
            assertThat(validate.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
            assertThat(runs).as("some run of %s fails as validate does", file)
                    .anySatisfy(run -> assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code()));
        }
    }

    private static String[] planArgs(Path file, Event event) {
        var args = new ArrayList<>(List.of("plan", file.toString(), "--event"));
        if (event instanceof Event.PullRequest pullRequest) {
            args.addAll(List.of("pr", "--branch", pullRequest.targetBranch()));
        } else if (event instanceof Event.Commit commit) {
            args.addAll(List.of("commit", "--branch", commit.branch()));
        } else if (event instanceof Event.Release release) {
            args.addAll(List.of("release", "--tag", release.tag()));
        } else {
            args.add("all");
        }
        return args.toArray(String[]::new);
    }

    @Test
    void shouldPlanAndRenderTheCockpitShapeWithItsUncoveredTestsSkippedAndValidateSayingSo() throws IOException {
        var file = write("cockpit", COCKPIT_SHAPE);
        var warning = file + ":12:7: warning: tests job jobs[1] of package 'cockpit-podman' targets fedora-35-x86_64, "
                + "centos-stream-9-x86_64, which its build, copr_build job jobs[0], does not build: their tests are "
                + "planned as skipped, as Packit runs none there (\"No build defined for the target\"); add them to the "
                + "build's targets or remove them from the tests' targets";

        var validate = CommandRun.of("validate", file.toString());
        var plan = CommandRun.of("plan", file.toString(), "--event", "pr");
        var render = CommandRun.of("render", file.toString());

        assertThat(validate.exitCode()).isZero();
        assertThat(validate.out()).isEqualTo(warning + "\n" + file + ": valid: 1 package, 2 jobs, 1 warning\n");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(problems(plan.err())).containsExactly(warning);
        assertThat(plan.out()).contains("""
                  3  tests:cockpit-podman:pull_request@fedora-35-x86_64
                     skipped: copr_build:cockpit-podman:pull_request does not build fedora-35-x86_64; add it to the \
                build's targets
                  4  tests:cockpit-podman:pull_request@centos-stream-9-x86_64
                     skipped: copr_build:cockpit-podman:pull_request does not build centos-stream-9-x86_64; add it to \
                the build's targets
                  5  tests:cockpit-podman:pull_request@fedora-rawhide-i386
                     needs copr_build:cockpit-podman:pull_request@fedora-rawhide-i386
                """).startsWith(file + " — pull request into main\n5 nodes (3 run, 2 skipped), 2 edges");
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(problems(render.err())).containsExactly(warning);
        assertThat(render.out()).contains("packitTestingFarm(node: 'tests:cockpit-podman:pull_request@fedora-35-x86_64', "
                + "needs: [], target: 'fedora-35-x86_64')");
    }

    private static Set<String> problems(String output) {
        var problems = new LinkedHashSet<String>();
        output.lines().filter(line -> PROBLEM.matcher(line).matches()).filter(line -> !line.startsWith("warning: "))
                .forEach(problems::add);
        return problems;
    }

    private static Path write(String name, String text) throws IOException {
        var directory = Files.createDirectories(dir.resolve(name));
        return Files.writeString(directory.resolve(".packit.yaml"), text);
    }
}
