package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code vm_image_build} job: an Image Builder request with the Copr repository of the package.
 *
 * @param common the keys every job has
 */
public record VmImageBuildJob(JobCommon common) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "vm_image_build";

    public VmImageBuildJob {
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
    public VmImageBuildJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new VmImageBuildJob(common.withPerPackage(perPackage));
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.vmImageBuild(this);
    }
}
