package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code koji_build_tag} job: Packit's service creates it for Koji tag events; users do not write it.
 *
 * @param common the keys every job has
 */
public record KojiBuildTagJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "koji_build_tag";

    public KojiBuildTagJob {
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
    public KojiBuildTagJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new KojiBuildTagJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.kojiBuildTag(this);
    }
}
