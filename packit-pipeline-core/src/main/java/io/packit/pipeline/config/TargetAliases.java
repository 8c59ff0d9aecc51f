package io.packit.pipeline.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves Packit target and branch aliases offline against a {@link ReleaseTable} (packit-config.md §2):
 * {@code fedora-all}, {@code fedora-stable}, {@code fedora-development}, {@code fedora-latest},
 * {@code fedora-latest-stable}, {@code fedora-branched}, {@code epel-all}, {@code epel-N},
 * {@code epel-N-branched}, {@code epel-N-all}, and single releases by name-version or branch
 * ({@code fedora-rawhide}, {@code fedora-43}, {@code f43}, {@code rawhide}, {@code epel9}). Unknown names pass
 * through unchanged, as in Packit.
 */
public final class TargetAliases {
    /** The architectures a target may end in; without one, {@code x86_64}. */
    public static final List<String> ARCHITECTURES = List.of("aarch64", "armhfp", "i386", "ppc64le", "s390x", "x86_64");
    /** The architecture of a target that names none. */
    public static final String DEFAULT_ARCH = "x86_64";
    /** The alias used when nothing is configured. */
    public static final String DEFAULT_ALIAS = "fedora-stable";

    private static final Pattern EPEL_MAJOR_ALIAS = Pattern.compile("epel-(\\d+)(-branched|-all)?");
    private static final Pattern DEPRECATED_CENTOS_STREAM = Pattern.compile("centos-stream-(" + String.join("|", ARCHITECTURES) + ")");

    private final ReleaseTable table;

    /** Aliases resolved against {@code table}. */
    public TargetAliases(ReleaseTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Aliases resolved against the table shipped in core. */
    public static TargetAliases bundled() {
        return new TargetAliases(ReleaseTable.bundled());
    }

    /** The table used. */
    public ReleaseTable table() {
        return table;
    }

    /**
     * The Copr chroots a target stands for: {@code fedora-all} → {@code fedora-41-x86_64, …, fedora-rawhide-x86_64},
     * {@code epel-9-aarch64} → {@code epel-9-aarch64}; an unknown name gets the default arch appended when it has
     * none ({@code centos-stream-9} → {@code centos-stream-9-x86_64}).
     */
    public List<String> chroots(String target) {
        Objects.requireNonNull(target, "target");
        var arch = DEFAULT_ARCH;
        var name = target;
        int dash = target.lastIndexOf('-');
        if (dash > 0 && ARCHITECTURES.contains(target.substring(dash + 1))) {
            arch = target.substring(dash + 1);
            name = target.substring(0, dash);
        }
        var chroots = new LinkedHashSet<String>();
        var releases = releases(name);
        if (releases.isEmpty()) {
            chroots.add(name + "-" + arch);
        } else {
            for (var release : releases) {
                chroots.add(release.chrootBase() + "-" + arch);
            }
        }
        return List.copyOf(chroots);
    }

    /**
     * The dist-git branches an entry of {@code dist_git_branches} stands for: {@code fedora-all} →
     * {@code f41, f42, f43, main} (Rawhide is the default branch {@code main}, as in Packit); unknown names unchanged.
     */
    public List<String> distGitBranches(String name) {
        Objects.requireNonNull(name, "name");
        var releases = releases(name);
        if (releases.isEmpty()) {
            return List.of(name);
        }
        return releases.stream().map(release -> release.isRawhide() ? "main" : release.branch()).distinct().toList();
    }

    /**
     * The dist-git branches an entry of {@code dist_git_branches} stands for, with their Koji build tags
     * ({@link ReleaseBranch}): {@code fedora-all} → {@code f41 (f41-build), …, rawhide (f44-build)}. Rawhide is the
     * branch {@code rawhide}, Fedora dist-git's default branch, which Packit's command line uses for it; its build tag
     * takes the version one above the highest numbered Fedora of the table. A name the table does not know stands for
     * itself ({@link ReleaseBranch#named}).
     */
    public List<ReleaseBranch> releaseBranches(String name) {
        Objects.requireNonNull(name, "name");
        var releases = releases(name);
        if (releases.isEmpty()) {
            return List.of(ReleaseBranch.named(name));
        }
        var rawhideVersion = table.releasesOf("fedora").stream().mapToInt(Release::major).max().orElse(-1) + 1;
        var branches = new LinkedHashMap<String, ReleaseBranch>();
        for (var release : releases) {
            String tag;
            if (release.isRawhide()) {
                tag = rawhideVersion > 0 ? "f" + rawhideVersion + "-build" : "";
            } else if ("fedora".equals(release.distro()) && release.major() > 0) {
                tag = "f" + release.version() + "-build";
            } else if ("epel".equals(release.distro())) {
                tag = "epel" + release.version() + "-build";
            } else {
                tag = release.branch() + "-build";
            }
            branches.putIfAbsent(release.branch(), new ReleaseBranch(release.branch(), tag));
        }
        return List.copyOf(branches.values());
    }

    /** Whether {@code target} (arch suffix allowed) is an alias or a release of the table. */
    public boolean isKnown(String target) {
        int dash = target.lastIndexOf('-');
        var name = dash > 0 && ARCHITECTURES.contains(target.substring(dash + 1)) ? target.substring(0, dash) : target;
        return !releases(name).isEmpty();
    }

    /** For deprecated target names ({@code centos-stream-x86_64}), the name to write instead. */
    public Optional<String> replacementForDeprecated(String target) {
        var matcher = DEPRECATED_CENTOS_STREAM.matcher(target);
        return matcher.matches() ? Optional.of("centos-stream-8-" + matcher.group(1)) : Optional.empty();
    }

    /**
     * Resolves written targets (aliases, options) into chroots in a stable order: written order, each alias in
     * table order; a chroot produced twice keeps the options of its first entry.
     */
    public Map<String, TargetOptions> resolve(Map<String, TargetOptions> written) {
        var chroots = new LinkedHashMap<String, TargetOptions>();
        written.forEach((target, options) -> {
            var effectiveTarget = replacementForDeprecated(target).orElse(target);
            for (var chroot : chroots(effectiveTarget)) {
                chroots.putIfAbsent(chroot, options);
            }
        });
        return chroots;
    }

    /** The releases a name (alias, name-version or branch, without arch) stands for; empty when unknown. */
    public List<Release> releases(String name) {
        var fedora = table.releasesOf("fedora");
        var epel = table.releasesOf("epel");
        switch (name) {
            case "fedora-all":
                return fedora;
            case "fedora-stable":
                return select(fedora, Release::stable);
            case "fedora-development":
                return select(fedora, release -> !release.stable());
            case "fedora-branched":
                return select(fedora, release -> !release.isRawhide());
            case "fedora-latest":
                return last(select(fedora, release -> !release.isRawhide()));
            case "fedora-latest-stable":
                return last(select(fedora, release -> release.stable() && !release.isRawhide()));
            case "epel-all":
                return epel;
            case "fedora-eln":
            case "eln":
                return List.of(new Release("fedora", "eln", "eln", false));
            default:
                break;
        }
        var epelAlias = EPEL_MAJOR_ALIAS.matcher(name);
        if (epelAlias.matches()) {
            int major = Integer.parseInt(epelAlias.group(1));
            var ofMajor = select(epel, release -> release.major() == major);
            var hasMinors = ofMajor.stream().anyMatch(release -> release.minor() >= 0);
            if (hasMinors) {
                if ("-all".equals(epelAlias.group(2))) {
                    return ofMajor;
                }
                if ("-branched".equals(epelAlias.group(2))) {
                    return select(ofMajor, release -> !release.isLeadingMinor());
                }
                return select(ofMajor, Release::isLeadingMinor);
            }
            if (epelAlias.group(2) == null) {
                return ofMajor;
            }
        }
        var matching = new ArrayList<Release>();
        for (var release : table.releases()) {
            if (release.nameVersion().equals(name) || release.branch().equals(name)
                    || (release.distro() + "-" + release.version()).equals(name)) {
                matching.add(release);
            }
        }
        return List.copyOf(matching);
    }

    private static List<Release> select(List<Release> releases, Predicate<Release> condition) {
        return releases.stream().filter(condition).toList();
    }

    private static List<Release> last(List<Release> releases) {
        return releases.isEmpty() ? List.of() : List.of(releases.get(releases.size() - 1));
    }
}
