package io.packit.pipeline.testingfarm;

import java.util.Objects;

/**
 * Where a test runs: a distro (as tmt's context names it, {@code fedora-41}, {@code centos-stream-9}) and an
 * architecture. Written {@code <distro>-<arch>}, like a Copr chroot.
 *
 * @param distro the distro, e.g. {@code fedora-rawhide}
 * @param arch   the architecture, e.g. {@code aarch64}
 */
public record TestTarget(String distro, String arch) {
    /** Validates both parts. */
    public TestTarget {
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(arch, "arch");
        if (distro.isBlank() || arch.isBlank()) {
            throw new IllegalArgumentException("a test target needs a distro and an arch, got '" + distro + "-" + arch + "'");
        }
    }

    /** Splits {@code target} ({@code fedora-41-x86_64}) at its last dash into distro and arch. */
    public static TestTarget parse(String target) {
        Objects.requireNonNull(target, "target");
        int dash = target.lastIndexOf('-');
        if (dash <= 0 || dash == target.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + target + "' is not a chroot or test target of the form <distro>-<arch> (e.g. fedora-41-x86_64)");
        }
        return new TestTarget(target.substring(0, dash), target.substring(dash + 1));
    }

    @Override
    public String toString() {
        return distro + "-" + arch;
    }
}
