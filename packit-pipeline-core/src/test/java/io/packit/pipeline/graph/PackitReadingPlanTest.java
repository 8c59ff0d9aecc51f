package io.packit.pipeline.graph;

import static io.packit.pipeline.config.PackitReadingFixtures.OWN_PROJECT;
import static io.packit.pipeline.config.PackitReadingFixtures.TWO_BRANCHES;
import static io.packit.pipeline.config.PackitReadingFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files Packit accepts that the loader now accepts too (issue 16), planned: an identifier repeated on other branches,
 * repeated keys, a Copr project of one's own without targets.
 */
class PackitReadingPlanTest {
    private static final String EPEL = "epel-9-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private final JobGraphPlanner planner = new JobGraphPlanner();

    private List<String> problemsOf(PackitConfig config) {
        try {
            planner.plan(config, new Event.AllTriggers());
        } catch (InvalidInputException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        return List.of();
    }

    private static List<String> ids(Plan plan) {
        return plan.nodes().stream().map(node -> node.id().toString()).toList();
    }

    private static Node node(Plan plan, String id) {
        return plan.find(NodeId.parse(id)).orElseThrow();
    }

    private static List<String> needs(Plan plan, String id) {
        return plan.needsOf(NodeId.parse(id)).stream().map(Edge::need).toList();
    }

    @Test
    void shouldPlanAnIdentifierOnTwoBranchesAsTwoBuildsEachTestedOnItsOwnBranch() {
        var plan = planner.plan(load(TWO_BRANCHES), new Event.AllTriggers());

        assertThat(ids(plan)).containsExactly("srpm:a:epel", "copr_build:a:epel", "srpm:a:epel-stable",
                "copr_build:a:epel-stable", "tests:a:smoke@" + EPEL, "tests:a:smoke-stable@" + EPEL);
        assertThat(needs(plan, "tests:a:smoke@" + EPEL)).containsExactly("copr_build:a:epel@" + EPEL);
        assertThat(needs(plan, "tests:a:smoke-stable@" + EPEL)).containsExactly("copr_build:a:epel-stable@" + EPEL);
        // the tests job has no branch: each of its node sets runs on the branch of the build it tests
        assertThat(node(plan, "tests:a:smoke@" + EPEL).condition().branchRegex()).isEqualTo("main");
        assertThat(node(plan, "tests:a:smoke-stable@" + EPEL).condition().branchRegex()).isEqualTo("stable");
    }

    @Test
    void shouldResolveTheBuildIdentifierForTheEventsBranch() {
        var plan = planner.plan(load(TWO_BRANCHES), new Event.Commit("stable", List.of()));

        assertThat(plan.nodes()).filteredOn(Node::runs).extracting(node -> node.id().toString())
                .containsExactly("srpm:a:epel-stable", "copr_build:a:epel-stable", "tests:a:smoke-stable@" + EPEL);
        assertThat(node(plan, "tests:a:smoke@" + EPEL).skipReason())
                .isEqualTo("branch 'stable' does not match branch 'main'");
        assertThat(ids(plan)).isEqualTo(ids(planner.plan(load(TWO_BRANCHES), new Event.AllTriggers())));
    }

    @Test
    void shouldTestEachBuildOfItsTriggerOnItsBranchWhenNoBuildIdentifierIsGiven() {
        // packit-service picks the copr_build job of the event's trigger and branch (build_helper.py job_build)
        var plan = planner.plan(load(TWO_BRANCHES.replace("    build_identifier: epel\n", "")),
                new Event.Commit("main", List.of()));

        assertThat(plan.nodes()).filteredOn(Node::runs).extracting(node -> node.id().toString())
                .containsExactly("srpm:a:epel", "copr_build:a:epel", "tests:a:smoke@" + EPEL);
    }

    @Test
    void shouldStillAskForABuildIdentifierWhenTwoBuildsOfOneBranchCouldServe() {
        var config = load("""
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: commit
                    identifier: one
                  - job: copr_build
                    trigger: commit
                    identifier: two
                  - job: tests
                    trigger: commit
                """);

        assertThat(problemsOf(config)).containsExactly(".packit.yaml:9:5: error: tests job jobs[2] of package 'a' could "
                + "use several copr_build jobs on commit: jobs[0] ('one'), jobs[1] ('two'); set build_identifier to the "
                + "identifier of the one it tests");
    }

    @Test
    void shouldPlanTheLaterValueOfARepeatedKey() {
        var plan = planner.plan(load("""
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    trigger: commit
                    targets: [fedora-42-x86_64]
                """), new Event.Commit("main", List.of()));

        assertThat(ids(plan)).containsExactly("srpm:a:commit", "copr_build:a:commit");
        assertThat(node(plan, "copr_build:a:commit").runs()).isTrue();
    }

    @Test
    void shouldPlanACoprProjectOfOnesOwnWithoutTargetsInTheProjectsChroots() {
        var plan = planner.plan(load(OWN_PROJECT), new Event.Commit("main", List.of()));

        var build = node(plan, "copr_build:a:commit");
        assertThat(build.chroots()).isEmpty();
        assertThat(build.chrootsAtRunTime()).isTrue();
        assertThat(needs(plan, "tests:a:commit@" + F42)).containsExactly("copr_build:a:commit@" + F42);
        // a copr_build job with targets, or without a project of its own, is planned as before
        var withTargets = planner.plan(load(OWN_PROJECT.replace("project: nightly", "project: nightly\n    targets: [fedora-42-x86_64]")),
                new Event.Commit("main", List.of()));
        assertThat(node(withTargets, "copr_build:a:commit").chroots()).containsExactly(F42);
        assertThat(node(withTargets, "copr_build:a:commit").chrootsAtRunTime()).isFalse();
        var packitsOwn = planner.plan(load(OWN_PROJECT.replace("    owner: \"@acme\"\n    project: nightly\n", "")),
                new Event.Commit("main", List.of()));
        assertThat(node(packitsOwn, "copr_build:a:commit").chroots())
                .containsExactly("fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64");
    }

    @Test
    void shouldAskForTestTargetsWhenTheBuildsChrootsAreKnownOnlyAtRunTime() {
        var config = load(OWN_PROJECT.replace("    targets: [fedora-42-x86_64]\n", ""));

        assertThat(problemsOf(config)).containsExactly(".packit.yaml:7:5: error: tests job jobs[1] of package 'a' has no "
                + "targets, and its build, copr_build job jobs[0], builds in the chroots of its Copr project, which are "
                + "read from Copr at run time; give the tests job targets (the chroots to test)");
    }
}
