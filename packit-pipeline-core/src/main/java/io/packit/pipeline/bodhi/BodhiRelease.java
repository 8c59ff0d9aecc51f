package io.packit.pipeline.bodhi;

import java.util.Objects;

/**
 * One release of Bodhi's {@code GET /releases/} answer, with the fields Packit reads (Bodhi's {@code Release} model:
 * {@code name}, {@code long_name}, {@code version}, {@code id_prefix}, {@code branch}, {@code state},
 * {@code dist_tag}).
 *
 * @param name     {@code F43}, {@code EPEL-10.1}, {@code ELN}, {@code F43C}
 * @param longName {@code Fedora 43}, {@code Fedora EPEL 10.1}
 * @param version  {@code 43}, {@code 10.1}, {@code eln}
 * @param idPrefix {@code FEDORA}, {@code FEDORA-EPEL}, {@code FEDORA-CONTAINER}, ...
 * @param branch   the dist-git branch: {@code f43}, {@code rawhide}, {@code epel10}, {@code epel10.1}
 * @param state    {@code disabled}, {@code pending}, {@code frozen}, {@code current} or {@code archived}
 * @param distTag  {@code f43}, {@code epel10.1}
 */
public record BodhiRelease(String name, String longName, String version, String idPrefix, String branch, String state,
        String distTag) {
    /** Bodhi's {@code id_prefix} of Fedora releases. */
    public static final String FEDORA = "FEDORA";
    /** Bodhi's {@code id_prefix} of EPEL releases. */
    public static final String EPEL = "FEDORA-EPEL";

    public BodhiRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(longName, "longName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(idPrefix, "idPrefix");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(distTag, "distTag");
    }

    /**
     * Whether this is a Fedora release that aliases can name: {@code id_prefix} FEDORA, not ELN, not archived, a
     * whole-number version.
     */
    public boolean isAliasedFedora() {
        return FEDORA.equals(idPrefix) && !"ELN".equals(name) && !"archived".equals(state)
                && !version.isEmpty() && version.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Whether this is an EPEL release that aliases can name: {@code id_prefix} FEDORA-EPEL, not archived. */
    public boolean isAliasedEpel() {
        return EPEL.equals(idPrefix) && !"archived".equals(state);
    }
}
