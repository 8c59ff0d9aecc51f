package io.packit.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code job} values Packit accepts (packit-config.md §1.7). */
public enum JobType {
    COPR_BUILD,
    TESTS,
    UPSTREAM_KOJI_BUILD,
    VM_IMAGE_BUILD,
    PROPOSE_DOWNSTREAM,
    PULL_FROM_UPSTREAM,
    KOJI_BUILD,
    BODHI_UPDATE,
    SYNC_FROM_DOWNSTREAM,
    KOJI_BUILD_TAG;

    /** The spelling in packit.yaml, e.g. {@code copr_build}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The job type spelled {@code key} in packit.yaml, if any. */
    public static Optional<JobType> fromKey(String key) {
        return Arrays.stream(values()).filter(type -> type.key().equals(key)).findFirst();
    }

    /** Whether this job releases into Fedora (runs for top-level packages only, after its dependencies). */
    public boolean isRelease() {
        return this == KOJI_BUILD || this == BODHI_UPDATE || this == PROPOSE_DOWNSTREAM
                || this == UPSTREAM_KOJI_BUILD;
    }

    @Override
    public String toString() {
        return key();
    }
}
