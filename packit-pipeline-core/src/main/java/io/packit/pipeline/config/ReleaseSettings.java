package io.packit.pipeline.config;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The Fedora release keys of a package or job (propose_downstream, pull_from_upstream, koji_build,
 * bodhi_update, upstream_koji_build), effective after inheritance.
 *
 * @param distGitBranches   target dist-git branches or aliases, in order
 * @param scratch           Koji scratch build
 * @param allowedPrAuthors  {@code koji_build}: whose merged dist-git PRs trigger builds
 * @param allowedCommitters {@code koji_build}: whose pushes trigger builds
 * @param allowedBuilders   {@code bodhi_update}: whose Koji builds trigger updates
 * @param defaultBranches   the branches a job without {@code dist_git_branches} releases into: Packit's command
 *                          line takes the dist-git repository's default branch, {@code rawhide} in Fedora
 *                          ({@code packit/cli/builds/koji_build.py:118-123} at packit 69d783e8), resolved with its
 *                          Koji build tag like a written branch
 */
public record ReleaseSettings(
        List<DistGitBranch> distGitBranches,
        boolean scratch,
        List<String> allowedPrAuthors,
        List<String> allowedCommitters,
        List<String> allowedBuilders,
        List<ReleaseBranch> defaultBranches) {
    /** The branch Fedora's dist-git repositories have as their default. */
    public static final String DIST_GIT_DEFAULT_BRANCH = "rawhide";

    /** Packit's defaults; the default branch resolved with the bundled release table. */
    public static final ReleaseSettings DEFAULTS = new ReleaseSettings(List.of(), false, List.of("packit"), List.of(),
            List.of("packit"), TargetAliases.bundled().releaseBranches(DIST_GIT_DEFAULT_BRANCH));

    public ReleaseSettings {
        distGitBranches = List.copyOf(distGitBranches);
        allowedPrAuthors = List.copyOf(allowedPrAuthors);
        allowedCommitters = List.copyOf(allowedCommitters);
        allowedBuilders = List.copyOf(allowedBuilders);
        defaultBranches = List.copyOf(defaultBranches);
    }

    /** Settings whose default branch is {@code rawhide} without a known build tag (no release table at hand). */
    public ReleaseSettings(List<DistGitBranch> distGitBranches, boolean scratch, List<String> allowedPrAuthors,
            List<String> allowedCommitters, List<String> allowedBuilders) {
        this(distGitBranches, scratch, allowedPrAuthors, allowedCommitters, allowedBuilders,
                List.of(ReleaseBranch.named(DIST_GIT_DEFAULT_BRANCH)));
    }

    /**
     * The dist-git branches {@link #distGitBranches} stand for, each once, in written order ({@code fedora-all}
     * expanded); {@link #defaultBranches} when none is written.
     */
    public List<ReleaseBranch> branches() {
        if (distGitBranches.isEmpty()) {
            return defaultBranches;
        }
        var byName = new LinkedHashMap<String, ReleaseBranch>();
        distGitBranches.forEach(entry -> entry.branches().forEach(branch -> byName.putIfAbsent(branch.name(), branch)));
        return List.copyOf(byName.values());
    }
}
