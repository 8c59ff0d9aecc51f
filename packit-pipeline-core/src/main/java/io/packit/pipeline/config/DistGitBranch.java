package io.packit.pipeline.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code dist_git_branches}: a branch or alias, with the branches it fast-forwards into.
 *
 * @param name                 branch or alias as written ({@code fedora-all}, {@code f41}, {@code rawhide})
 * @param fastForwardMergeInto {@code fast_forward_merge_into} of the dict form, empty otherwise
 * @param branches             the dist-git branches it stands for, resolved against the release table the file was
 *                             loaded with ({@link TargetAliases#releaseBranches}); Rawhide is {@code rawhide}, the
 *                             default branch of Fedora's dist-git, which Packit's command line builds for it
 */
public record DistGitBranch(String name, List<String> fastForwardMergeInto, List<ReleaseBranch> branches) {
    public DistGitBranch {
        Objects.requireNonNull(name, "name");
        fastForwardMergeInto = List.copyOf(fastForwardMergeInto);
        branches = List.copyOf(branches);
    }

    /** An entry resolved without a release table: it stands for the branch of its name. */
    public DistGitBranch(String name, List<String> fastForwardMergeInto) {
        this(name, fastForwardMergeInto, List.of(ReleaseBranch.named(name)));
    }
}
