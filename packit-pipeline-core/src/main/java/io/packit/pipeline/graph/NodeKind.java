package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a node does. The key is the first part of a {@link NodeId}. */
public enum NodeKind {
    /** The SRPM phase of a Copr build (Copr's source chroot). */
    SRPM,
    /** A Copr build of one package for one copr_build job, all its chroots. */
    COPR_BUILD,
    /** A Testing Farm request for one chroot. */
    TESTS,
    UPSTREAM_KOJI_BUILD,
    PROPOSE_DOWNSTREAM,
    KOJI_BUILD,
    BODHI_UPDATE,
    VM_IMAGE_BUILD,
    PULL_FROM_UPSTREAM;

    /** The spelling in node ids, e.g. {@code copr_build}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind spelled {@code key}, if any. */
    public static Optional<NodeKind> fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
    }

    /** The node kind of a one-node-per-(package, job) job type; empty for copr_build and tests. */
    public static Optional<NodeKind> ofSingleNodeJob(JobType type) {
        if (type == JobType.COPR_BUILD || type == JobType.TESTS) {
            return Optional.empty();
        }
        return fromKey(type.key());
    }

    /** Whether this node only waits on a remote service (Copr, Testing Farm) and needs no agent. */
    public boolean isRemoteOnly() {
        return this == SRPM || this == COPR_BUILD || this == TESTS;
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
