package io.packit.pipeline.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a node does. The key is the first part of a {@link NodeId}. Each kind carries what differs between kinds
 * (whether it needs an agent, how stages and pictures name it), so a new kind is complete where it is declared;
 * which step runs it is the step contract's ({@code StepCatalog.stepOf}), which has one case per kind.
 */
public enum NodeKind {
    /** The SRPM phase of a Copr build (Copr's source chroot). */
    SRPM(true, "srpm"),
    /** A Copr build of one package for one copr_build job, all its chroots. */
    COPR_BUILD(true, "copr"),
    /** A Testing Farm request for one chroot; named by its job alone. */
    TESTS(true, ""),
    UPSTREAM_KOJI_BUILD(false, "upstream_koji_build"),
    PROPOSE_DOWNSTREAM(false, "propose_downstream"),
    KOJI_BUILD(false, "koji_build"),
    BODHI_UPDATE(false, "bodhi_update"),
    VM_IMAGE_BUILD(false, "vm_image_build"),
    PULL_FROM_UPSTREAM(false, "pull_from_upstream"),
    /** A side-tag release: the Koji side tag of one dist-git branch ({@code fedpkg request-side-tag}). */
    SIDE_TAG(false, "side_tag"),
    /**
     * A side-tag release: waits until the side tag's build repository holds a member's Koji build
     * ({@code koji wait-repo}), before the members that depend on it build.
     */
    WAIT_REPO(false, "wait_repo");

    private final boolean remoteOnly;
    private final String noun;

    NodeKind(boolean remoteOnly, String noun) {
        this.remoteOnly = remoteOnly;
        this.noun = noun;
    }

    /** The spelling in node ids, e.g. {@code copr_build}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind spelled {@code key}, if any. */
    public static Optional<NodeKind> fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
    }

    /**
     * How people read a node of this kind of job {@code job}: {@code srpm build1}, {@code copr build1},
     * {@code tests1} (a tests node is named by its job), {@code koji_build koji}; {@code job} may carry the member,
     * {@code koji_build koji/B}.
     */
    public String title(String job) {
        return noun.isEmpty() ? job : noun + " " + job;
    }

    /** Whether this node only waits on a remote service (Copr, Testing Farm) and needs no agent. */
    public boolean isRemoteOnly() {
        return remoteOnly;
    }

    /** Whether this node runs the {@code packit} command line (Koji, Bodhi, dist-git, image builder). */
    public boolean runsPackitCli() {
        return !isRemoteOnly();
    }

    @Override
    public String toString() {
        return key();
    }
}
