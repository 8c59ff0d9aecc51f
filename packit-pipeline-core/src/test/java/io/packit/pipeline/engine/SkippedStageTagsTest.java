package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.engine.SkippedStageTags.Block;
import io.packit.pipeline.engine.SkippedStageTags.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocks around a step as Jenkins nests them for the rendered Declarative pipeline: a stage is a
 * "Stage : Start" node and a body start node with the stage's name; a parallel branch of stage X is a branch node
 * named X inside a "parallel" node.
 */
class SkippedStageTagsTest {
    private static final Block PARALLEL = new Block(Kind.OTHER, "Execute in parallel : Start");
    private static final Block STAGE_STEP = new Block(Kind.STAGE, "Stage : Start");

    private static Block body(String name) {
        return new Block(Kind.STAGE, name);
    }

    private static Block branch(String name) {
        return new Block(Kind.PARALLEL_BRANCH, name);
    }

    @Test
    void shouldTagTheStageBodyOfAStageOutsideParallel() {
        var enclosing = List.of(body("A · srpm"), STAGE_STEP, new Block(Kind.OTHER, "withEnv"));

        assertThat(SkippedStageTags.toTag(enclosing)).containsExactly(0);
    }

    @Test
    void shouldTagTheStageAndTheParallelBranchThatIsThatStage() {
        var enclosing = List.of(body("B · tests1 · fedora-41-x86_64"), STAGE_STEP,
                branch("B · tests1 · fedora-41-x86_64"), PARALLEL, body("Build and test"), STAGE_STEP);

        assertThat(SkippedStageTags.toTag(enclosing)).containsExactly(0, 2);
    }

    @Test
    void shouldTagOnlyTheInnerStageOfSequentialStagesInABranch() {
        var enclosing = List.of(body("A · copr build1"), STAGE_STEP, body("A · build1"), STAGE_STEP,
                branch("A · build1"), PARALLEL);

        assertThat(SkippedStageTags.toTag(enclosing)).containsExactly(0);
    }

    @Test
    void shouldTagAtMostTwoBlocksAsDeclarativeDoes() {
        var enclosing = List.of(body("X"), STAGE_STEP, branch("X"), PARALLEL, body("X"), STAGE_STEP, branch("X"));

        assertThat(SkippedStageTags.toTag(enclosing)).containsExactly(0, 2);
    }

    @Test
    void shouldTagNothingForAStepOutsideAnyStage() {
        assertThat(SkippedStageTags.toTag(List.of(branch("X"), PARALLEL))).isEmpty();
        assertThat(SkippedStageTags.toTag(List.of())).isEmpty();
    }
}
