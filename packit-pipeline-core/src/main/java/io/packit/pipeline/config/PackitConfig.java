package io.packit.pipeline.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded packit.yaml: packages (a single-package file has one), jobs (defaults when {@code jobs} is absent),
 * with Packit's inheritance applied.
 *
 * @param file       the file as the user named it (used in every problem position)
 * @param digest     {@code sha256:<hex>} of the file's bytes
 * @param monorepo   whether the file has a top-level {@code packages} key
 * @param packages   package name → package, in file order
 * @param jobs       jobs in file order, {@code "a | b"} triggers expanded in place
 * @param defaultJobs whether {@code jobs} was absent and Packit's default jobs were used
 */
public record PackitConfig(
        String file,
        String digest,
        boolean monorepo,
        Map<String, PackageConfig> packages,
        List<JobConfig> jobs,
        boolean defaultJobs) {
    public PackitConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(digest, "digest");
        packages = Collections.unmodifiableMap(new LinkedHashMap<>(packages));
        jobs = List.copyOf(jobs);
    }

    /** The package called {@code name}, if any. */
    public Optional<PackageConfig> findPackage(String name) {
        return Optional.ofNullable(packages.get(name));
    }

    /** Every (job, package) pair, in file order of jobs, then package order within the job. */
    public List<JobView> jobViews() {
        return jobs.stream()
                .flatMap(job -> job.packageNames().stream()
                        .map(name -> new JobView(job, packages.get(name), job.perPackage().get(name))))
                .toList();
    }

    /** The (job, package) pairs of one package, in file order of jobs. */
    public List<JobView> jobViewsOf(String packageName) {
        return jobViews().stream().filter(view -> view.packageName().equals(packageName)).toList();
    }
}
