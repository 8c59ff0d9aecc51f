package io.packit.pipeline.config;

import java.util.Objects;

/**
 * One Fedora or EPEL release of a {@link ReleaseTable}.
 *
 * @param distro  {@code fedora} or {@code epel}
 * @param version {@code 43}, {@code rawhide}, {@code 10.1}
 * @param branch  the dist-git branch: {@code f43}, {@code rawhide}, {@code epel10}, {@code epel10.0}
 * @param stable  released (Bodhi "current"); otherwise in development (branched or rawhide)
 */
public record Release(String distro, String version, String branch, boolean stable) {
    public Release {
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(branch, "branch");
    }

    /** Whether this is Fedora Rawhide. */
    public boolean isRawhide() {
        return "rawhide".equals(version);
    }

    /** The major version ({@code 10} for {@code 10.1}; {@code -1} for rawhide). */
    public int major() {
        var head = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        try {
            return Integer.parseInt(head);
        } catch (NumberFormatException rawhide) {
            return -1;
        }
    }

    /** The minor version, or -1 when there is none. */
    public int minor() {
        if (!version.contains(".")) {
            return -1;
        }
        try {
            return Integer.parseInt(version.substring(version.indexOf('.') + 1));
        } catch (NumberFormatException notNumeric) {
            return -1;
        }
    }

    /** For EPEL minors: whether this minor is the leading one (its branch is {@code epelN}). */
    public boolean isLeadingMinor() {
        return minor() < 0 || branch.equals("epel" + major());
    }

    /** The name-version users write and Packit matches: {@code fedora-43}, {@code fedora-rawhide}, {@code epel-10.0}. */
    public String nameVersion() {
        if ("epel".equals(distro) && minor() >= 0 && isLeadingMinor()) {
            return "epel-" + major();
        }
        return distro + "-" + version;
    }

    /** The Copr chroot without arch: {@code fedora-43}, {@code epel-10}, {@code rhel+epel-10} for trailing EPEL minors. */
    public String chrootBase() {
        if ("epel".equals(distro) && minor() >= 0) {
            return isLeadingMinor() ? "epel-" + major() : "rhel+epel-" + major();
        }
        return distro + "-" + version;
    }
}
