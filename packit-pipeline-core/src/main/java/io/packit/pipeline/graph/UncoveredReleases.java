package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Release jobs left out for packages that are not top-level. That is fine when a side-tag release of a top-level
 * package with the same job covers them ({@link SideTagRelease}: its Koji builds and Bodhi update hold the whole
 * closure); the packages no such release covers get a warning (other release jobs, scratch builds and jobs with
 * {@code sidetag_group} run for the top-level package alone).
 */
final class UncoveredReleases {
    private final Diagnostics diagnostics;
    /** Per job (identity: a job is a deep record), the packages it was left out for. */
    private final Map<JobConfig, List<String>> leftOut = new IdentityHashMap<>();
    /** Per job, the top-level packages whose side-tag release of that job covers their closure. */
    private final Map<JobConfig, Set<String>> releasedWithClosure = new IdentityHashMap<>();

    UncoveredReleases(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Records that release job {@code job} does not run for package {@code name}, which is not top-level. */
    void leftOut(JobConfig job, String name) {
        leftOut.computeIfAbsent(job, key -> new ArrayList<>()).add(name);
    }

    /** Records that release job {@code job} of top-level package {@code name} releases its whole closure. */
    void covered(JobConfig job, String name) {
        releasedWithClosure.computeIfAbsent(job, key -> new HashSet<>()).add(name);
    }

    /** Warns, once per job, about the packages it was left out for that no top-level release covers. */
    void warn(PackageGraph packages) {
        for (var entry : leftOut.entrySet()) {
            var job = entry.getKey();
            var covered = new HashSet<String>();
            for (var top : releasedWithClosure.getOrDefault(job, Set.of())) {
                covered.addAll(packages.closureOf(top));
            }
            var uncovered = entry.getValue().stream().filter(name -> !covered.contains(name)).toList();
            if (uncovered.isEmpty()) {
                continue;
            }
            var shown = uncovered.stream().limit(10).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            diagnostics.warning(job.position(), job.key() + " " + job.path() + " does not run for " + shown
                    + (uncovered.size() > 10 ? " and " + (uncovered.size() - 10) + " more" : "")
                    + ": release jobs run for top-level packages only, and no top-level package that depends on "
                    + (uncovered.size() == 1 ? "it" : "them") + " releases it with this job in a side tag");
        }
    }
}
