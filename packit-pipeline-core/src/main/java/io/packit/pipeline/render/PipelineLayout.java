package io.packit.pipeline.render;

import io.packit.pipeline.steps.StepCatalog;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a rendered Jenkinsfile: the branches of its one {@code parallel}, at one grouping level.
 *
 * @param level    the grouping level used
 * @param branches the branches, in plan order of their first node
 */
public record PipelineLayout(GroupingLevel level, List<BranchSpec> branches) {
    public PipelineLayout {
        Objects.requireNonNull(level, "level");
        branches = List.copyOf(branches);
    }

    /** The number of {@code stage} blocks written (leaf stages and branch stages, not the outer one). */
    public int stageBlocks() {
        return branches.stream().mapToInt(BranchSpec::stageBlocks).sum();
    }

    /**
     * The estimated share of Jenkins' 64 KB method budget this layout uses, in units where the whole budget is
     * about {@link RenderOptions#CPS_BUDGET_MEASURED}: measured with Groovy 2.4.21 and groovy-cps 1.31, a stage
     * with a one-condition {@code when} and a one-call body costs about 36, each string in an argument list
     * about 1 (129 such stages with no list fit; 101 with 1,000 list strings; 73 with 2,000).
     */
    public int cost() {
        int cost = 0;
        for (var branch : branches) {
            if (branch.stages().size() > 1) {
                cost += WRAPPER_COST;
            }
            for (var stage : branch.stages()) {
                cost += STAGE_COST + stage.needs().size() + stage.selectors().size()
                        + (stage.step().equals(StepCatalog.GROUP) ? 0 : 2 * NAMED_ARGUMENT_COST)
                        + (stage.needsAgent() ? AGENT_COST : 0)
                        + CONDITION_COST * Math.max(0, WhenConditions.of(stage.condition(), java.util.Optional.of("")).size() - 2);
            }
        }
        return cost;
    }

    static final int STAGE_COST = 40;
    static final int WRAPPER_COST = 24;
    static final int NAMED_ARGUMENT_COST = 3;
    static final int AGENT_COST = 20;
    static final int CONDITION_COST = 6;

    /** Every leaf stage, branch by branch. */
    public List<StageSpec> stages() {
        return branches.stream().flatMap(branch -> branch.stages().stream()).toList();
    }
}
