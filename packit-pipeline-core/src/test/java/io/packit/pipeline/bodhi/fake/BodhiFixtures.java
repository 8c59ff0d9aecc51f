package io.packit.pipeline.bodhi.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * Bodhi release lists for the fake, shaped like fedora.bodhi's answers (names, long names, id prefixes, branches and
 * dist tags as Bodhi has them for F43..F47, EPEL 8..10.3, ELN, containers, flatpaks, EPEL Next).
 */
public final class BodhiFixtures {
    private BodhiFixtures() {
    }

    /**
     * Between branching and release: F44 and F45 current, F46 branched and frozen, F47 is Rawhide (Bodhi says branch
     * {@code rawhide}); EPEL 8, 9, minors 10.1 and 10.2 trailing and 10.3 leading (branch {@code epel10}, pending);
     * ELN; F43, EPEL 10.0, EPEL 7 and EL-6 archived; F48 created but disabled. 19 releases are in the states Packit
     * asks for.
     */
    public static List<FakeBodhi.Release> steady() {
        var releases = new ArrayList<FakeBodhi.Release>();
        releases.add(epel("EL-6", "6", "el6", "archived", "dist-6E-epel"));
        releases.add(new FakeBodhi.Release("ELN", "Fedora ELN", "eln", "FEDORA", "eln", "pending", "eln"));
        releases.add(epel("EPEL-7", "7", "epel7", "archived", "epel7"));
        releases.add(epel("EPEL-8", "8", "epel8", "current", "epel8"));
        releases.add(epel("EPEL-9", "9", "epel9", "current", "epel9"));
        releases.add(new FakeBodhi.Release("EPEL-9N", "Fedora EPEL 9 Next", "9", "FEDORA-EPEL-NEXT", "epel9-next",
                "current", "epel9-next"));
        releases.add(epel("EPEL-10.0", "10.0", "epel10.0", "archived", "epel10.0"));
        releases.add(epel("EPEL-10.1", "10.1", "epel10.1", "current", "epel10.1"));
        releases.add(epel("EPEL-10.2", "10.2", "epel10.2", "current", "epel10.2"));
        releases.add(epel("EPEL-10.3", "10.3", "epel10", "pending", "epel10.3"));
        fedora(releases, 43, "f43", "archived");
        fedora(releases, 44, "f44", "current");
        fedora(releases, 45, "f45", "current");
        fedora(releases, 46, "f46", "frozen");
        fedora(releases, 47, "rawhide", "pending");
        releases.add(new FakeBodhi.Release("F48", "Fedora 48", "48", "FEDORA", "f48", "disabled", "f48"));
        return List.copyOf(releases);
    }

    /**
     * The day after F47 branched: Bodhi still says F47's branch is {@code rawhide} and F48's {@code f48}; F45 and
     * F46 current; EPEL 10.3 created before its minor has a version of its own ({@code version} {@code 10}, as
     * Bodhi had EPEL-10.0 before 10.0 branched); ELN.
     */
    public static List<FakeBodhi.Release> branching() {
        var releases = new ArrayList<FakeBodhi.Release>();
        releases.add(new FakeBodhi.Release("ELN", "Fedora ELN", "eln", "FEDORA", "eln", "pending", "eln"));
        releases.add(epel("EPEL-9", "9", "epel9", "current", "epel9"));
        releases.add(epel("EPEL-10.2", "10.2", "epel10.2", "current", "epel10.2"));
        releases.add(epel("EPEL-10.3", "10", "epel10", "pending", "epel10.3"));
        fedora(releases, 45, "f45", "current");
        fedora(releases, 46, "f46", "current");
        fedora(releases, 47, "rawhide", "pending");
        fedora(releases, 48, "f48", "pending");
        return List.copyOf(releases);
    }

    private static FakeBodhi.Release epel(String name, String version, String branch, String state, String distTag) {
        return new FakeBodhi.Release(name, "Fedora EPEL " + name.substring(name.indexOf('-') + 1), version,
                "FEDORA-EPEL", branch, state, distTag);
    }

    private static void fedora(List<FakeBodhi.Release> into, int version, String branch, String state) {
        into.add(new FakeBodhi.Release("F" + version, "Fedora " + version, Integer.toString(version), "FEDORA", branch,
                state, "f" + version));
        into.add(new FakeBodhi.Release("F" + version + "C", "Fedora " + version + " Containers",
                Integer.toString(version), "FEDORA-CONTAINER", "f" + version, state, "f" + version + "-container"));
        into.add(new FakeBodhi.Release("F" + version + "F", "Fedora " + version + " Flatpaks",
                Integer.toString(version), "FEDORA-FLATPAK", "f" + version, state, "f" + version + "-flatpak"));
    }
}
