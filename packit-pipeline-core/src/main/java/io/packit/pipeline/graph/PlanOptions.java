package io.packit.pipeline.graph;

import io.packit.pipeline.config.TargetAliases;
import java.util.List;
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
 * @param defaultChroots the chroots of a copr_build or tests job without {@code targets} (packit-service falls back
 *                       to {@code fedora-stable})
 * @param reuse         whether builds may reuse successful Copr builds that exist already ({@link Reuse}); false
 *                      ({@code --no-reuse}): every build node that runs is built
 */
public record PlanOptions(
        boolean allPackages,
        boolean runManual,
        String packitInstance,
        String defaultBranch,
        DurationEstimates estimates,
        List<String> defaultChroots,
        boolean reuse) {
    /**
     * Changed-path filtering on, manual jobs off, instance {@code prod}, default branch unknown, default estimates,
     * {@code fedora-stable} from the bundled release table for jobs without targets.
     */
    public static final PlanOptions DEFAULTS = new PlanOptions(false, false, "prod", "", DurationEstimates.DEFAULTS,
            TargetAliases.bundled().chroots(TargetAliases.DEFAULT_ALIAS), true);

    public PlanOptions {
        Objects.requireNonNull(packitInstance, "packitInstance");
        Objects.requireNonNull(defaultBranch, "defaultBranch");
        Objects.requireNonNull(estimates, "estimates");
        defaultChroots = List.copyOf(defaultChroots);
    }

    /** Options that reuse builds. */
    public PlanOptions(boolean allPackages, boolean runManual, String packitInstance, String defaultBranch,
            DurationEstimates estimates, List<String> defaultChroots) {
        this(allPackages, runManual, packitInstance, defaultBranch, estimates, defaultChroots, true);
    }

    /** Options with the bundled {@code fedora-stable} chroots as default targets, reusing builds. */
    public PlanOptions(boolean allPackages, boolean runManual, String packitInstance, String defaultBranch,
            DurationEstimates estimates) {
        this(allPackages, runManual, packitInstance, defaultBranch, estimates, DEFAULTS.defaultChroots());
    }

    /** These options with {@code --all} set as given. */
    public PlanOptions withAllPackages(boolean all) {
        return new PlanOptions(all, runManual, packitInstance, defaultBranch, estimates, defaultChroots, reuse);
    }

    /** These options with manual jobs run or not. */
    public PlanOptions withRunManual(boolean manual) {
        return new PlanOptions(allPackages, manual, packitInstance, defaultBranch, estimates, defaultChroots, reuse);
    }

    /** These options with other estimates. */
    public PlanOptions withEstimates(DurationEstimates newEstimates) {
        return new PlanOptions(allPackages, runManual, packitInstance, defaultBranch, newEstimates, defaultChroots, reuse);
    }

    /** These options with a default branch. */
    public PlanOptions withDefaultBranch(String branch) {
        return new PlanOptions(allPackages, runManual, packitInstance, branch, estimates, defaultChroots, reuse);
    }

    /** These options with build reuse on or off ({@code --no-reuse}). */
    public PlanOptions withReuse(boolean reuseBuilds) {
        return new PlanOptions(allPackages, runManual, packitInstance, defaultBranch, estimates, defaultChroots, reuseBuilds);
    }
}
