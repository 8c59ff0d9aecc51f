package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.graph.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildBoardTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final NodeId SRPM_A = NodeId.parse("srpm:A:build1");

    @TempDir
    Path dir;

    @Test
    void shouldResumePollingAfterARestartWithoutSubmittingAgain() {
        var plan = new PlanBuilder().build("A", "build1", F41).plan();
        var executor = new ScriptedExecutor(Duration.ofHours(1), Duration.ZERO);
        var stateFile = dir.resolve("packit-state.json");
        var before = BuildBoard.open(plan, stateFile, NodeExecutors.all(executor));
        assertThat(before.driver(Duration.ofSeconds(5)).advance(List.of(SRPM_A)))
                .isInstanceOf(StepProgress.Pending.class);

        var after = BuildBoard.open(plan, stateFile, NodeExecutors.all(executor));
        var progress = after.driver(Duration.ofSeconds(5)).advance(List.of(SRPM_A));

        assertThat(progress).isInstanceOf(StepProgress.Pending.class);
        assertThat(after.state().status(SRPM_A).state()).isEqualTo(NodeState.RUNNING);
        assertThat(executor.submissions(SRPM_A.toString())).isEqualTo(1);
    }

    @Test
    void shouldRefuseAStateFileOfAnotherConfig() {
        var stateFile = dir.resolve("packit-state.json");
        new StateFile("packit.yaml", "sha256:other", BuildBoard.EVENT, List.of()).write(stateFile);
        var plan = new PlanBuilder().build("A", "build1", F41).plan();

        assertThatThrownBy(() -> BuildBoard.open(plan, stateFile, NodeExecutors.all(new ScriptedExecutor(
                Duration.ZERO, Duration.ZERO))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(stateFile + " was written for config sha256:other, this build runs packit.yaml sha256:test");
    }

    @Test
    void shouldCallAJenkinsfileRenderedFromAnotherConfigStale() {
        var plan = new PlanBuilder().build("A", "build1", F41).plan();
        var board = BuildBoard.open(plan, dir.resolve("s.json"), NodeExecutors.all(new ScriptedExecutor(
                Duration.ZERO, Duration.ZERO)));

        board.requireRenderedFrom("sha256:test");
        assertThatThrownBy(() -> board.requireRenderedFrom("sha256:old"))
                .hasMessage("the Jenkinsfile is stale: it was rendered from a config with digest sha256:old, but "
                        + "packit.yaml has digest sha256:test; render it again with 'packit-pipeline render'");
    }
}
