package io.packit.pipeline.render;

import static io.packit.pipeline.config.PackitReadingFixtures.OWN_PROJECT;
import static io.packit.pipeline.config.PackitReadingFixtures.TWO_BRANCHES;
import static io.packit.pipeline.config.PackitReadingFixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files Packit accepts that the loader now accepts too (issue 16), rendered: an identifier on two branches gives
 * distinct stages, each gated on its branch; a Copr project of one's own without targets is shown and rendered as
 * building in the project's chroots.
 */
class PackitReadingRenderTest {
    @Test
    void shouldRenderAnIdentifierOnTwoBranchesAsDistinctStagesGatedOnTheirBranches() {
        var config = load(TWO_BRANCHES);
        var text = RuntimePipeline.render(config);

        assertThat(DeclarativeRules.check(JenkinsfileTree.parse(text))).as(text).isEmpty();
        assertThat(CpsCompiler.compile(text)).isPositive();
        for (var node : RuntimePipeline.planFor(config).nodes()) {
            assertThat(text).contains("node: '" + node.id() + "'");
        }
        // each tests stage follows its own build in one chain: the chain edge is its need
        var main = text.substring(text.indexOf("stage('a · epel')"), text.indexOf("stage('a · epel-stable')"));
        assertThat(main).contains("packitCoprBuild(node: 'copr_build:a:epel', needs: []")
                .contains("packitTestingFarm(node: 'tests:a:smoke@epel-9-x86_64', needs: [], target: 'centos-stream-9-x86_64')")
                .doesNotContain("stable");
        var stable = text.substring(text.indexOf("stage('a · epel-stable')"));
        assertThat(stable).contains("packitCoprBuild(node: 'copr_build:a:epel-stable', needs: []")
                .contains("packitTestingFarm(node: 'tests:a:smoke-stable@epel-9-x86_64', needs: [], target: 'centos-stream-9-x86_64')")
                .doesNotContain("branch pattern: 'main'");
        // srpm, build and tests of each branch are gated on it
        assertThat(main.split("branch pattern: 'main', comparator: 'REGEXP'", -1)).hasSize(4);
        assertThat(stable.split("branch pattern: 'stable', comparator: 'REGEXP'", -1)).hasSize(4);
    }

    @Test
    void shouldShowAndRenderABuildInItsProjectsChroots() {
        var config = load(OWN_PROJECT);
        var plan = new JobGraphPlanner().plan(config, new Event.Commit("main", List.of()));

        assertThat(new PlanTextRenderer().render(plan)).contains("""
                  2  copr_build:a:commit
                     builds in the project's chroots (resolved at run time)
                     needs srpm:a:commit
                """);
        assertThat(new PlanJsonWriter().render(plan)).contains("\"chroots\" : [ ],\n    \"chroots_at_run_time\" : true,");
        assertThat(PlanPicture.of(plan).nodes()).filteredOn(node -> node.id().toString().equals("copr_build:a:commit"))
                .singleElement().satisfies(node -> assertThat(node.detail()).isEqualTo("the project's chroots (resolved at run time)"));
        var text = RuntimePipeline.render(config);
        assertThat(DeclarativeRules.check(JenkinsfileTree.parse(text))).as(text).isEmpty();
        assertThat(text).contains("packitCoprBuild(node: 'copr_build:a:commit', needs: [], chroots: [])");
    }
}
