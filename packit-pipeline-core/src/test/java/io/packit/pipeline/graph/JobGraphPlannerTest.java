package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.ProposeDownstreamJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.Problem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed note's scenarios and DESIGN §4's rules, on configs built without the loader. */
class JobGraphPlannerTest {
    private static final Event PR = new Event.PullRequest("main", 7, List.of(), List.of());
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";

    private final JobGraphPlanner planner = new JobGraphPlanner();

    private static List<String> ids(Plan plan) {
        return plan.nodes().stream().map(node -> node.id().toString()).toList();
    }

    private static List<String> needs(Plan plan, String id) {
        return plan.needsOf(NodeId.parse(id)).stream().map(Edge::need).toList();
    }

    @Test
    void shouldMakeTheCoprBuildDependOnItsSrpm() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").done().build();

        var plan = planner.plan(config, PR);

        assertThat(ids(plan)).containsExactly("srpm:A:build1", "copr_build:A:build1");
        assertThat(plan.edges()).singleElement().satisfies(edge -> {
            assertThat(edge.kind()).isEqualTo(EdgeKind.SRPM_TO_BUILD);
            assertThat(edge.chroot()).isEmpty();
        });
        assertThat(plan.find(NodeId.parse("copr_build:A:build1")).orElseThrow().chroots()).containsExactly(F41, F42);
    }

    @Test
    void shouldMakeEachTestsChrootWaitForThatChrootOfTheBuildOnly() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).done().build();

        var plan = planner.plan(config, PR);

        assertThat(needs(plan, "tests:A:pull_request@" + F41))
                .containsExactly("copr_build:A:pull_request@" + F41);
        assertThat(needs(plan, "tests:A:pull_request@" + F42))
                .containsExactly("copr_build:A:pull_request@" + F42);
        assertThat(plan.find(NodeId.parse("tests:A:pull_request@" + F41)).orElseThrow().testTarget())
                .isEqualTo(F41);
    }

    @Test
    void shouldBindTwoTestsJobsToTheirBuildsByBuildIdentifier() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build2").targets(F42).done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests1").buildIdentifier("build1").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests2").buildIdentifier("build2").targets(F42)
                .done()
                .build();

        var plan = planner.plan(config, PR);

        assertThat(needs(plan, "tests:A:tests1@" + F41)).containsExactly("copr_build:A:build1@" + F41);
        assertThat(needs(plan, "tests:A:tests1@" + F42)).containsExactly("copr_build:A:build1@" + F42);
        assertThat(needs(plan, "tests:A:tests2@" + F42)).containsExactly("copr_build:A:build2@" + F42);
        assertThat(ids(plan)).doesNotContain("tests:A:tests2@" + F41);
        assertThat(plan.nodes()).noneMatch(Node::implicit);
    }

    @Test
    void shouldReportAnAmbiguousTestsJobNamingTheCandidates() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build2").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests1").done().build();
        var diagnostics = new Diagnostics();

        planner.plan(config, PR, diagnostics);

        assertThat(diagnostics.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.position().line()).isEqualTo(config.jobs().get(2).position().line());
            assertThat(problem.message()).contains("jobs[0] ('build1')", "jobs[1] ('build2')", "build_identifier");
        });
    }

    @Test
    void shouldReportAnUnknownBuildIdentifierAtItsKey() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).buildIdentifier("biuld1").done().build();

        assertThatThrownBy(() -> planner.plan(config, PR))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(thrown -> assertThat(((InvalidInputException) thrown).problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.position())
                                    .isEqualTo(config.jobs().get(1).positionOf("build_identifier"));
                            assertThat(problem.message()).contains("'biuld1'", "'build1'");
                        }));
    }

    @Test
    void shouldReportTestTargetsTheChosenBuildDoesNotBuild() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build1").targets(F41).done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests1").targets(F41, F42).done().build();
        var diagnostics = new Diagnostics();

        var plan = planner.plan(config, PR, diagnostics);

        assertThat(diagnostics.errors()).extracting(Problem::message).singleElement().asString()
                .contains("jobs[1] ('tests1')", "jobs[0] ('build1')", F42);
        assertThat(ids(plan)).contains("tests:A:tests1@" + F41).doesNotContain("tests:A:tests1@" + F42);
    }

    @Test
    void shouldBuildImplicitlyForTestsWithoutABuildJobAndNotBuildForSkipBuild() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("s").skipBuild().done().build();

        var plan = planner.plan(config, PR);

        var build = plan.find(NodeId.parse("copr_build:A:t")).orElseThrow();
        assertThat(build.implicit()).isTrue();
        assertThat(build.chroots()).containsExactly(F41, F42);
        assertThat(needs(plan, "tests:A:t@" + F41)).containsExactly("copr_build:A:t@" + F41);
        assertThat(needs(plan, "tests:A:s@" + F41)).isEmpty();
        assertThat(ids(plan)).doesNotContain("copr_build:A:s", "srpm:A:s");
    }

    @Test
    void shouldMapEpelChrootsAndDistrosToTestingFarmTargets() {
        var config = ConfigFixtures.config().pkg("A").targets("epel-9-x86_64", F41).done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t")
                .distros(F41, "fedora-41", "centos-stream-10").done().build();

        var plan = planner.plan(config, PR);

        assertThat(plan.nodes()).filteredOn(node -> node.kind() == NodeKind.TESTS)
                .extracting(node -> node.id() + " " + node.testTarget())
                .containsExactly(
                        "tests:A:t@epel-9-x86_64 centos-stream-9-x86_64",
                        "tests:A:t@fedora-41-x86_64+fedora-41-x86_64 fedora-41-x86_64",
                        "tests:A:t@fedora-41-x86_64+centos-stream-10-x86_64 centos-stream-10-x86_64");
    }

    @Test
    void shouldOrderMonorepoBuildsByDepends() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B", "C").done().pkg("B").done().pkg("C").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done()
                .build();
        var diagnostics = new Diagnostics();

        var pr = planner.plan(config, PR, diagnostics);

        assertThat(needs(pr, "srpm:A:build")).containsExactlyInAnyOrder("copr_build:B:build", "copr_build:C:build");
        assertThat(needs(pr, "copr_build:A:build")).containsExactly("srpm:A:build");
        assertThat(ids(pr).indexOf("srpm:A:build"))
                .isGreaterThan(ids(pr).indexOf("copr_build:B:build"))
                .isGreaterThan(ids(pr).indexOf("copr_build:C:build"));
        assertThat(pr.dependencyRepos()).extracting(DependencyRepo::access)
                .containsOnly(DependencyRepo.Access.SAME_PROJECT).hasSize(2);
        assertThat(diagnostics.isEmpty()).isTrue();
    }

    @Test
    void shouldWarnAboutReleaseJobsNoTopLevelPackageCovers() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B").done().pkg("B").done()
                .job(KojiBuildJob.KEY, Trigger.COMMIT).identifier("koji").packages("B").done()
                .build();
        var diagnostics = new Diagnostics();

        var plan = planner.plan(config, new Event.Commit("main", List.of()), diagnostics);

        assertThat(plan.nodes()).isEmpty();
        assertThat(diagnostics.warnings()).singleElement().satisfies(problem -> {
            assertThat(problem.position()).isEqualTo(config.jobs().get(0).position());
            assertThat(problem.message()).isEqualTo("koji_build jobs[0] does not run for 'B': release jobs run for "
                    + "top-level packages only, and no top-level package that depends on it releases it with this job in a side tag");
        });
    }

    @Test
    void shouldReportADependsCycleAsAPathAndStillPlan() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B").done().pkg("B").depends("C").done().pkg("C").depends("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done().build();
        var diagnostics = new Diagnostics();

        var plan = planner.plan(config, PR, diagnostics);

        assertThat(diagnostics.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("depends cycle: A -> B -> C -> A");
            assertThat(problem.position()).isEqualTo(config.packages().get("C").depends().get(0).position());
        });
        assertThat(plan.nodes()).hasSize(6);
    }

    @Test
    void shouldReportUnknownAndSelfDependsAtTheirEntries() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("X", "A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).done().build();
        var diagnostics = new Diagnostics();

        planner.plan(config, PR, diagnostics);

        var depends = config.packages().get("A").depends();
        assertThat(diagnostics.errors()).extracting(Problem::position, Problem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(depends.get(0).position(),
                        "package 'A' depends on unknown package 'X' (packages: A)"),
                org.assertj.core.groups.Tuple.tuple(depends.get(1).position(), "package 'A' depends on itself"));
    }

    @Test
    void shouldSkipUnchangedPackagesUnlessADependencyRuns() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B").paths("a").done()
                .pkg("B").paths("b/").done()
                .pkg("C").paths("c").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done().build();
        var event = new Event.PullRequest("main", 1, List.of("b/src/main.c"), List.of());

        var plan = planner.plan(config, event);
        var all = new JobGraphPlanner(PlanOptions.DEFAULTS.withAllPackages(true)).plan(config, event);

        assertThat(plan.runningNodes()).extracting(node -> node.id().packageName()).containsOnly("A", "B");
        assertThat(plan.find(NodeId.parse("copr_build:C:build")).orElseThrow().skipReason()).isEqualTo("unchanged");
        assertThat(all.runningNodes()).hasSize(6);
    }

    @Test
    void shouldApplyBranchManualLabelsInstancesAndTagFilters() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("main").branch("main").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("manual").manual().done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("labelled").require(List.of("ok"), List.of())
                .done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("stg").instances("stg").done()
                .job(ProposeDownstreamJob.KEY, Trigger.RELEASE).identifier("pd").tags("v.*", "v.*-rc.*").done()
                .build();

        var pr = planner.plan(config, new Event.PullRequest("rhel-9", 3, List.of(), List.of()));
        var release = planner.plan(config, new Event.Release("v1.0-rc1"));
        var all = planner.plan(config, new Event.AllTriggers());

        assertThat(pr.find(NodeId.parse("copr_build:A:main")).orElseThrow().skipReason())
                .isEqualTo("target branch 'rhel-9' does not match branch 'main'");
        assertThat(pr.find(NodeId.parse("copr_build:A:manual")).orElseThrow().skipReason())
                .isEqualTo("manual job not requested");
        assertThat(pr.find(NodeId.parse("copr_build:A:labelled")).orElseThrow().skipReason())
                .startsWith("labels [] do not meet require.label");
        assertThat(pr.find(NodeId.parse("copr_build:A:stg")).orElseThrow().skipReason())
                .isEqualTo("packit_instances [stg] does not include 'prod'");
        assertThat(pr.find(NodeId.parse("copr_build:A:main")).orElseThrow().condition().branchRegex()).isEqualTo("main");
        assertThat(ids(pr)).doesNotContain("propose_downstream:A:pd");
        assertThat(release.nodes()).singleElement().extracting(Node::skipReason)
                .isEqualTo("tag 'v1.0-rc1' matches upstream_tag_exclude 'v.*-rc.*'");
        assertThat(all.nodes()).hasSize(9);
        assertThat(all.find(NodeId.parse("copr_build:A:main")).orElseThrow().runs()).isTrue();
    }

    @Test
    void shouldSkipTestsWhoseBuildDoesNotRunNamingTheRootCause() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").manual().done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").done().build();

        var plan = planner.plan(config, PR);

        assertThat(plan.find(NodeId.parse("tests:A:t@" + F41)).orElseThrow().skipReason())
                .isEqualTo("copr_build:A:b does not run: manual job not requested");
        assertThat(plan.criticalPath()).isEqualTo(CriticalPath.EMPTY);
    }

    @Test
    void shouldComputeTheCriticalPathWithOverridableEstimates() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B").done().pkg("B").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").done().build();

        var plan = planner.plan(config, PR);
        var slowTests = new JobGraphPlanner(PlanOptions.DEFAULTS.withEstimates(
                DurationEstimates.DEFAULTS.with(NodeKind.TESTS, Duration.ofHours(2)))).plan(config, PR);

        assertThat(plan.criticalPath().nodes()).extracting(NodeId::toString)
                .containsExactly("srpm:B:b", "copr_build:B:b", "srpm:A:b", "copr_build:A:b", "tests:A:t@" + F41);
        assertThat(plan.criticalPath().length()).isEqualTo(Duration.ofMinutes(5 + 20 + 5 + 20 + 15));
        assertThat(slowTests.criticalPath().length()).isEqualTo(Duration.ofMinutes(50).plusHours(2));
    }

    @Test
    void shouldMakeUnsafeIdentifiersIdSafeAndKeepDuplicatesApart() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("unit/fedora").done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).identifier("unit/fedora").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("unit/fedora").done().build();

        var plan = planner.plan(config, new Event.AllTriggers());

        assertThat(ids(plan)).contains("copr_build:A:unit-fedora", "copr_build:A:unit-fedora-commit",
                "tests:A:unit-fedora@" + F41);
        assertThat(needs(plan, "tests:A:unit-fedora@" + F41)).containsExactly("copr_build:A:unit-fedora@" + F41);
    }
}
