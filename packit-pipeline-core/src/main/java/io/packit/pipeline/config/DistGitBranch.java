package io.packit.pipeline.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of {@code dist_git_branches}: a branch or alias, with the branches it fast-forwards into.
 *
 * @param name                 branch or alias as written ({@code fedora-all}, {@code f41}, {@code rawhide})
 * @param fastForwardMergeInto {@code fast_forward_merge_into} of the dict form, empty otherwise
 */
public record DistGitBranch(String name, List<String> fastForwardMergeInto) {
    public DistGitBranch {
        Objects.requireNonNull(name, "name");
        fastForwardMergeInto = List.copyOf(fastForwardMergeInto);
    }
}
