package io.packit.pipeline.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code tests} job: Testing Farm runs on the RPMs of a Copr build (or, with {@code skip_build}, without any).
 *
 * @param common          the keys every job has
 * @param skipBuild       run without a Copr build
 * @param labels          {@code labels}: groups jobs for {@code /packit test --labels}
 * @param buildIdentifier the {@code identifier} of the copr_build job it tests (our extension); empty when unset
 */
public record TestsJob(JobCommon common, boolean skipBuild, List<String> labels, String buildIdentifier)
        implements JobConfig {
    /** The {@code job} value. */
    public static final String KEY = "tests";

    /** The job-only keys of this type. */
    static final Set<String> OWN_KEYS = Set.of("skip_build", "labels", "build_identifier");

    public TestsJob {
        Objects.requireNonNull(common, "common");
        labels = List.copyOf(labels);
        Objects.requireNonNull(buildIdentifier, "buildIdentifier");
    }

    static TestsJob read(JobCommon common, JobKeys keys) {
        return new TestsJob(common, keys.bool("skip_build"), keys.strings("labels"), keys.string("build_identifier"));
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
        return skipBuild || jobs.stream().noneMatch(other -> other instanceof CoprBuildJob
                && other.trigger() == trigger() && other.perPackage().containsKey(packageName));
    }

    @Override
    public TestsJob withPerPackage(Map<String, PackageSettings> perPackage) {
        return new TestsJob(common.withPerPackage(perPackage), skipBuild, labels, buildIdentifier);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.tests(this);
    }
}
