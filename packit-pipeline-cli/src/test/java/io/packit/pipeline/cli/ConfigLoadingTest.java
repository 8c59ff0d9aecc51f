package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options every config-reading command shares: --release-table, --repository, and the stale-table warning. */
class ConfigLoadingTest {
    private static final String WITH_ALIAS = """
            specfile_path: hello.spec
            downstream_package_name: hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-all]
            """;

    @TempDir
    Path dir;

    @Test
    void shouldResolveAliasesWithTheGivenReleaseTableAndNotWarnWhenItIsCurrent() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var table = write("releases.txt", "date " + LocalDate.now() + "\n"
                + "fedora 44 f44 stable\nfedora 45 f45 stable\nfedora rawhide rawhide development\n");

        var run = CommandRun.of("plan", config.toString(), "--event", "pr", "--format", "json",
                "--release-table", table.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("copr_build:hello:pull_request").contains("fedora-44-x86_64")
                .contains("fedora-45-x86_64").contains("fedora-rawhide-x86_64").doesNotContain("fedora-43");
        assertThat(run.err()).doesNotContain("release table");
    }

    @Test
    void shouldWarnWhenAliasesResolveAgainstAStaleTable() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var table = write("releases.txt", "date 2020-01-01\nfedora 31 f31 stable\nfedora rawhide rawhide development\n");

        var run = CommandRun.of("render", config.toString(), "--release-table", table.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).startsWith("warning: the release table " + table + " dated 2020-01-01 is ")
                .contains("pass --release-table FILE");
    }

    @Test
    void shouldNotWarnWhenNoAliasIsUsed() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS.replace("fedora-all", "fedora-41-x86_64"));
        var table = write("releases.txt", "date 2020-01-01\nfedora 31 f31 stable\nfedora rawhide rawhide development\n");

        var run = CommandRun.of("plan", config.toString(), "--event", "pr", "--release-table", table.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("release table");
    }

    @Test
    void shouldNamePackagesAfterTheGivenRepository() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS.replace("downstream_package_name: hello\n", ""));

        var run = CommandRun.of("plan", config.toString(), "--event", "pr", "--repository", "greeter");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("srpm:greeter:pull_request");
    }

    @Test
    void shouldRefuseAReleaseTableThatIsNoFile() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);

        var run = CommandRun.of("validate", config.toString(), "--release-table", dir.resolve("missing.txt").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("release table " + dir.resolve("missing.txt") + " is not a file");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
