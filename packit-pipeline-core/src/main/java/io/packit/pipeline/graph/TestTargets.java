package io.packit.pipeline.graph;

import io.packit.pipeline.config.TargetOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps a build chroot to the Testing Farm targets that test it, as packit-service does: the tests job's
 * {@code distros} for that chroot when given (one target per distro, {@code <distro>-<arch>}); else EPEL chroots
 * map to their CentOS (public ranch) or RHEL (internal ranch) counterpart; else the chroot itself.
 */
final class TestTargets {
    private static final Set<String> ARCHES = Set.of("x86_64", "aarch64", "ppc64le", "s390x", "i386", "armhfp");

    private TestTargets() {
    }

    /** The Testing Farm targets for {@code chroot} under the tests job's options for it. */
    static List<String> of(String chroot, TargetOptions options, boolean internalRanch) {
        var dash = chroot.lastIndexOf('-');
        var arch = dash < 0 ? "x86_64" : chroot.substring(dash + 1);
        var distro = dash < 0 || !ARCHES.contains(arch) ? chroot : chroot.substring(0, dash);
        if (!ARCHES.contains(arch)) {
            arch = "x86_64";
        }
        if (!options.distros().isEmpty()) {
            var targets = new ArrayList<String>();
            for (var given : options.distros()) {
                var givenDash = given.lastIndexOf('-');
                var hasArch = givenDash >= 0 && ARCHES.contains(given.substring(givenDash + 1));
                var target = hasArch ? given : given + "-" + arch;
                if (!targets.contains(target)) {
                    targets.add(target);
                }
            }
            return List.copyOf(targets);
        }
        return List.of(mapDistro(distro, internalRanch) + "-" + arch);
    }

    /**
     * The build chroot among {@code buildChroots} whose default test target is {@code testTarget}, as Packit maps a
     * tests job's target back to a build ({@code centos-stream-9-x86_64} ← {@code epel-9-x86_64}); empty if none.
     */
    static java.util.Optional<String> buildChrootFor(String testTarget, List<String> buildChroots, boolean internalRanch) {
        return buildChroots.stream()
                .filter(chroot -> of(chroot, TargetOptions.NONE, internalRanch).get(0).equals(testTarget))
                .findFirst();
    }

    private static String mapDistro(String distro, boolean internalRanch) {
        if (distro.startsWith("centos-stream+epel-next-")) {
            return "centos-stream-" + distro.substring("centos-stream+epel-next-".length());
        }
        if (distro.startsWith("rhel+epel-")) {
            var version = distro.substring("rhel+epel-".length());
            var major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
            return internalRanch ? "rhel-" + version : "centos-stream-" + major;
        }
        if (!distro.startsWith("epel-")) {
            return distro;
        }
        var version = distro.substring("epel-".length());
        var major = version.contains(".") ? version.substring(0, version.indexOf('.')) : version;
        if (internalRanch) {
            return switch (major) {
                case "6", "7", "8" -> "rhel-" + major;
                default -> "centos-stream-" + major;
            };
        }
        return switch (major) {
            case "6", "7" -> "centos-" + major;
            default -> "centos-stream-" + major;
        };
    }
}
