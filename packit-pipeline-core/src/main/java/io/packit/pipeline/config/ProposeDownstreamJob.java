package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code propose_downstream} job: dist-git pull requests with a new upstream release.
 *
 * @param common the keys every job has
 */
public record ProposeDownstreamJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "propose_downstream";

    public ProposeDownstreamJob {
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
    public ProposeDownstreamJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new ProposeDownstreamJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.proposeDownstream(this);
    }
}
