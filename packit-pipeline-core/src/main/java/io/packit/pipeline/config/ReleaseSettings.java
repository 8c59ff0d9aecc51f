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
 */
public record ReleaseSettings(
        List<DistGitBranch> distGitBranches,
        boolean scratch,
        List<String> allowedPrAuthors,
        List<String> allowedCommitters,
        List<String> allowedBuilders) {
    /** Packit's defaults. */
    public static final ReleaseSettings DEFAULTS =
            new ReleaseSettings(List.of(), false, List.of("packit"), List.of(), List.of("packit"));

    public ReleaseSettings {
        distGitBranches = List.copyOf(distGitBranches);
        allowedPrAuthors = List.copyOf(allowedPrAuthors);
        allowedCommitters = List.copyOf(allowedCommitters);
        allowedBuilders = List.copyOf(allowedBuilders);
    }

    /**
     * The dist-git branches {@link #distGitBranches} stand for, each once, in written order ({@code fedora-all}
     * expanded); empty when none is written.
     */
    public List<ReleaseBranch> branches() {
        var byName = new LinkedHashMap<String, ReleaseBranch>();
        distGitBranches.forEach(entry -> entry.branches().forEach(branch -> byName.putIfAbsent(branch.name(), branch)));
        return List.copyOf(byName.values());
    }
}
