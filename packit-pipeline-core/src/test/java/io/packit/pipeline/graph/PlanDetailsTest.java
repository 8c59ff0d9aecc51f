package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.Diagnostics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Details of planning beyond the seed scenarios: repos, target mapping, defaults, indexes. */
class PlanDetailsTest {
    private static final Event PR = new Event.PullRequest("main", 1, List.of(), List.of());
    private final JobGraphPlanner planner = new JobGraphPlanner();

    @Test
    void shouldRecordHowEachDependentBuildSeesItsDependency() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B", "C", "D").copr("@team", "a", "copr://@team/b").done()
                .pkg("B").copr("@team", "b").done()
                .pkg("C").copr("@team", "c").done()
                .pkg("D").copr("@team", "a").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done().build();

        var plan = planner.plan(config, PR);

        assertThat(plan.dependencyRepos()).extracting(repo -> repo.dependency().packageName() + " "
                + repo.access().key() + " " + repo.repo()).containsExactlyInAnyOrder(
                        "B additional_repo copr://@team/b", "C add_repo copr://@team/c", "D same_project ");
    }

    @Test
    void shouldMapATestsTargetBackToTheBuildChrootThatProducesIt() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b")
                .targets("centos-stream+epel-next-9-x86_64", "fedora-41-x86_64").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").targets("centos-stream-9-x86_64").done()
                .build();

        var plan = planner.plan(config, PR);

        var tests = plan.find(NodeId.parse("tests:A:t@centos-stream-9-x86_64")).orElseThrow();
        assertThat(tests.chroots()).containsExactly("centos-stream+epel-next-9-x86_64");
        assertThat(tests.testTarget()).isEqualTo("centos-stream-9-x86_64");
        assertThat(plan.needsOf(tests.id())).extracting(Edge::need)
                .containsExactly("copr_build:A:b@centos-stream+epel-next-9-x86_64");
    }

    @Test
    void shouldUseTheInternalRanchMappingWhenAsked() {
        var config = ConfigFixtures.config().pkg("A").targets("epel-8-x86_64").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("public").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("internal").internalTf().done().build();

        var plan = planner.plan(config, PR);

        assertThat(plan.find(NodeId.parse("tests:A:public@epel-8-x86_64")).orElseThrow().testTarget())
                .isEqualTo("centos-stream-8-x86_64");
        assertThat(plan.find(NodeId.parse("tests:A:internal@epel-8-x86_64")).orElseThrow().testTarget())
                .isEqualTo("rhel-8-x86_64");
    }

    @Test
    void shouldGiveJobsWithoutTargetsTheDefaultChroots() {
        var config = ConfigFixtures.config().pkg("A").targets().done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").done().build();
        var options = PlanOptions.DEFAULTS;
        var custom = new PlanOptions(false, false, "prod", "", DurationEstimates.DEFAULTS, List.of("fedora-99-x86_64"));

        var plan = planner.plan(config, PR);
        var customPlan = new JobGraphPlanner(custom).plan(config, PR);

        assertThat(options.defaultChroots()).isNotEmpty().allMatch(chroot -> chroot.startsWith("fedora-"));
        assertThat(plan.find(NodeId.parse("copr_build:A:b")).orElseThrow().chroots())
                .containsExactlyElementsOf(options.defaultChroots());
        assertThat(customPlan.find(NodeId.parse("copr_build:A:b")).orElseThrow().chroots())
                .containsExactly("fedora-99-x86_64");
    }

    @Test
    void shouldWaitThroughPackagesThatLackTheJob() {
        var config = ConfigFixtures.config()
                .pkg("A").depends("B").done().pkg("B").depends("C").done().pkg("C").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").packages("A", "C").done().build();

        var plan = planner.plan(config, PR);

        assertThat(plan.needsOf(NodeId.parse("srpm:A:build"))).extracting(Edge::from).extracting(Object::toString)
                .containsExactly("copr_build:C:build");
    }

    @Test
    void shouldKeepImplicitBuildIdsApartFromRealBuildsWithTheSameLabel() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).identifier("same").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("same").done().build();

        var plan = planner.plan(config, new Event.AllTriggers());

        assertThat(plan.find(NodeId.parse("copr_build:A:same")).orElseThrow().implicit()).isFalse();
        assertThat(plan.find(NodeId.parse("copr_build:A:same-implicit")).orElseThrow().implicit()).isTrue();
        assertThat(plan.needsOf(NodeId.parse("tests:A:same@fedora-41-x86_64"))).extracting(Edge::need)
                .containsExactly("copr_build:A:same-implicit@fedora-41-x86_64");
    }

    @Test
    void shouldReportABuildIdentifierOfAnotherTrigger() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).identifier("main").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").buildIdentifier("main").done().build();
        var diagnostics = new Diagnostics();

        planner.plan(config, PR, diagnostics);

        assertThat(diagnostics.errors()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("tests job jobs[1] ('t') runs on pull_request, but its build_identifier 'main' names "
                        + "copr_build job jobs[0] ('main'), which runs on commit"));
    }

    @Test
    void shouldReportAnInvalidBranchRegexAtItsKey() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").branch("main(").done().build();
        var diagnostics = new Diagnostics();

        planner.plan(config, PR, diagnostics);

        assertThat(diagnostics.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.position()).isEqualTo(config.jobs().get(0).positionOf("branch"));
            assertThat(problem.message()).isEqualTo("branch 'main(' is not a valid regular expression");
        });
    }

    @Test
    void shouldIndexNeedsAndDependents() {
        var config = ConfigFixtures.config().pkg("A").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("b").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("t").done().build();

        var plan = planner.plan(config, PR);
        var build = NodeId.parse("copr_build:A:b");

        assertThat(plan.dependentsOf(build)).extracting(edge -> edge.to().toString())
                .containsExactly("tests:A:t@fedora-41-x86_64", "tests:A:t@fedora-42-x86_64");
        assertThat(plan.needsOf(build)).extracting(Edge::need).containsExactly("srpm:A:b");
        assertThat(plan.needsOf(NodeId.parse("srpm:A:nothing"))).isEmpty();
        assertThat(plan.nodesById().keySet()).containsExactlyElementsOf(plan.nodes().stream().map(Node::id).toList());
        assertThat(new Plan(plan.config(), plan.event(), plan.nodes(), plan.edges(), plan.criticalPath()).needsOf(build))
                .isEqualTo(plan.needsOf(build));
    }
}
