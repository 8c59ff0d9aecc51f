package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code bodhi_update} job: a Bodhi update of a Koji build (optionally from a side tag).
 *
 * @param common       the keys every job has
 * @param sidetagGroup {@code sidetag_group}: the Koji side-tag group; empty when unset
 * @param dependencies {@code dependencies}: packages that must be tagged in the side tag before this job runs
 */
public record BodhiUpdateJob(JobCommon common, String sidetagGroup, List<String> dependencies) implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "bodhi_update";

    /** The job-only keys of this type. */
    static final Set<String> OWN_KEYS = Set.of("sidetag_group", "dependencies");

    public BodhiUpdateJob {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(sidetagGroup, "sidetagGroup");
        dependencies = List.copyOf(dependencies);
    }

    static BodhiUpdateJob read(JobCommon common, JobKeys keys) {
        return new BodhiUpdateJob(common, keys.string("sidetag_group"), keys.strings("dependencies"));
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
    public BodhiUpdateJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new BodhiUpdateJob(common.withPerPackage(perPackage), sidetagGroup, dependencies);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bodhiUpdate(this);
    }
}
