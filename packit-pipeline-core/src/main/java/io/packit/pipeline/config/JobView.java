package io.packit.pipeline.config;

import java.util.Objects;

/**
 * One job as it applies to one package (Packit's {@code JobConfigView}): what the planner makes nodes from.
 *
 * @param job      the job
 * @param pkg      the package
 * @param settings the effective settings of the package within the job
 */
public record JobView(JobConfig job, PackageConfig pkg, PackageSettings settings) {
    public JobView {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(pkg, "pkg");
        Objects.requireNonNull(settings, "settings");
    }

    /** The package's name. */
    public String packageName() {
        return pkg.name();
    }

    /**
     * The job's label within its package, used in node ids: the identifier when set, else the job type and,
     * to keep it unique, the trigger and the job's index ({@code copr_build-pull_request-0}).
     */
    public String label() {
        if (!job.identifier().isEmpty()) {
            return job.identifier();
        }
        return job.type().key() + "-" + job.trigger().key() + "-" + job.index();
    }
}
