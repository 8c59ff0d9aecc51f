package io.packit.pipeline.graph;

import java.util.Locale;

/** Why one node waits for another (DESIGN §4, edges 1–4). */
public enum EdgeKind {
    /** srpm → copr_build of the same package and job. */
    SRPM_TO_BUILD,
    /** copr_build chroot c → tests for chroot c. */
    BUILD_TO_TESTS,
    /** build of B → build of A, when A depends on B (per chroot when both build it). */
    DEPENDS,
    /** a release job waits for the same job of the packages it depends on. */
    RELEASE_GATING;

    /** Lower-case name for pictures and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
