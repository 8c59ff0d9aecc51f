package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Packit's defaults for jobs: the jobs of a file without {@code jobs} (copr_build and tests on pull requests,
 * propose_downstream on releases), and {@code fedora-stable} for jobs that build in Copr without targets.
 */
final class DefaultJobs {
    private final String file;
    private final Targets defaultTargets;
    private final DistGitBranch defaultBranches;

    DefaultJobs(String file, Targets defaultTargets, DistGitBranch defaultBranches) {
        this.file = Objects.requireNonNull(file, "file");
        this.defaultTargets = Objects.requireNonNull(defaultTargets, "defaultTargets");
        this.defaultBranches = Objects.requireNonNull(defaultBranches, "defaultBranches");
    }

    /** The jobs of a file without {@code jobs}, for every package, positioned at the top of the file. */
    List<JobConfig> of(Map<String, PackageConfig> packages, Map<String, Map<String, YamlMapping.Entry>> packageEntries) {
        var position = SourcePosition.of(file);
        var refs = packages.keySet().stream().map(name -> new PackageRef(name, position)).toList();
        var builds = new LinkedHashMap<String, PackageSettings>();
        var releases = new LinkedHashMap<String, PackageSettings>();
        for (var pkg : packages.entrySet()) {
            var name = pkg.getKey();
            var base = pkg.getValue().settings();
            var entries = packageEntries.get(name);
            builds.put(name, entries.containsKey("targets") ? base : base.withTargets(defaultTargets));
            var release = base.release();
            releases.put(name, base.withRelease(new ReleaseSettings(
                    entries.containsKey("dist_git_branches") ? release.distGitBranches()
                            : List.of(defaultBranches),
                    release.scratch(), release.allowedPrAuthors(), release.allowedCommitters(), release.allowedBuilders(),
                    release.defaultBranches())));
        }
        return List.of(
                new CoprBuildJob(common(0, Trigger.PULL_REQUEST, refs, builds, position)),
                new TestsJob(common(1, Trigger.PULL_REQUEST, refs, builds, position), false, List.of(), ""),
                new ProposeDownstreamJob(common(2, Trigger.RELEASE, refs, releases, position)));
    }

    private static JobCommon common(int index, Trigger trigger, List<PackageRef> refs,
            Map<String, PackageSettings> perPackage, SourcePosition position) {
        return new JobCommon(index, trigger, "", false, refs, perPackage, position, Map.of());
    }

    /**
     * Every job with Packit's {@code fedora-stable} for the packages it builds in Copr without {@code targets}
     * ({@link JobConfig#takesDefaultTargets}). Defaulted targets have nothing {@link Targets#written() written} and
     * an unknown position. For a copr_build job with its own Copr project ({@link JobView#buildsInProjectChroots})
     * they are only the fallback for a project that does not exist yet: it builds in the chroots the project has.
     */
    List<JobConfig> withDefaultTargets(List<JobConfig> jobs) {
        var result = new ArrayList<JobConfig>(jobs.size());
        for (var job : jobs) {
            var perPackage = new LinkedHashMap<String, PackageSettings>();
            boolean changed = false;
            for (var entry : job.perPackage().entrySet()) {
                var current = entry.getValue();
                if (current.targets().isEmpty() && job.takesDefaultTargets(entry.getKey(), jobs)) {
                    current = current.withTargets(new Targets(Map.of(), defaultTargets.chroots(), SourcePosition.UNKNOWN));
                    changed = true;
                }
                perPackage.put(entry.getKey(), current);
            }
            result.add(changed ? job.withPerPackage(perPackage) : job);
        }
        return result;
    }
}
