package io.packit.pipeline.graph;

import java.util.Locale;
import java.util.Objects;

/**
 * A build that must see another package's build results (DESIGN §4, edge 3): how the RPMs of
 * {@code dependency} reach the buildroot of {@code build}.
 *
 * @param build      the waiting build ({@code copr_build:A:job})
 * @param dependency the build of a package A depends on ({@code copr_build:B:job})
 * @param access     how A's build sees B's results
 * @param repo       the Copr repository that must be visible: {@code copr://owner/project}; empty when both use
 *                   the same (possibly generated) project
 */
public record DependencyRepo(NodeId build, NodeId dependency, Access access, String repo) {
    public DependencyRepo {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(repo, "repo");
    }

    /** How a dependency's build reaches the dependent's buildroot. */
    public enum Access {
        /** Both builds go to the same Copr project: its repo is in the buildroot already. */
        SAME_PROJECT,
        /** The dependent's {@code additional_repos} lists the dependency's Copr project. */
        ADDITIONAL_REPO,
        /** Neither: the runner must add the dependency's Copr project to the dependent's build as an extra repo. */
        ADD_REPO;

        /** Lower-case name for text and JSON. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
