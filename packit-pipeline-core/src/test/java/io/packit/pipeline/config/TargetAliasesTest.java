package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.diag.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Target aliases resolve offline against the release table, as Packit's aliases do (packit-config.md §2). */
class TargetAliasesTest {
    private static final String TABLE = """
            date 2026-05-01
            fedora 42 f42 stable
            fedora 43 f43 stable
            fedora 44 f44 development
            fedora rawhide rawhide development
            epel 8 epel8 stable
            epel 9 epel9 stable
            epel 10.2 epel10 stable
            epel 10.1 epel10.1 stable
            """;

    private final TargetAliases aliases = new TargetAliases(ReleaseTable.parse("table.txt", TABLE));

    @Test
    void shouldResolveFedoraAliases() {
        assertThat(aliases.chroots("fedora-all")).containsExactly(
                "fedora-42-x86_64", "fedora-43-x86_64", "fedora-44-x86_64", "fedora-rawhide-x86_64");
        assertThat(aliases.chroots("fedora-stable")).containsExactly("fedora-42-x86_64", "fedora-43-x86_64");
        assertThat(aliases.chroots("fedora-development")).containsExactly("fedora-44-x86_64", "fedora-rawhide-x86_64");
        assertThat(aliases.chroots("fedora-branched")).containsExactly("fedora-42-x86_64", "fedora-43-x86_64", "fedora-44-x86_64");
        assertThat(aliases.chroots("fedora-latest")).containsExactly("fedora-44-x86_64");
        assertThat(aliases.chroots("fedora-latest-stable")).containsExactly("fedora-43-x86_64");
        assertThat(aliases.chroots("fedora-rawhide")).containsExactly("fedora-rawhide-x86_64");
        assertThat(aliases.chroots("rawhide")).containsExactly("fedora-rawhide-x86_64");
        assertThat(aliases.chroots("f43")).containsExactly("fedora-43-x86_64");
        assertThat(aliases.chroots("fedora-eln")).containsExactly("fedora-eln-x86_64");
    }

    @Test
    void shouldResolveEpelAliasesWithMinorVersions() {
        assertThat(aliases.chroots("epel-all")).containsExactly(
                "epel-8-x86_64", "epel-9-x86_64", "rhel+epel-10-x86_64", "epel-10-x86_64");
        assertThat(aliases.chroots("epel-9")).containsExactly("epel-9-x86_64");
        assertThat(aliases.chroots("epel9")).containsExactly("epel-9-x86_64");
        assertThat(aliases.chroots("epel-10")).containsExactly("epel-10-x86_64");
        assertThat(aliases.chroots("epel-10-branched")).containsExactly("rhel+epel-10-x86_64");
        assertThat(aliases.chroots("epel-10-all")).containsExactly("rhel+epel-10-x86_64", "epel-10-x86_64");
    }

    @Test
    void shouldSplitTheArchAndPassUnknownNamesThrough() {
        assertThat(aliases.chroots("fedora-stable-aarch64")).containsExactly("fedora-42-aarch64", "fedora-43-aarch64");
        assertThat(aliases.chroots("epel-9-ppc64le")).containsExactly("epel-9-ppc64le");
        assertThat(aliases.chroots("centos-stream-9")).containsExactly("centos-stream-9-x86_64");
        assertThat(aliases.chroots("opensuse-tumbleweed-s390x")).containsExactly("opensuse-tumbleweed-s390x");
        assertThat(aliases.isKnown("fedora-all-i386")).isTrue();
        assertThat(aliases.isKnown("centos-stream-9")).isFalse();
    }

    @Test
    void shouldResolveWrittenTargetsInAStableOrderKeepingTheFirstOptions() {
        var written = new LinkedHashMap<String, TargetOptions>();
        var distros = new TargetOptions(List.of("fedora-43"), List.of(), List.of(), "", List.of(), List.of());
        written.put("fedora-latest-stable", distros);
        written.put("fedora-stable", TargetOptions.NONE);

        var chroots = aliases.resolve(written);

        assertThat(chroots.keySet()).containsExactly("fedora-43-x86_64", "fedora-42-x86_64");
        assertThat(chroots.get("fedora-43-x86_64")).isEqualTo(distros);
        assertThat(chroots.get("fedora-42-x86_64")).isEqualTo(TargetOptions.NONE);
    }

    @Test
    void shouldMapDistGitBranchAliasesToBranches() {
        assertThat(aliases.distGitBranches("fedora-all")).containsExactly("f42", "f43", "f44", "main");
        assertThat(aliases.distGitBranches("epel-10-all")).containsExactly("epel10.1", "epel10");
        assertThat(aliases.distGitBranches("fedora-branched")).containsExactly("f42", "f43", "f44");
        assertThat(aliases.distGitBranches("my-branch")).containsExactly("my-branch");
    }

    @Test
    void shouldShipADatedReleaseTable() {
        var bundled = ReleaseTable.bundled();

        assertThat(bundled.date()).isEqualTo(LocalDate.of(2025, 11, 15));
        assertThat(bundled.releasesOf("fedora")).extracting(Release::version).containsExactly("41", "42", "43", "rawhide");
        assertThat(TargetAliases.bundled().chroots("fedora-all")).containsExactly(
                "fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64", "fedora-rawhide-x86_64");
    }

    @Test
    void shouldLoadAUserTableAndReportItsErrorsByLine(@TempDir Path directory) throws IOException {
        var good = directory.resolve("releases.txt");
        Files.writeString(good, TABLE);
        assertThat(ReleaseTable.load(good).date()).isEqualTo(LocalDate.of(2026, 5, 1));

        var bad = directory.resolve("bad.txt");
        Files.writeString(bad, "# comment\ndate 2026-13-01\nfedora 44 f44 stable\nubuntu 24.04 noble stable\n");
        assertThatThrownBy(() -> ReleaseTable.load(bad))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(bad + ":2:1: error: invalid date '2026-13-01' (expected YYYY-MM-DD)\n"
                        + bad + ":4:1: error: expected 'date YYYY-MM-DD' or '<fedora|epel> <version> <branch> "
                        + "<stable|development>', got 'ubuntu 24.04 noble stable'");
    }
}
