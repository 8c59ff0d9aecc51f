package io.packit.pipeline.copr.fake;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a fake Copr build advances on the fake's clock, counted from the moment it may start (its submission, or the
 * end of the batch it waits for): the SRPM build queues and runs, is imported, then every chroot queues, runs and
 * ends in its outcome.
 *
 * @param srpmQueue time the SRPM build stays {@code pending}
 * @param srpmRun time it stays {@code running}
 * @param srpmSucceeds whether the SRPM build succeeds (if not, every chroot fails)
 * @param importing time the build stays {@code importing}
 * @param packageName the package name the SRPM reveals
 * @param version the version the SRPM reveals
 * @param chroots plans of single chroots by name
 * @param otherChroots the plan of every chroot not named
 */
public record BuildPlan(Duration srpmQueue, Duration srpmRun, boolean srpmSucceeds, Duration importing,
        String packageName, String version, Map<String, ChrootPlan> chroots, ChrootPlan otherChroots) {
    /** Validates and copies. */
    public BuildPlan {
        Objects.requireNonNull(srpmQueue, "srpmQueue");
        Objects.requireNonNull(srpmRun, "srpmRun");
        Objects.requireNonNull(importing, "importing");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(version, "version");
        chroots = Map.copyOf(chroots);
        Objects.requireNonNull(otherChroots, "otherChroots");
    }

    /**
     * SRPM 60 s queue + 120 s build + 30 s import; every chroot 60 s queue + 300 s build and succeeds.
     *
     * @return the default plan
     */
    public static BuildPlan standard() {
        return new BuildPlan(Duration.ofSeconds(60), Duration.ofSeconds(120), true, Duration.ofSeconds(30), "hello",
                "2.12-1", Map.of(), new ChrootPlan(Duration.ofSeconds(60), Duration.ofSeconds(300), "succeeded"));
    }

    /**
     * Returns a copy where the named chroot follows its own plan.
     *
     * @param chroot the chroot
     * @param plan its plan
     * @return the copy
     */
    public BuildPlan withChroot(String chroot, ChrootPlan plan) {
        Map<String, ChrootPlan> copy = new java.util.HashMap<>(chroots);
        copy.put(chroot, plan);
        return new BuildPlan(srpmQueue, srpmRun, srpmSucceeds, importing, packageName, version, copy, otherChroots);
    }

    /**
     * Returns a copy whose SRPM reveals another package name.
     *
     * @param name the package name
     * @return the copy
     */
    public BuildPlan withPackage(String name) {
        return new BuildPlan(srpmQueue, srpmRun, srpmSucceeds, importing, name, version, chroots, otherChroots);
    }

    /**
     * Returns a copy whose SRPM build waits this long for a builder.
     *
     * @param queue the SRPM build's queue time
     * @return the copy
     */
    public BuildPlan withSrpmQueue(Duration queue) {
        return new BuildPlan(queue, srpmRun, srpmSucceeds, importing, packageName, version, chroots, otherChroots);
    }

    /**
     * Returns a copy whose SRPM build fails.
     *
     * @return the copy
     */
    public BuildPlan withFailingSrpm() {
        return new BuildPlan(srpmQueue, srpmRun, false, importing, packageName, version, chroots, otherChroots);
    }

    /**
     * Returns the plan of a chroot.
     *
     * @param chroot the chroot
     * @return its plan
     */
    public ChrootPlan chroot(String chroot) {
        return chroots.getOrDefault(chroot, otherChroots);
    }

    /** Time from start until the chroots may queue. */
    Duration sourcePhase() {
        return srpmQueue.plus(srpmRun).plus(srpmSucceeds ? importing : Duration.ZERO);
    }

    /**
     * How one chroot advances after the import.
     *
     * @param queue time {@code pending}
     * @param run time {@code running}
     * @param outcome the final state: {@code succeeded}, {@code failed}, {@code skipped}, {@code forked} or
     *     {@code unknown}
     */
    public record ChrootPlan(Duration queue, Duration run, String outcome) {
        /** Validates. */
        public ChrootPlan {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
