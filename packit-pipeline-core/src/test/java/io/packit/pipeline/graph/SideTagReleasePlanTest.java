package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The release of a top-level package with the packages it depends on: side tags, Koji builds, waits, updates. */
class SideTagReleasePlanTest {
    static final String MONO = """
            upstream_project_url: https://github.com/acme/mono
            packages:
              B:
                specfile_path: b/b.spec
                downstream_package_name: b-lib
                paths: [b]
              C:
                specfile_path: c/c.spec
                paths: [c]
              A:
                specfile_path: a/a.spec
                paths: [a]
                depends: [B, C]
            jobs:
              - job: koji_build
                trigger: commit
                identifier: koji
                dist_git_branches: [fedora-rawhide, f43]
              - job: bodhi_update
                trigger: commit
                identifier: bodhi
                dist_git_branches: [f43]
            """;

    private static final Event COMMIT = new Event.Commit("main", List.of());

    @Test
    void shouldBuildTheClosureInASideTagPerBranchInDependsOrderThenUpdateFromIt() {
        var diagnostics = new Diagnostics();
        var plan = new JobGraphPlanner().plan(load(MONO), COMMIT, diagnostics);

        assertThat(diagnostics.problems()).isEmpty();
        assertThat(plan.nodes()).extracting(node -> node.id().toString()).containsExactly(
                "side_tag:A:koji@rawhide",
                "koji_build:A:koji/B@rawhide", "wait_repo:A:koji/B@rawhide",
                "koji_build:A:koji/C@rawhide", "wait_repo:A:koji/C@rawhide",
                "koji_build:A:koji@rawhide",
                "side_tag:A:koji@f43",
                "koji_build:A:koji/B@f43", "wait_repo:A:koji/B@f43",
                "koji_build:A:koji/C@f43", "wait_repo:A:koji/C@f43",
                "koji_build:A:koji@f43",
                "bodhi_update:A:bodhi@f43");
        assertThat(needs(plan, "koji_build:A:koji/B@f43")).containsExactly("side_tag:A:koji@f43");
        assertThat(needs(plan, "koji_build:A:koji/C@f43")).containsExactly("side_tag:A:koji@f43");
        assertThat(needs(plan, "wait_repo:A:koji/B@f43")).containsExactly("koji_build:A:koji/B@f43");
        assertThat(needs(plan, "koji_build:A:koji@f43"))
                .containsExactly("side_tag:A:koji@f43", "wait_repo:A:koji/B@f43", "wait_repo:A:koji/C@f43");
        assertThat(needs(plan, "bodhi_update:A:bodhi@f43"))
                .containsExactly("koji_build:A:koji/B@f43", "koji_build:A:koji/C@f43", "koji_build:A:koji@f43");
        assertThat(plan.edges()).extracting(Edge::kind).containsOnly(EdgeKind.RELEASE_GATING);
        assertThat(plan.releaseGroupOf(NodeId.parse("bodhi_update:A:bodhi@f43"))).containsExactly("B", "C", "A");
        assertThat(plan.sideTagOf(NodeId.parse("bodhi_update:A:bodhi@f43")))
                .contains(NodeId.parse("side_tag:A:koji@f43"));
        assertThat(plan.sideTagOf(NodeId.parse("wait_repo:A:koji/C@rawhide")))
                .contains(NodeId.parse("side_tag:A:koji@rawhide"));
    }

    @Test
    void shouldRunFedpkgPackitKojiAndBodhiWithTheSideTagAsAReference() {
        var plan = new JobGraphPlanner().plan(load(MONO), COMMIT);

        assertThat(line(plan, "side_tag:A:koji@rawhide")).isEqualTo("fedpkg request-side-tag --base-tag f44-build");
        assertThat(line(plan, "side_tag:A:koji@f43")).isEqualTo("fedpkg request-side-tag --base-tag f43-build");
        assertThat(line(plan, "koji_build:A:koji/B@f43")).isEqualTo(
                "packit build in-koji --dist-git-branch f43 --koji-target {side_tag:A:koji@f43} --package B .");
        assertThat(line(plan, "koji_build:A:koji@rawhide")).isEqualTo(
                "packit build in-koji --dist-git-branch rawhide --koji-target {side_tag:A:koji@rawhide} --package A .");
        assertThat(line(plan, "wait_repo:A:koji/B@f43")).isEqualTo("koji wait-repo --request {side_tag:A:koji@f43}");
        assertThat(line(plan, "bodhi_update:A:bodhi@f43")).isEqualTo("bodhi updates new --type enhancement --notes "
                + "'Multi-package update of b-lib, C, A, built together in one side tag.' --from-tag {side_tag:A:koji@f43}");

        var build = CliCommands.of(plan.find(NodeId.parse("koji_build:A:koji/B@f43")).orElseThrow(), plan);
        assertThat(build.sideTags()).containsExactly(NodeId.parse("side_tag:A:koji@f43"));
        assertThat(build.resolve(tag -> java.util.Optional.of("f43-build-side-4242"))).containsExactly("build",
                "in-koji", "--dist-git-branch", "f43", "--koji-target", "f43-build-side-4242", "--package", "B", ".");
    }

    @Test
    void shouldBuildIndependentPackagesOfTheClosureAtTheSameTimeAndEachAfterWhatItNeeds() {
        var yaml = """
                packages:
                  common: {specfile_path: common.spec}
                  lib: {specfile_path: lib.spec, depends: [common]}
                  app: {specfile_path: app.spec, depends: [lib, common]}
                  tool: {specfile_path: tool.spec}
                jobs:
                  - job: koji_build
                    trigger: commit
                    dist_git_branches: f43
                """;
        var plan = new JobGraphPlanner().plan(load(yaml), COMMIT);

        var label = "commit";
        assertThat(plan.nodes()).extracting(node -> node.id().toString()).contains(
                "koji_build:app:" + label + "/common@f43", "koji_build:app:" + label + "/lib@f43",
                "koji_build:app:" + label + "@f43", "koji_build:tool:" + label);
        assertThat(needs(plan, "koji_build:app:" + label + "/lib@f43"))
                .containsExactly("side_tag:app:" + label + "@f43", "wait_repo:app:" + label + "/common@f43");
        assertThat(needs(plan, "koji_build:app:" + label + "@f43")).containsExactlyInAnyOrder("side_tag:app:" + label + "@f43",
                "wait_repo:app:" + label + "/lib@f43", "wait_repo:app:" + label + "/common@f43");
        assertThat(plan.find(NodeId.parse("wait_repo:app:" + label + "@f43"))).as("nothing needs app's repo").isEmpty();
        assertThat(line(plan, "koji_build:tool:" + label)).as("a package alone keeps Packit's own release")
                .isEqualTo("packit build in-koji --dist-git-branch f43 --package tool .");
        assertThat(plan.releaseGroupOf(NodeId.parse("koji_build:tool:" + label))).containsExactly("tool");
    }

    @Test
    void shouldKeepOneNodeForScratchBuildsAndSidetagGroupsAndWarnThatTheDependenciesAreNotReleased() {
        var scratch = MONO.replace("identifier: koji\n", "identifier: koji\n    scratch: true\n");
        var group = MONO.replace("identifier: koji\n", "identifier: koji\n    sidetag_group: mono-releases\n")
                .replace("identifier: bodhi\n", "identifier: bodhi\n    sidetag_group: mono-releases\n");
        for (var yaml : List.of(scratch, group)) {
            var diagnostics = new Diagnostics();
            var plan = new JobGraphPlanner().plan(load(yaml), COMMIT, diagnostics);

            assertThat(plan.nodes()).extracting(node -> node.id().toString())
                    .containsExactly("koji_build:A:koji", "bodhi_update:A:bodhi");
            assertThat(plan.releaseGroupOf(NodeId.parse("koji_build:A:koji"))).containsExactly("A");
            assertThat(diagnostics.warnings()).extracting(Problem::message).containsExactly(
                    "koji_build jobs[0] does not run for 'B', 'C': release jobs run for top-level packages only, and no "
                            + "top-level package that depends on them releases it with this job in a side tag",
                    "bodhi_update jobs[1] does not run for 'B', 'C': release jobs run for top-level packages only, and "
                            + "no top-level package that depends on them releases it with this job in a side tag");
        }
    }

    @Test
    void shouldWarnAboutUpdateBranchesTheSideTagsDoNotCover() {
        var yaml = MONO.replace("dist_git_branches: [f43]", "dist_git_branches: [f43, epel9]");
        var diagnostics = new Diagnostics();
        var plan = new JobGraphPlanner().plan(load(yaml), COMMIT, diagnostics);

        assertThat(plan.nodes()).extracting(node -> node.id().toString()).filteredOn(id -> id.startsWith("bodhi"))
                .containsExactly("bodhi_update:A:bodhi@f43");
        assertThat(diagnostics.warnings()).singleElement().satisfies(problem -> {
            assertThat(problem.position().line()).isEqualTo(22);
            assertThat(problem.message()).isEqualTo("bodhi_update jobs[1] of package 'A' makes its update from the "
                    + "side tags of koji_build jobs[0], which builds no side tag for epel9: no update is made there");
        });
    }

    @Test
    void shouldRefuseABranchWithoutAKojiBuildTagAndTakeRawhideWhenNoneIsWritten() {
        var unknown = MONO.replace("[fedora-rawhide, f43]", "[f43, main-next]");
        var none = MONO.replace("    dist_git_branches: [fedora-rawhide, f43]\n", "");
        var first = new Diagnostics();
        new JobGraphPlanner().plan(load(unknown), COMMIT, first);
        var second = new Diagnostics();
        var defaulted = new JobGraphPlanner().plan(load(none), COMMIT, second);

        assertThat(first.errors()).extracting(Problem::toString).containsExactly("packit.yaml:18:5: error: koji_build "
                + "jobs[0] releases 'A' with B, C in one Koji side tag per dist-git branch, but no Koji build tag is "
                + "known for branch 'main-next' (it is not in the release table and not of the form f<N> or epel<N>)");
        assertThat(second.errors()).as("no dist_git_branches: the dist-git default branch, rawhide").isEmpty();
        assertThat(line(defaulted, "side_tag:A:koji@rawhide")).isEqualTo("fedpkg request-side-tag --base-tag f44-build");
        assertThat(line(defaulted, "koji_build:A:koji/C@rawhide")).isEqualTo(
                "packit build in-koji --dist-git-branch rawhide --koji-target {side_tag:A:koji@rawhide} --package C .");
    }

    @Test
    void shouldParseAndPrintMemberIds() {
        var id = NodeId.parse("koji_build:A:koji/B@f43");

        assertThat(id).isEqualTo(new NodeId(NodeKind.KOJI_BUILD, "A", "koji", "B", "f43"));
        assertThat(id.workPackage()).isEqualTo("B");
        assertThat(id.withoutChroot()).hasToString("koji_build:A:koji/B");
        assertThat(id.forMember("A")).hasToString("koji_build:A:koji@f43");
        assertThat(NodeId.parse("side_tag:A:koji@f43").member()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeId.parse("koji_build:A:koji/@f43"))
                .hasMessageContaining("empty member");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> NodeId.parse("koji_build:A:koji/B/C"))
                .hasMessageContaining("not a safe id part");
    }

    static PackitConfig load(String yaml) {
        var result = new PackitConfigLoader().load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.diagnostics().errors()).as("load errors").isEmpty();
        return result.config().orElseThrow();
    }

    private static List<String> needs(Plan plan, String id) {
        return plan.needsOf(NodeId.parse(id)).stream().map(Edge::need).toList();
    }

    private static String line(Plan plan, String id) {
        return CliCommands.of(plan.find(NodeId.parse(id)).orElseThrow(), plan).line();
    }
}
