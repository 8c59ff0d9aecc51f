package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packit-pipeline validate}: problems GNU style or JSON, exit 0 valid, 3 invalid, 2 usage. */
class ValidateCommandTest {
    private static final String VALID = """
            specfile_path: foo.spec
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-all]
              - job: tests
                trigger: pull_request
                metadata:
                  targets: [fedora-stable]
            """;
    private static final String INVALID = """
            specfile_path: foo.spec
            jobs:
              - job: copr_build
                trigerr: pull_request
              - job: build
                trigger: commit
            """;

    @Test
    void shouldExitZeroAndPrintWarningsForAValidFile(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve(".packit.yaml"), VALID);

        var run = CommandRun.of("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(file + ":8:5: warning: 'metadata' in jobs[1] is deprecated; move its keys into the job itself\n"
                + file + ": valid: 1 package, 2 jobs, 1 warning\n");
    }

    @Test
    void shouldExitThreeAndPrintEveryProblemOfAnInvalidFile(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve("packit.yml"), INVALID);

        var run = CommandRun.of("validate", directory.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(run.out()).isEqualTo(
                file + ":3:5: error: jobs[0] has no 'trigger' key (expected one of: pull_request, commit, release, koji_build, ignore)\n"
                + file + ":4:5: error: unknown key 'trigerr' in jobs[0] (did you mean 'trigger'?)\n"
                + file + ":5:10: error: job type 'build' in jobs[1] was removed from Packit; use 'copr_build' instead\n"
                + file + ": invalid: 3 errors\n");
    }

    @Test
    void shouldPrintJsonForMachines(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve(".packit.yaml"), INVALID);

        var run = CommandRun.of("validate", "--format", "json", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(3);
        assertThat(json.get("problems").get(1).get("line").asInt()).isEqualTo(4);
        assertThat(json.get("problems").get(1).get("column").asInt()).isEqualTo(5);
        assertThat(json.get("problems").get(1).get("severity").asText()).isEqualTo("error");
        assertThat(json.get("problems").get(1).get("message").asText())
                .isEqualTo("unknown key 'trigerr' in jobs[0] (did you mean 'trigger'?)");
        assertThat(json.get("releaseTable").get("date").asText()).isEqualTo("2025-11-15");
    }

    @Test
    void shouldUseAGivenReleaseTable(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve(".packit.yaml"), VALID);
        var table = Files.writeString(directory.resolve("releases.txt"), "date 2027-04-01\nfedora 46 f46 stable\n");

        var run = CommandRun.of("validate", "--format", "json", "--release-table", table.toString(), file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).get("releaseTable").get("date").asText()).isEqualTo("2027-04-01");
    }

    @Test
    void shouldExitThreeOnABrokenReleaseTable(@TempDir Path directory) throws IOException {
        var file = Files.writeString(directory.resolve(".packit.yaml"), VALID);
        var table = Files.writeString(directory.resolve("releases.txt"), "fedora 46\n");

        var run = CommandRun.of("validate", "--release-table", table.toString(), file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(run.err()).contains(table + ":1:1: error: expected 'date YYYY-MM-DD' or");
    }

    @Test
    void shouldExitTwoOnUsageErrors(@TempDir Path directory) {
        var noConfig = CommandRun.of("validate", directory.toString());
        assertThat(noConfig.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noConfig.err()).contains("no .packit.yaml, .packit.yml, packit.yaml, packit.yml in " + directory);

        var missing = CommandRun.of("validate", directory.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err())
                .isEqualTo("packit-pipeline: " + directory.resolve("nope.yaml") + ": no such file or directory\n");

        var badFormat = CommandRun.of("validate", "--format", "xml", directory.toString());
        assertThat(badFormat.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(badFormat.err()).contains("expected text or json, got 'xml'");
    }
}
