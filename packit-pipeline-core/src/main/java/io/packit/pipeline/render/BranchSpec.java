package io.packit.pipeline.render;

import java.util.List;
import java.util.Objects;

/**
 * One branch of the Jenkinsfile's top-level {@code parallel}: its stages run in order. A one-stage branch is
 * written as that stage itself; a longer one as a stage named {@link #name()} with sequential {@code stages}.
 *
 * @param name   the branch stage's name (unused for a one-stage branch)
 * @param stages the stages, in run order
 */
public record BranchSpec(String name, List<StageSpec> stages) {
    public BranchSpec {
        Objects.requireNonNull(name, "name");
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("branch '" + name + "' has no stage");
        }
    }

    /** The number of {@code stage} blocks this branch writes. */
    public int stageBlocks() {
        return stages.size() == 1 ? 1 : stages.size() + 1;
    }
}
