package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.render.RuntimePipeline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tests target its build does not build, as a Jenkins build runs it: the rendered Jenkinsfile has its stage, and
 * its step, on the board the plugin's steps share, ends at once as skipped with the plan's cause (what the plugin
 * prints and marks the stage skipped with), calling no service; the other tests run.
 */
class PlanSkippedStageTest {
    private static final String CONFIG = """
            specfile_path: hello.spec
            downstream_package_name: hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-41-x86_64]
              - job: tests
                trigger: pull_request
                targets: [fedora-41-x86_64, fedora-42-x86_64]
            """;
    private static final NodeId SKIPPED = NodeId.parse("tests:hello:pull_request@fedora-42-x86_64");
    private static final NodeId TESTED = NodeId.parse("tests:hello:pull_request@fedora-41-x86_64");
    private static final String CAUSE = "copr_build:hello:pull_request does not build fedora-42-x86_64; "
            + "add it to the build's targets";

    @Test
    void shouldRenderTheStageAndSkipItsStepWithThePlansCauseWithoutCallingAnyService() {
        var config = RuntimePipeline.load(".packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8), "");
        var jenkinsfile = RuntimePipeline.render(config);
        var plan = RuntimePipeline.planFor(config, new Event.PullRequest("main", 3, List.of(), List.of()));
        var executor = new ScriptedExecutor(Duration.ofMinutes(1), Duration.ZERO);
        var driver = new StepDriver(new NodeSteps(new RunState(plan, new VirtualClock(), false),
                NodeExecutors.all(executor)), Duration.ofSeconds(5));

        assertThat(jenkinsfile).contains("stage('hello · pull_request · fedora-42-x86_64')")
                .contains("packitTestingFarm(node: '" + SKIPPED + "', needs: [], target: 'fedora-42-x86_64')");
        assertThat(driver.settle(List.of(SKIPPED))).contains(new StepProgress.Done(NodeState.SKIPPED,
                "skipped: " + SKIPPED + ": " + CAUSE, List.of(SKIPPED + ": skipped (" + CAUSE + ")")));
        assertThat(driver.settle(List.of(TESTED))).as("it waits for its build").isEmpty();
        assertThat(executor.totalSubmissions()).isZero();
    }
}
