package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code copr_build} job: the SRPM and the RPMs of each of its packages built in Copr, for every chroot of its targets.
 *
 * @param common the keys every job has
 */
public record CoprBuildJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "copr_build";

    public CoprBuildJob {
        Objects.requireNonNull(common, "common");
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public boolean releases() {
        return false;
    }

    @Override
    public boolean takesDefaultTargets(String packageName, List<JobConfig> jobs) {
        return true;
    }

    @Override
    public CoprBuildJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new CoprBuildJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.coprBuild(this);
    }
}
