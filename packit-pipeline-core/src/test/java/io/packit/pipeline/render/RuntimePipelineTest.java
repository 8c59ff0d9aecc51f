package io.packit.pipeline.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.steps.StepCatalog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimePipelineTest {
    private static final String CONFIG = """
            specfile_path: hello.spec
            upstream_package_name: hello
            downstream_package_name: hello
            upstream_project_url: https://github.com/example/hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-41-x86_64, fedora-42-x86_64]
              - job: tests
                trigger: pull_request
                targets: [fedora-41-x86_64]
            """;

    @Test
    void shouldRenderAJenkinsfileWhoseStepsNameTheNodesOfTheBuildsPlan() {
        var config = RuntimePipeline.load(".packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8), "");

        var jenkinsfile = RuntimePipeline.render(config);

        var ids = RuntimePipeline.planFor(config).nodes().stream().map(Node::id).map(Object::toString).toList();
        assertThat(ids).isNotEmpty();
        assertThat(ids).allSatisfy(id -> assertThat(jenkinsfile).contains("'" + id + "'"));
        assertThat(jenkinsfile).contains(StepCatalog.ENV_CONFIG_DIGEST + " = '" + config.digest() + "'");
    }

    @Test
    void shouldKeepTheRenderedNodesWhenNamingTheBuildsEvent() {
        var config = RuntimePipeline.load(".packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8), "");
        var pullRequest = new Event.PullRequest("main", 12, List.of(), List.of());

        var plan = RuntimePipeline.planFor(config, pullRequest);

        assertThat(plan.event()).isEqualTo(pullRequest);
        assertThat(plan.nodes()).isEqualTo(RuntimePipeline.planFor(config).nodes());
        assertThat(plan.edges()).isEqualTo(RuntimePipeline.planFor(config).edges());
    }

    @Test
    void shouldSkipFromTheStartTheNodesOfOtherTriggersWhoseStagesDeclarativeSkips() {
        var config = RuntimePipeline.load(".packit.yaml", (CONFIG + """
                  - job: copr_build
                    trigger: commit
                    branch: main
                    targets: [fedora-41-x86_64]
                  - job: copr_build
                    trigger: release
                    targets: [fedora-41-x86_64]
                  - job: koji_build
                    trigger: commit
                    dist_git_branches: [fedora-rawhide]
                """).getBytes(StandardCharsets.UTF_8), "");
        var everyTrigger = RuntimePipeline.planFor(config);

        var commit = RuntimePipeline.planFor(config, new Event.Commit("main", List.of()));

        assertThat(commit.nodes()).extracting(Node::id).isEqualTo(everyTrigger.nodes().stream().map(Node::id).toList());
        assertThat(commit.edges()).isEqualTo(everyTrigger.edges());
        assertThat(commit.nodes()).filteredOn(node -> node.condition().trigger() == Trigger.PULL_REQUEST).isNotEmpty()
                .allSatisfy(node -> assertThat(node.skipReason())
                        .isEqualTo("pull_request job: this build is for a commit to main"));
        assertThat(commit.nodes()).filteredOn(node -> node.condition().trigger() == Trigger.RELEASE).isNotEmpty()
                .allSatisfy(node -> assertThat(node.skipReason())
                        .isEqualTo("release job: this build is for a commit to main"));
        assertThat(commit.nodes()).filteredOn(node -> node.condition().trigger() == Trigger.COMMIT).isNotEmpty()
                .allSatisfy(node -> assertThat(node.runs()).as(node.id().toString()).isTrue());
        var pullRequest = RuntimePipeline.planFor(config, new Event.PullRequest("main", 12, List.of(), List.of()));
        assertThat(pullRequest.nodes()).filteredOn(node -> node.condition().trigger() == Trigger.COMMIT)
                .allSatisfy(node -> assertThat(node.skipReason())
                        .isEqualTo("commit job: this build is for pull request 12 into main"));
        assertThat(RuntimePipeline.planFor(config, new Event.Release("v1.0")).nodes())
                .filteredOn(node -> node.condition().trigger() == Trigger.PULL_REQUEST)
                .allSatisfy(node -> assertThat(node.skipReason()).isEqualTo("pull_request job: this build is for tag v1.0"));
    }

    @Test
    void shouldRefuseAnInvalidConfigWithItsProblems() {
        assertThatThrownBy(() -> RuntimePipeline.load(".packit.yaml",
                "jobs:\n  - job: copr_buidl\n    trigger: pull_request\n".getBytes(StandardCharsets.UTF_8), ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".packit.yaml:2:")
                .hasMessageContaining("copr_buidl");
    }

    @Test
    void shouldNameASinglePackageWithoutDownstreamNameAfterTheRepositoryAsPackitDoes() {
        var config = RuntimePipeline.load(".packit.yaml", CONFIG.replace("downstream_package_name: hello\n", "")
                .getBytes(StandardCharsets.UTF_8), "hello-upstream");

        assertThat(RuntimePipeline.planFor(config).nodes()).extracting(node -> node.id().packageName())
                .containsOnly("hello-upstream");
    }

    @Test
    void shouldTellTheEventFromJenkinsMultibranchVariables() {
        assertThat(RuntimePipeline.eventOf(Map.of("CHANGE_ID", "12", "CHANGE_TARGET", "main", "BRANCH_NAME", "PR-12")))
                .isEqualTo(new Event.PullRequest("main", 12, List.of(), List.of()));
        assertThat(RuntimePipeline.eventOf(Map.of("TAG_NAME", "v1.0", "BRANCH_NAME", "v1.0")))
                .isEqualTo(new Event.Release("v1.0"));
        assertThat(RuntimePipeline.eventOf(Map.of("BRANCH_NAME", "main"))).isEqualTo(new Event.Commit("main", List.of()));
        assertThat(RuntimePipeline.eventOf(Map.of())).isEqualTo(new Event.AllTriggers());
        assertThat(RuntimePipeline.eventOf(Map.of("CHANGE_ID", "MR!7", "CHANGE_TARGET", "main")))
                .isEqualTo(new Event.PullRequest("main", 0, List.of(), List.of()));
    }

    @Test
    void shouldFindTheCommitInTheWayScmsPrintRevisions() {
        var head = "0123456789abcdef0123456789abcdef01234567";
        var base = "89abcdef0123456789abcdef0123456789abcdef";

        assertThat(RuntimePipeline.commitOf(head)).isEqualTo(head);
        assertThat(RuntimePipeline.commitOf(head + "+" + base + " (merge)")).isEqualTo(head);
        assertThat(RuntimePipeline.commitOf("r42")).isEmpty();
    }
}
