package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Copr build (one chroot of it) that Testing Farm installs before the tests: a {@code fedora-copr-build}
 * artifact whose id is {@code "<build id>:<chroot>"}.
 *
 * @param buildId     the Copr build id
 * @param chroot      the Copr chroot the build ran in ({@code epel-9-x86_64}, even when tested on CentOS Stream)
 * @param coprProject {@code owner/project} of the build, or {@code null} when unknown (fills {@code PACKIT_COPR_PROJECT})
 * @param packages    NEVRAs of the built binary RPMs (informational for Testing Farm, fills {@code PACKIT_COPR_RPMS})
 */
public record CoprBuildArtifact(long buildId, String chroot, @CheckForNull String coprProject, List<String> packages) {
    /** Validates the id and chroot. */
    public CoprBuildArtifact {
        if (buildId <= 0) {
            throw new IllegalArgumentException("a Copr build id is positive, got " + buildId);
        }
        Objects.requireNonNull(chroot, "chroot");
        TestTarget.parse(chroot);
        packages = List.copyOf(Objects.requireNonNull(packages, "packages"));
    }

    /** The build {@code buildId} in {@code chroot}, with no more known about it. */
    public static CoprBuildArtifact of(long buildId, String chroot) {
        return new CoprBuildArtifact(buildId, chroot, null, List.of());
    }

    /**
     * Parses the command-line form {@code <build id>:<chroot>} (the artifact id Testing Farm uses).
     */
    public static CoprBuildArtifact parse(String idAndChroot) {
        Objects.requireNonNull(idAndChroot, "idAndChroot");
        int colon = idAndChroot.indexOf(':');
        if (colon <= 0 || colon == idAndChroot.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + idAndChroot + "' is not a Copr build of the form <build id>:<chroot> (e.g. 8123456:fedora-41-x86_64)");
        }
        long id;
        try {
            id = Long.parseLong(idAndChroot.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + idAndChroot + "' is not a Copr build of the form <build id>:<chroot>: '"
                            + idAndChroot.substring(0, colon) + "' is not a build id", e);
        }
        return of(id, idAndChroot.substring(colon + 1));
    }

    /** The artifact id Testing Farm expects: {@code "<build id>:<chroot>"}. */
    public String artifactId() {
        return buildId + ":" + chroot;
    }

    /** The Copr project, when known. */
    public Optional<String> optionalCoprProject() {
        return Optional.ofNullable(coprProject);
    }
}
