package io.packit.pipeline.graph;

import java.util.Locale;

/** Why one node waits for another (DESIGN §4, edges 1–4). */
public enum EdgeKind {
    /** srpm → copr_build of the same package and job. */
    SRPM_TO_BUILD,
    /** copr_build chroot c → tests for chroot c. */
    BUILD_TO_TESTS,
    /**
     * build of B → srpm of A (same job), when A depends on B: A's build is submitted once B's whole build has
     * ended, on the chroots both build where B succeeded (the edge has no chroot; the engine derives the common
     * chroots from the two builds' {@link Node#chroots()}).
     */
    DEPENDS,
    /** a release job waits for the same job of the packages it depends on. */
    RELEASE_GATING;

    /** Lower-case name for pictures and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
