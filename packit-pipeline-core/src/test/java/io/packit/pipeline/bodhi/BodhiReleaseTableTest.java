package io.packit.pipeline.bodhi;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.config.Release;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.config.TargetAliases;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.VirtualSleeper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * Bodhi's answer turned into the release table, and the aliases that table resolves, compared with Packit.
 *
 * <p>The expected expansions below are what Packit printed for the same fake Bodhi answers: Packit's
 * {@code get_build_targets} and {@code get_branches} (packit@69d783e8 {@code packit/config/aliases.py} lines 119-150
 * and 179-218, over {@code expand_aliases} lines 80-116 and {@code get_aliases} lines 42-77), which call
 * fedora-distro-aliases' {@code get_distro_aliases} (fedora-distro-aliases@e6afcab
 * {@code fedora_distro_aliases/__init__.py} lines 15-38 and 41-106), run with Python 3.11 against
 * {@link FakeBodhi} serving {@link BodhiFixtures#steady()} (7 releases a page, 3 pages) and
 * {@link BodhiFixtures#branching()}. Packit answers sets; they are compared as sets.
 */
class BodhiReleaseTableTest {
    private static final Map<String, List<String>> PACKIT_STEADY_CHROOTS = Map.ofEntries(
            Map.entry("fedora-all", List.of("fedora-44-x86_64", "fedora-45-x86_64", "fedora-46-x86_64",
                    "fedora-rawhide-x86_64")),
            Map.entry("fedora-stable", List.of("fedora-44-x86_64", "fedora-45-x86_64")),
            Map.entry("fedora-development", List.of("fedora-46-x86_64", "fedora-rawhide-x86_64")),
            Map.entry("fedora-latest", List.of("fedora-46-x86_64")),
            Map.entry("fedora-latest-stable", List.of("fedora-45-x86_64")),
            Map.entry("fedora-branched", List.of("fedora-44-x86_64", "fedora-45-x86_64", "fedora-46-x86_64")),
            Map.entry("epel-all", List.of("epel-10-x86_64", "epel-8-x86_64", "epel-9-x86_64", "rhel+epel-10-x86_64")),
            Map.entry("epel-10", List.of("epel-10-x86_64")),
            Map.entry("epel-10-all", List.of("epel-10-x86_64", "rhel+epel-10-x86_64")),
            Map.entry("epel-10-branched", List.of("rhel+epel-10-x86_64")),
            Map.entry("epel-9", List.of("epel-9-x86_64")),
            Map.entry("epel-10.1", List.of("rhel+epel-10-x86_64")),
            Map.entry("epel-10.2", List.of("rhel+epel-10-x86_64")),
            Map.entry("epel-10.3", List.of("epel-10-x86_64")),
            Map.entry("epel10", List.of("epel-10-x86_64")),
            Map.entry("fedora-rawhide", List.of("fedora-rawhide-x86_64")),
            Map.entry("rawhide", List.of("fedora-rawhide-x86_64")),
            Map.entry("fedora-eln", List.of("fedora-eln-x86_64")),
            Map.entry("f46", List.of("fedora-46-x86_64")),
            Map.entry("epel-9-all", List.of("epel-9-all-x86_64")));

    private static final Map<String, List<String>> PACKIT_STEADY_BRANCHES = Map.ofEntries(
            Map.entry("fedora-all", List.of("f44", "f45", "f46", "main")),
            Map.entry("fedora-stable", List.of("f44", "f45")),
            Map.entry("fedora-development", List.of("f46", "main")),
            Map.entry("fedora-latest", List.of("f46")),
            Map.entry("fedora-latest-stable", List.of("f45")),
            Map.entry("fedora-branched", List.of("f44", "f45", "f46")),
            Map.entry("epel-all", List.of("epel10", "epel10.1", "epel10.2", "epel8", "epel9")),
            Map.entry("epel-10", List.of("epel10")),
            Map.entry("epel-10-all", List.of("epel10", "epel10.1", "epel10.2")),
            Map.entry("epel-10-branched", List.of("epel10.1", "epel10.2")),
            Map.entry("epel-9", List.of("epel9")),
            Map.entry("epel-10.1", List.of("epel10.1")),
            Map.entry("epel-10.3", List.of("epel10")),
            Map.entry("rawhide", List.of("main")),
            Map.entry("fedora-eln", List.of("eln")),
            Map.entry("epel-9-all", List.of("epel-9-all")));

    private static final Map<String, List<String>> PACKIT_BRANCHING_CHROOTS = Map.ofEntries(
            Map.entry("fedora-all", List.of("fedora-45-x86_64", "fedora-46-x86_64", "fedora-47-x86_64",
                    "fedora-rawhide-x86_64")),
            Map.entry("fedora-stable", List.of("fedora-45-x86_64", "fedora-46-x86_64")),
            Map.entry("fedora-development", List.of("fedora-47-x86_64", "fedora-rawhide-x86_64")),
            Map.entry("fedora-latest", List.of("fedora-47-x86_64")),
            Map.entry("fedora-latest-stable", List.of("fedora-46-x86_64")),
            Map.entry("fedora-branched", List.of("fedora-45-x86_64", "fedora-46-x86_64", "fedora-47-x86_64")),
            Map.entry("epel-all", List.of("epel-10-x86_64", "epel-9-x86_64", "rhel+epel-10-x86_64")),
            Map.entry("epel-10", List.of("epel-10-x86_64")),
            Map.entry("epel-10-all", List.of("epel-10-x86_64", "rhel+epel-10-x86_64")),
            Map.entry("epel-10-branched", List.of("rhel+epel-10-x86_64")),
            Map.entry("epel-10.1", List.of("epel-10.1-x86_64")),
            Map.entry("epel-10.2", List.of("rhel+epel-10-x86_64")),
            Map.entry("epel-10.3", List.of("epel-10-x86_64")),
            Map.entry("f46", List.of("fedora-46-x86_64")));

    private static final Map<String, List<String>> PACKIT_BRANCHING_BRANCHES = Map.ofEntries(
            Map.entry("fedora-all", List.of("f45", "f46", "f47", "main")),
            Map.entry("fedora-development", List.of("f47", "main")),
            Map.entry("fedora-branched", List.of("f45", "f46", "f47")),
            Map.entry("epel-all", List.of("epel10", "epel10.2", "epel9")),
            Map.entry("epel-10.1", List.of("epel-10.1")));

    @Test
    void shouldResolveEveryAliasAsPackitDoesForTheSteadyAnswer() {
        var aliases = new TargetAliases(read(BodhiFixtures.steady(), 7).table());

        PACKIT_STEADY_CHROOTS.forEach((alias, chroots) -> assertThat(aliases.chroots(alias)).as(alias)
                .containsExactlyInAnyOrderElementsOf(chroots));
        PACKIT_STEADY_BRANCHES.forEach((alias, branches) -> assertThat(aliases.distGitBranches(alias)).as(alias)
                .containsExactlyInAnyOrderElementsOf(branches));
    }

    @Test
    void shouldResolveEveryAliasAsPackitDoesTheDayAfterBranching() {
        var aliases = new TargetAliases(read(BodhiFixtures.branching(), 20).table());

        PACKIT_BRANCHING_CHROOTS.forEach((alias, chroots) -> assertThat(aliases.chroots(alias)).as(alias)
                .containsExactlyInAnyOrderElementsOf(chroots));
        PACKIT_BRANCHING_BRANCHES.forEach((alias, branches) -> assertThat(aliases.distGitBranches(alias)).as(alias)
                .containsExactlyInAnyOrderElementsOf(branches));
    }

    @Test
    void shouldMakeTheHighestFedoraRawhideFrozenDevelopmentAndLeaveOutElnAndOtherProducts() {
        var read = read(BodhiFixtures.steady(), 7);

        assertThat(read.table().releases()).containsExactly(
                new Release("fedora", "44", "f44", true), new Release("fedora", "45", "f45", true),
                new Release("fedora", "46", "f46", false), new Release("fedora", "rawhide", "rawhide", false),
                new Release("epel", "8", "epel8", true), new Release("epel", "9", "epel9", true),
                new Release("epel", "10.1", "epel10.1", true), new Release("epel", "10.2", "epel10.2", true),
                new Release("epel", "10.3", "epel10", false));
        assertThat(read.table().date()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(read.table().source()).isEqualTo("Bodhi " + bodhiUrl + ", read 2027-02-20T09:30:00Z");
        assertThat(read.pages()).isEqualTo(3);
        assertThat(read.entries()).extracting(BodhiReleaseTable.Entry::line).contains(
                "ELN        pending  left out (Packit keeps ELN out of the aliases; fedora-eln is always known)",
                "EPEL-9N    current  left out (id_prefix FEDORA-EPEL-NEXT is neither Fedora nor EPEL)",
                "EPEL-10.3  pending  -> epel 10.3 epel10 development (leads: epel-10)",
                "EPEL-10.1  current  -> epel 10.1 epel10.1 stable (trails: rhel+epel-10)",
                "F46        frozen   -> fedora 46 f46 development",
                "F47        pending  -> fedora rawhide rawhide development (the highest Fedora is Rawhide)");
        assertThat(read.entries()).hasSize(19);
    }

    @Test
    void shouldGiveTheJustBranchedFedoraItsBranchAndEpelItsVersionFromTheName() {
        var read = read(BodhiFixtures.branching(), 20);

        assertThat(read.table().releasesOf("fedora")).containsExactly(new Release("fedora", "45", "f45", true),
                new Release("fedora", "46", "f46", true), new Release("fedora", "47", "f47", false),
                new Release("fedora", "rawhide", "rawhide", false));
        assertThat(read.table().releasesOf("epel")).contains(new Release("epel", "10.3", "epel10", false));
        assertThat(read.entries()).extracting(BodhiReleaseTable.Entry::line)
                .contains("F47        pending  -> fedora 47 f47 development (just branched: Bodhi still says branch "
                        + "rawhide)");
    }

    @Test
    void shouldLeaveOutArchivedReleasesABodhiReturnsDespiteTheStateFilter() {
        var answer = new BodhiClient.Answer("http://bodhi.example", List.of(
                new BodhiRelease("F43", "Fedora 43", "43", "FEDORA", "f43", "archived", "f43"),
                new BodhiRelease("F44", "Fedora 44", "44", "FEDORA", "f44", "current", "f44"),
                new BodhiRelease("F45", "Fedora 45", "45", "FEDORA", "rawhide", "pending", "f45"),
                new BodhiRelease("EPEL-7", "Fedora EPEL 7", "7", "FEDORA-EPEL", "epel7", "archived", "epel7")), 1);

        var read = BodhiReleaseTable.of(answer, "test", LocalDate.of(2026, 6, 1));

        assertThat(read.table().releases()).containsExactly(new Release("fedora", "44", "f44", true),
                new Release("fedora", "rawhide", "rawhide", false));
        assertThat(read.entries()).extracting(BodhiReleaseTable.Entry::line)
                .contains("F43        archived left out (archived)", "EPEL-7     archived left out (archived)");
    }

    @Test
    void shouldWriteATableTheParserReadsBack() {
        var table = read(BodhiFixtures.steady(), 20).table();

        var text = table.text(List.of("from the fake"));
        var back = ReleaseTable.parse("back.txt", text);

        assertThat(text).startsWith("# from the fake\ndate 2027-02-20\nfedora 44 f44 stable\n")
                .contains("\nfedora rawhide rawhide development\nepel 8 epel8 stable\n")
                .endsWith("epel 10.3 epel10 development\n");
        assertThat(back.releases()).isEqualTo(table.releases());
        assertThat(back.date()).isEqualTo(table.date());
    }

    private String bodhiUrl;

    private BodhiReleaseTable read(List<FakeBodhi.Release> releases, int rowsPerPage) {
        try (var bodhi = new FakeBodhi(releases).defaultRowsPerPage(rowsPerPage)) {
            bodhiUrl = bodhi.url();
            var client = new BodhiClient(new OkHttpClient(), bodhi.url(), RetryPolicy.none(), new VirtualSleeper());
            return BodhiReleaseTable.read(client, Clock.fixed(Instant.parse("2027-02-20T09:30:00.250Z"),
                    ZoneOffset.UTC));
        }
    }
}
