package io.packit.pipeline.graph;

import java.util.Objects;

/**
 * {@code to} waits for {@code from}. When {@code chroot} is set, {@code to} waits only for that chroot of
 * {@code from} (a build), not the whole node. A {@link EdgeKind#DEPENDS} edge always waits for the whole
 * dependency build ({@code chroot} empty); which chroots of the dependent build it gates is derived from the two
 * builds' chroots when the plan runs.
 *
 * @param from   the node waited for
 * @param to     the waiting node
 * @param kind   why
 * @param chroot the chroot of {@code from} waited for; empty: the whole node
 */
public record Edge(NodeId from, NodeId to, EdgeKind kind, String chroot) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(chroot, "chroot");
        if (from.equals(to)) {
            throw new IllegalArgumentException("an edge cannot join " + from + " to itself");
        }
    }

    /** What {@code to} needs, as written in a Jenkinsfile {@code needs:} list: {@code from} or {@code from@chroot}. */
    public String need() {
        return chroot.isEmpty() ? from.toString() : from.withoutChroot() + "@" + chroot;
    }

    @Override
    public String toString() {
        return need() + " -> " + to + " (" + kind.key() + ")";
    }
}
