package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §1 and §2 in the planner: an unchanged dependency of a package that runs is planned as a build that may
 * reuse the newest successful one (never skipped while something needs it), its tests stay skipped, every build may
 * reuse a build of its commit, {@code --no-reuse} turns both off, and {@code rebuild: false} keeps a change in the
 * dependency from making the dependent run.
 */
class BuildReusePlanTest {
    private static final String F41 = "fedora-41-x86_64";

    /** The layout of examples/monorepo-depends: app depends on lib and common, lib on common; D stands apart. */
    private static ConfigFixtures monorepo() {
        return ConfigFixtures.config()
                .pkg("common").paths("common").done()
                .pkg("lib").paths("lib").depends("common").done()
                .pkg("app").paths("app").depends("lib", "common").done()
                .pkg("D").paths("d").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("tests").targets(F41).done();
    }

    private static PullRequestPlan plan(ConfigFixtures config, PlanOptions options, String... changed) {
        var event = new Event.PullRequest("main", 7, List.of(changed), List.of());
        return new PullRequestPlan(new JobGraphPlanner(options).plan(config.build(), event));
    }

    private record PullRequestPlan(Plan plan) {
        Node node(String id) {
            return plan.find(NodeId.parse(id)).orElseThrow();
        }

        List<String> needs(String id) {
            return plan.needsOf(NodeId.parse(id)).stream().map(Edge::need).toList();
        }
    }

    @Test
    void shouldBuildTheUnchangedDependenciesOfAChangedPackageReusingTheirNewestBuildsAndSkipTheirTests() {
        var pr = plan(monorepo(), PlanOptions.DEFAULTS, "app/main.c");

        for (var id : List.of("srpm:common:build", "copr_build:common:build", "srpm:lib:build", "copr_build:lib:build")) {
            assertThat(pr.node(id)).extracting(Node::runs, Node::reuse).as(id).containsExactly(true, Reuse.NEWEST);
        }
        assertThat(pr.node("copr_build:app:build")).extracting(Node::runs, Node::reuse).containsExactly(true, Reuse.THIS_COMMIT);
        assertThat(pr.needs("srpm:app:build")).containsExactlyInAnyOrder("copr_build:lib:build", "copr_build:common:build");
        assertThat(pr.needs("srpm:lib:build")).containsExactly("copr_build:common:build");
        assertThat(pr.node("tests:lib:tests@" + F41).skipReason()).isEqualTo("unchanged");
        assertThat(pr.node("tests:common:tests@" + F41).skipReason()).isEqualTo("unchanged");
        assertThat(pr.node("tests:app:tests@" + F41).runs()).isTrue();
        assertThat(pr.plan().runningNodes()).extracting(node -> node.id().packageName()).doesNotContain("D");
        assertThat(pr.node("copr_build:D:build").reuse()).isEqualTo(Reuse.THIS_COMMIT);
        assertThat(pr.plan().criticalPath().nodes()).extracting(NodeId::toString).startsWith("srpm:common:build");
    }

    @Test
    void shouldReuseNothingWithNoReuseButStillBuildTheDependencies() {
        var pr = plan(monorepo(), PlanOptions.DEFAULTS.withReuse(false), "app/main.c");

        assertThat(pr.plan().runningNodes()).extracting(node -> node.id().toString()).contains("copr_build:common:build",
                "copr_build:lib:build", "copr_build:app:build");
        assertThat(pr.plan().nodes()).allSatisfy(node -> assertThat(node.reuse()).isEqualTo(Reuse.NONE));
    }

    @Test
    void shouldRunEverythingThatDependsOnAChangedPackage() {
        var pr = plan(monorepo(), PlanOptions.DEFAULTS, "common/common.spec");

        assertThat(pr.plan().runningNodes()).extracting(node -> node.id().packageName()).containsOnly("common", "lib", "app");
        assertThat(pr.plan().runningNodes()).filteredOn(node -> node.kind() == NodeKind.COPR_BUILD)
                .allSatisfy(node -> assertThat(node.reuse()).isEqualTo(Reuse.THIS_COMMIT));
    }

    @Test
    void shouldNotRunTheDependentOfAChangeWithRebuildFalseButReuseTheDependencyWhenTheDependentChanges() {
        var config = ConfigFixtures.config()
                .pkg("C").paths("c").done()
                .pkg("A").paths("a").dependsWithoutRebuild("C").done()
                .job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("build").done();

        var changedC = plan(config, PlanOptions.DEFAULTS, "c/x.c");
        var changedA = plan(config, PlanOptions.DEFAULTS, "a/x.c");

        assertThat(changedC.plan().runningNodes()).extracting(node -> node.id().packageName()).containsOnly("C");
        assertThat(changedC.node("copr_build:A:build").skipReason()).isEqualTo("unchanged");
        assertThat(changedA.node("copr_build:C:build")).extracting(Node::runs, Node::reuse).containsExactly(true, Reuse.NEWEST);
        assertThat(changedA.needs("srpm:A:build")).containsExactly("copr_build:C:build");
        assertThat(changedA.plan().dependencyRepos()).singleElement()
                .satisfies(repo -> assertThat(repo.access()).isEqualTo(DependencyRepo.Access.SAME_PROJECT));
    }

    @Test
    void shouldSayWhatMayBeReusedForTheEvent() {
        assertThat(Reuse.NEWEST.describe(new Event.PullRequest("main", 7, List.of(), List.of()))).isEqualTo(
                "may reuse the newest successful build of this unchanged package (this Copr project, then the target "
                        + "branch main's), chroot by chroot");
        assertThat(Reuse.NEWEST.describe(new Event.Commit("main", List.of())))
                .isEqualTo("may reuse the newest successful build of this unchanged package (this Copr project), chroot by chroot");
        assertThat(Reuse.THIS_COMMIT.describe(new Event.AllTriggers()))
                .isEqualTo("may reuse a successful build of this commit (this Copr project), chroot by chroot");
        assertThat(Reuse.NONE.describe(new Event.AllTriggers())).isEmpty();
    }
}
