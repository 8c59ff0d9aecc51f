package io.packit.pipeline.bodhi;

import io.packit.pipeline.config.Release;
import io.packit.pipeline.config.ReleaseTable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bodhi's releases as a {@link ReleaseTable}, by the rules of fedora-distro-aliases' {@code get_distro_aliases}
 * (which Packit's {@code get_aliases} calls; fedora-distro-aliases@e6afcab {@code fedora_distro_aliases/__init__.py}
 * lines 41-106): releases named {@code ELN} and archived ones are left out; Fedora is {@code id_prefix}
 * {@code FEDORA}, EPEL {@code FEDORA-EPEL}, every other product is left out; by version, the highest Fedora is
 * Rawhide (branch {@code rawhide}), and the one below it, when Bodhi still calls its branch {@code rawhide} (the
 * days after branching), gets {@code f<version>}; {@code current} is stable, {@code pending} and {@code frozen} are
 * in development. An EPEL release's version is its name's ({@code EPEL-10.1} → {@code 10.1}, as Packit's
 * {@code namever}); a minor whose branch has no dot ({@code epel10}) leads.
 *
 * @param table   the table
 * @param entries every release of the answer, in Bodhi's order, with what it became
 * @param pages   how many pages Bodhi's answer took
 */
public record BodhiReleaseTable(ReleaseTable table, List<Entry> entries, int pages) {
    private static final Pattern EPEL_NAME = Pattern.compile("EPEL-(\\d+(\\.\\d+)?)", Pattern.CASE_INSENSITIVE);

    public BodhiReleaseTable {
        Objects.requireNonNull(table, "table");
        entries = List.copyOf(entries);
    }

    /**
     * One release of Bodhi's answer.
     *
     * @param release what Bodhi said
     * @param row     the table row it became; empty when it was left out
     * @param note    why it was left out, or what is special about its row; empty otherwise
     */
    public record Entry(BodhiRelease release, Optional<Release> row, String note) {
        public Entry {
            Objects.requireNonNull(release, "release");
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(note, "note");
        }

        /** One line: Bodhi's name and state, then the row or why there is none. */
        public String line() {
            var head = "%-10s %-8s ".formatted(release.name(), release.state());
            var text = row.map(r -> head + "-> " + r.distro() + " " + r.version() + " " + r.branch() + " "
                    + (r.stable() ? "stable" : "development")).orElse(head + "left out");
            return note.isEmpty() ? text : text + " (" + note + ")";
        }
    }

    /**
     * Reads Bodhi now and derives the table, named {@code Bodhi <url>, read <instant>} and dated that day (UTC).
     *
     * @throws BodhiApiException when Bodhi failed or its answer is not the documented one
     */
    public static BodhiReleaseTable read(BodhiClient bodhi, Clock clock) {
        var answer = bodhi.activeReleases();
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return of(answer, "Bodhi " + bodhi.url() + ", read " + now, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /**
     * Derives the table from Bodhi's answer.
     *
     * @param answer what {@link BodhiClient#activeReleases()} read
     * @param source how outputs name the table
     * @param date   the day of the answer
     * @return the table and what became of each release
     * @throws IllegalArgumentException when the answer holds no Fedora release
     */
    public static BodhiReleaseTable of(BodhiClient.Answer answer, String source, LocalDate date) {
        var releases = answer.releases();
        var entries = new Entry[releases.size()];
        var fedora = new ArrayList<Integer>();
        for (int i = 0; i < releases.size(); i++) {
            var release = releases.get(i);
            if (release.isAliasedFedora()) {
                fedora.add(i);
            } else if (release.isAliasedEpel()) {
                entries[i] = epel(release);
            } else {
                entries[i] = new Entry(release, Optional.empty(), whyLeftOut(release));
            }
        }
        if (fedora.isEmpty()) {
            throw new IllegalArgumentException("Bodhi " + answer.url() + " answered no Fedora release");
        }
        // Packit sorts by float(version); Fedora versions are whole numbers
        fedora.sort(Comparator.comparingDouble(i -> Double.parseDouble(releases.get(i).version())));
        for (int rank = 0; rank < fedora.size(); rank++) {
            var release = releases.get(fedora.get(rank));
            var stable = "current".equals(release.state());
            Entry entry;
            if (rank == fedora.size() - 1) {
                entry = new Entry(release, Optional.of(new Release("fedora", "rawhide", "rawhide", stable)),
                        "the highest Fedora is Rawhide");
            } else if (rank == fedora.size() - 2 && "rawhide".equals(release.branch())) {
                entry = new Entry(release, Optional.of(new Release("fedora", release.version(),
                        "f" + release.version(), stable)), "just branched: Bodhi still says branch rawhide");
            } else {
                entry = new Entry(release, Optional.of(new Release("fedora", release.version(), release.branch(),
                        stable)), "");
            }
            entries[fedora.get(rank)] = entry;
        }
        var ordered = List.of(entries);
        var rows = ordered.stream().flatMap(entry -> entry.row().stream()).toList();
        return new BodhiReleaseTable(ReleaseTable.of(source, date, rows), ordered, answer.pages());
    }

    private static Entry epel(BodhiRelease release) {
        var name = EPEL_NAME.matcher(release.name());
        if (!name.matches()) {
            return new Entry(release, Optional.empty(), "an EPEL name that is not EPEL-<version>");
        }
        var row = new Release("epel", name.group(1), release.branch(), "current".equals(release.state()));
        if (row.minor() < 0) {
            return new Entry(release, Optional.of(row), "");
        }
        return new Entry(release, Optional.of(row), row.isLeadingMinor() ? "leads: " + row.chrootBase()
                : "trails: " + row.chrootBase());
    }

    private static String whyLeftOut(BodhiRelease release) {
        if ("ELN".equals(release.name())) {
            return "Packit keeps ELN out of the aliases; fedora-eln is always known";
        }
        if ("archived".equals(release.state())) {
            return "archived";
        }
        if (BodhiRelease.FEDORA.equals(release.idPrefix())) {
            return "version '" + release.version() + "' is not a whole number";
        }
        return "id_prefix " + release.idPrefix() + " is neither Fedora nor EPEL";
    }

    /** How many table rows each distribution got: {@code fedora → 5, epel → 4}. */
    public Map<String, Long> counts() {
        var counts = new LinkedHashMap<String, Long>();
        for (var release : table.releases()) {
            counts.merge(release.distro().toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
        return counts;
    }
}
