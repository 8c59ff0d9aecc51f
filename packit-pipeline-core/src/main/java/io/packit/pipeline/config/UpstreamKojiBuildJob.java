package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An {@code upstream_koji_build} job: a Koji build (usually scratch) from the upstream SRPM.
 *
 * @param common the keys every job has
 */
public record UpstreamKojiBuildJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "upstream_koji_build";

    public UpstreamKojiBuildJob {
        Objects.requireNonNull(common, "common");
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public boolean releases() {
        return true;
    }

    @Override
    public boolean takesDefaultTargets(String packageName, List<JobConfig> jobs) {
        return false;
    }

    @Override
    public UpstreamKojiBuildJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new UpstreamKojiBuildJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.upstreamKojiBuild(this);
    }
}
