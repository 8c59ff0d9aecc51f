package io.packit.pipeline.render;

import java.util.Objects;

/**
 * Limits of the Jenkinsfile renderer.
 *
 * @param maxStages      most {@code stage} blocks in one file (Jenkins compiles the pipeline into one method
 *                       of at most 64 KB of bytecode; measured: about 200 short stages)
 * @param maxBranches    most branches of the {@code parallel} (Groovy: at most 255 arguments per call)
 * @param readableUpTo   write the optional readable arguments ({@code chroots}, {@code target}) only when the
 *                       file has at most this many stages
 * @param maxCost        most {@link PipelineLayout#cost()}: the share of the method budget a file may use
 * @param minLevel       the finest grouping level allowed (tests and users may force a coarser one)
 */
public record RenderOptions(int maxStages, int maxBranches, int readableUpTo, int maxCost, GroupingLevel minLevel) {
    /** The whole method budget in {@link PipelineLayout#cost()} units, as measured. */
    public static final int CPS_BUDGET_MEASURED = 4640;

    /** The defaults: a margin below the measured limits. */
    public static final RenderOptions DEFAULTS = new RenderOptions(150, 200, 60, 3600, GroupingLevel.NODE);

    public RenderOptions {
        if (maxStages < 1 || maxBranches < 1 || readableUpTo < 0 || maxCost < 1) {
            throw new IllegalArgumentException("limits must be positive: maxStages=" + maxStages
                    + ", maxBranches=" + maxBranches + ", readableUpTo=" + readableUpTo);
        }
        Objects.requireNonNull(minLevel, "minLevel");
    }

    /** These options with a method budget of {@code cost} units and at most {@code stages} stages. */
    public RenderOptions withBudget(int stages, int cost) {
        return new RenderOptions(stages, Math.min(stages, maxBranches), readableUpTo, cost, minLevel);
    }

    /** These options with a finest grouping level of {@code level}. */
    public RenderOptions withMinLevel(GroupingLevel level) {
        return new RenderOptions(maxStages, maxBranches, readableUpTo, maxCost, level);
    }
}
