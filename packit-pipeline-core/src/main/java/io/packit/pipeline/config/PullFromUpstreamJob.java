package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code pull_from_upstream} job: the same as propose_downstream, driven from dist-git.
 *
 * @param common the keys every job has
 */
public record PullFromUpstreamJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "pull_from_upstream";

    public PullFromUpstreamJob {
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
        return false;
    }

    @Override
    public PullFromUpstreamJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new PullFromUpstreamJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.pullFromUpstream(this);
    }
}
