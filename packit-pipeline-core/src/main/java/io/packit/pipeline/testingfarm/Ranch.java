package io.packit.pipeline.testingfarm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Testing Farm infrastructure. The ranch is decided by the API key, not by the URL; it fixes which
 * architectures exist, how EPEL chroots are tested and how distros are spelled as composes.
 */
public enum Ranch {
    /** The public ranch (Fedora infrastructure and AWS). */
    PUBLIC("public", List.of("x86_64", "aarch64")),
    /** The Red Hat internal ranch. */
    REDHAT("redhat", List.of("x86_64", "aarch64", "ppc64le", "s390x"));

    private static final Pattern EPEL = Pattern.compile("epel-(\\d+)(?:\\.(\\d+))?");
    private static final Pattern FEDORA_NUMBERED = Pattern.compile("Fedora-(\\d+)");
    private static final Pattern RHEL_6_OR_7 = Pattern.compile("RHEL-([67])");

    private final String id;
    private final List<String> arches;

    Ranch(String id, List<String> arches) {
        this.id = id;
        this.arches = arches;
    }

    /** The ranch's name in Testing Farm's API ({@code public}, {@code redhat}). */
    public String id() {
        return id;
    }

    /** The architectures this ranch provisions, in the order Testing Farm lists them. */
    public List<String> arches() {
        return arches;
    }

    /** Whether this ranch provisions machines of {@code arch}. */
    public boolean offersArch(String arch) {
        return arches.contains(arch);
    }

    /** The ranch named {@code id} ({@code public} or {@code redhat}, any case). */
    public static Ranch fromId(String id) {
        for (Ranch ranch : values()) {
            if (ranch.id.equalsIgnoreCase(id)) {
                return ranch;
            }
        }
        throw new IllegalArgumentException("unknown Testing Farm ranch '" + id + "' (expected one of: public, redhat)");
    }

    /**
     * The distro that tests a build made in the Copr chroot distro {@code buildDistro} (a chroot without its
     * arch): EPEL builds are tested on CentOS Stream (or RHEL on the Red Hat ranch), others on themselves.
     */
    public String testDistro(String buildDistro) {
        Matcher epel = EPEL.matcher(buildDistro);
        if (!epel.matches()) {
            return buildDistro;
        }
        int major = Integer.parseInt(epel.group(1));
        String minor = epel.group(2);
        if (this == PUBLIC) {
            if (major <= 7) {
                return "centos-" + major;
            }
            return "centos-stream-" + major;
        }
        if (minor != null && major >= 10) {
            return "rhel-" + major + "." + minor + "-nightly";
        }
        if (major <= 8) {
            return "rhel-" + major;
        }
        return "centos-stream-" + major;
    }

    /**
     * The compose name Testing Farm knows {@code distro} by: each dash-separated part title-cased, then
     * Testing Farm's spellings ({@code CentOS}, {@code RHEL}, {@code Oracle-Linux}, {@code latest}, {@code eln}),
     * then, on the Red Hat ranch, its own compose names ({@code Fedora-Rawhide-Nightly}, {@code Fedora-41-Updated}, …).
     */
    public String compose(String distro) {
        String compose = titleCase(distro)
                .replace("Centos", "CentOS")
                .replace("Rhel", "RHEL")
                .replace("Oraclelinux", "Oracle-Linux")
                .replace("Latest", "latest")
                .replace("Eln", "eln");
        if (compose.equals("CentOS-Stream")) {
            compose = "CentOS-Stream-8";
        }
        return this == REDHAT ? redhatCompose(compose) : compose;
    }

    private static String redhatCompose(String compose) {
        if (compose.equals("Fedora-Rawhide")) {
            return "Fedora-Rawhide-Nightly";
        }
        if (FEDORA_NUMBERED.matcher(compose).matches()) {
            return compose + "-Updated";
        }
        if (compose.equals("CentOS-7") || compose.equals("CentOS-8")) {
            return compose + "-latest";
        }
        if (RHEL_6_OR_7.matcher(compose).matches()) {
            return compose + "-LatestReleased";
        }
        if (compose.equals("RHEL-8")) {
            return "RHEL-8.5.0-Nightly";
        }
        if (compose.equals("Oracle-Linux-7")) {
            return "Oracle-Linux-7.9";
        }
        if (compose.equals("Oracle-Linux-8")) {
            return "Oracle-Linux-8.6";
        }
        return compose;
    }

    /** Python's {@code str.title()}: a letter after a non-letter is upper case, every other letter lower case. */
    static String titleCase(String text) {
        var result = new StringBuilder(text.length());
        boolean previousIsLetter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                result.append(previousIsLetter ? Character.toLowerCase(c) : Character.toUpperCase(c));
                previousIsLetter = true;
            } else {
                result.append(c);
                previousIsLetter = false;
            }
        }
        return result.toString();
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
