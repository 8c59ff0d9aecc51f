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

    /**
     * Whether this is a copr_build job that builds in the chroots its Copr project has, known only at run time
     * ({@link PackageSettings#buildsInProjectChroots}).
     */
    public boolean buildsInProjectChroots() {
        return job instanceof CoprBuildJob && settings.buildsInProjectChroots();
    }

    /** The package's name. */
    public String packageName() {
        return pkg.name();
    }

    /**
     * The job's label within its package, used in node ids and stage names: the identifier when set, else the
     * trigger ({@code pull_request}, {@code commit}, {@code release}). The planner makes labels unique per package
     * and node kind (appending the trigger, then the job's index) and id-safe.
     */
    public String label() {
        return job.identifier().isEmpty() ? job.trigger().key() : job.identifier();
    }
}
