package io.packit.pipeline.graph;

import java.util.Objects;

/**
 * How to plan, beyond the event.
 *
 * @param allPackages   run every package, even those the changed paths do not touch ({@code --all})
 * @param runManual     run {@code manual_trigger} jobs too (as if asked for by a comment)
 * @param packitInstance the Packit deployment this pipeline stands for ({@code prod}, {@code stg}, {@code dev}):
 *                       jobs whose {@code packit_instances} do not list it do not run
 * @param defaultBranch the repository's default branch, which commit jobs without {@code branch} follow; empty:
 *                      unknown, such jobs run for any pushed branch
 * @param estimates     duration estimates for the critical path
 */
public record PlanOptions(
        boolean allPackages, boolean runManual, String packitInstance, String defaultBranch, DurationEstimates estimates) {
    /** Changed-path filtering on, manual jobs off, instance {@code prod}, default branch unknown, default estimates. */
    public static final PlanOptions DEFAULTS = new PlanOptions(false, false, "prod", "", DurationEstimates.DEFAULTS);

    public PlanOptions {
        Objects.requireNonNull(packitInstance, "packitInstance");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(estimates, "estimates");
    }

    /** These options with {@code --all} set as given. */
    public PlanOptions withAllPackages(boolean all) {
        return new PlanOptions(all, runManual, packitInstance, defaultBranch, estimates);
    }

    /** These options with manual jobs run or not. */
    public PlanOptions withRunManual(boolean manual) {
        return new PlanOptions(allPackages, manual, packitInstance, defaultBranch, estimates);
    }

    /** These options with other estimates. */
    public PlanOptions withEstimates(DurationEstimates newEstimates) {
        return new PlanOptions(allPackages, runManual, packitInstance, defaultBranch, newEstimates);
    }

    /** These options with a default branch. */
    public PlanOptions withDefaultBranch(String branch) {
        return new PlanOptions(allPackages, runManual, packitInstance, branch, estimates);
    }
}
