package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Release jobs left out for packages that are not top-level. That is fine when the release of a top-level package
 * with the same job covers them (its dependency closure); the packages no such release covers get a warning.
 */
final class UncoveredReleases {
    private final Diagnostics diagnostics;
    /** Per job (identity: a job is a deep record), the packages it was left out for. */
    private final Map<JobConfig, List<String>> leftOut = new IdentityHashMap<>();

    UncoveredReleases(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Records that release job {@code job} does not run for package {@code name}, which is not top-level. */
    void leftOut(JobConfig job, String name) {
        leftOut.computeIfAbsent(job, key -> new ArrayList<>()).add(name);
    }

    /** Warns, once per job, about the packages it was left out for that no top-level release covers. */
    void warn(PackageGraph packages) {
        for (var entry : leftOut.entrySet()) {
            var job = entry.getKey();
            var withJob = new HashSet<>(job.packageNames());
            var covered = new HashSet<String>();
            var order = packages.order();
            for (int i = order.size() - 1; i >= 0; i--) {
                var name = order.get(i);
                for (var dependent : packages.dependentsOf(name)) {
                    if (covered.contains(dependent) || (withJob.contains(dependent) && packages.isTopLevel(dependent))) {
                        covered.add(name);
                        break;
                    }
                }
            }
            var uncovered = entry.getValue().stream().filter(name -> !covered.contains(name)).toList();
            if (uncovered.isEmpty()) {
                continue;
            }
            var shown = uncovered.stream().limit(10).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            diagnostics.warning(job.position(), job.key() + " " + job.path() + " does not run for " + shown
                    + (uncovered.size() > 10 ? " and " + (uncovered.size() - 10) + " more" : "")
                    + ": release jobs run for top-level packages only, and no top-level package that depends on "
                    + (uncovered.size() == 1 ? "it" : "them") + " has this job");
        }
    }
}
