package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A side-tag release in the plan's text and JSON and in the Jenkinsfile. */
class SideTagReleaseRenderTest {
    private static final String CONFIG = """
            packages:
              B: {specfile_path: b/b.spec}
              A: {specfile_path: a/a.spec, depends: [B]}
            jobs:
              - job: koji_build
                trigger: commit
                identifier: koji
                dist_git_branches: f43
              - job: bodhi_update
                trigger: commit
                identifier: bodhi
                dist_git_branches: f43
            """;

    @Test
    void shouldSayWhatTheSideTagHoldsAndNameTheMember() {
        var config = new PackitConfigLoader().load("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8)).configOrThrow();
        var plan = new JobGraphPlanner().plan(config, new Event.Commit("main", List.of()));

        assertThat(new PlanTextRenderer().render(plan)).contains(
                "  1  side_tag:A:koji@f43\n     side tag for B, A (Koji builds in depends order)\n",
                "  5  bodhi_update:A:bodhi@f43\n     needs koji_build:A:koji/B@f43, koji_build:A:koji@f43\n"
                        + "     one update of B, A from the side tag of side_tag:A:koji@f43\n");
        assertThat(new PlanJsonWriter().render(plan)).contains("""
                    "id" : "koji_build:A:koji/B@f43",
                    "kind" : "koji_build",
                    "package" : "A",
                    "job" : "koji",
                    "member" : "B",
                """).contains("\"release_group\" : [ \"B\", \"A\" ]");
    }

    @Test
    void shouldRenderEveryNodeAsAPackitCliStageWithItsProgram() {
        var config = new PackitConfigLoader().load("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8)).configOrThrow();
        var text = new JenkinsfileRenderer().render(new JobGraphPlanner().plan(config, new Event.AllTriggers()));

        assertThat(DeclarativeRules.check(JenkinsfileTree.parse(text))).as(text).isEmpty();
        assertThat(text).contains(
                "stage('A · side_tag koji · f43')",
                "packitCli(node: 'side_tag:A:koji@f43', needs: [], command: 'fedpkg', args: ['request-side-tag', "
                        + "'--base-tag', 'f43-build'])",
                "stage('A · koji_build koji/B · f43')",
                "packitCli(node: 'koji_build:A:koji/B@f43', needs: ['side_tag:A:koji@f43'], args: ['build', 'in-koji', "
                        + "'--dist-git-branch', 'f43', '--koji-target', '{side_tag:A:koji@f43}', '--package', 'B', '.'])",
                "packitCli(node: 'wait_repo:A:koji/B@f43', needs: ['koji_build:A:koji/B@f43'], command: 'koji', "
                        + "args: ['wait-repo', '--request', '{side_tag:A:koji@f43}'])",
                "packitCli(node: 'bodhi_update:A:bodhi@f43', needs: ['koji_build:A:koji/B@f43', 'koji_build:A:koji@f43'], "
                        + "command: 'bodhi', args: ['updates', 'new', '--type', 'enhancement', '--notes', "
                        + "'Multi-package update of B, A, built together in one side tag.', '--from-tag', "
                        + "'{side_tag:A:koji@f43}'])");
        assertThat(text.split("agent \\{", -1)).as("each of the 5 nodes takes an agent").hasSize(6);
    }
}
