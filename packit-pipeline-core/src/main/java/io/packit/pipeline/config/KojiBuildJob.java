package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code koji_build} job: a production (or scratch) Koji build after a dist-git change.
 *
 * @param common       the keys every job has
 * @param sidetagGroup {@code sidetag_group}: the Koji side-tag group; empty when unset
 * @param dependents   {@code dependents}: packages whose jobs react to this build being tagged into the group
 * @param dependencies {@code dependencies}: packages that must be tagged in the side tag before this job runs
 */
public record KojiBuildJob(JobCommon common, String sidetagGroup, List<String> dependents, List<String> dependencies)
        implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "koji_build";

    /** The job-only keys of this type. */
    static final Set<String> OWN_KEYS = Set.of("sidetag_group", "dependents", "dependencies");

    public KojiBuildJob {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(sidetagGroup, "sidetagGroup");
        dependents = List.copyOf(dependents);
        dependencies = List.copyOf(dependencies);
    }

    static KojiBuildJob read(JobCommon common, JobKeys keys) {
        return new KojiBuildJob(common, keys.string("sidetag_group"), keys.strings("dependents"),
                keys.strings("dependencies"));
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
    public KojiBuildJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new KojiBuildJob(common.withPerPackage(perPackage), sidetagGroup, dependents, dependencies);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.kojiBuild(this);
    }
}
