package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code sync_from_downstream} job: a dist-git to upstream sync (Packit's command line; no pipeline work).
 *
 * @param common the keys every job has
 */
public record SyncFromDownstreamJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "sync_from_downstream";

    public SyncFromDownstreamJob {
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
    public SyncFromDownstreamJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new SyncFromDownstreamJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.syncFromDownstream(this);
    }
}
