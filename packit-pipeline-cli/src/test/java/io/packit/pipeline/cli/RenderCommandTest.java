package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("project.root", ".."), "examples", "build-identifier");

    @Test
    void shouldPrintTheJenkinsfileOfTheExample() throws IOException {
        var run = CommandRun.of("render", EXAMPLE.resolve("packit.yaml").toString());

        assertThat(run.exitCode()).isZero();
        var committed = Files.readString(EXAMPLE.resolve("Jenkinsfile"));
        // the same file but for the config path it names (here given as a longer path)
        assertThat(run.out().substring(run.out().indexOf("    stages {")))
                .isEqualTo(committed.substring(committed.indexOf("    stages {")));
        assertThat(run.out()).contains("PACKIT_CONFIG = '" + EXAMPLE.resolve("packit.yaml") + "'");
        assertThat(run.out()).contains("packitTestingFarm(node: 'tests:pkg:tests1@fedora-41-x86_64'");
    }

    @Test
    void shouldWriteAndThenCheckTheJenkinsfile(@TempDir Path dir) throws IOException {
        var config = dir.resolve("packit.yaml");
        Files.copy(EXAMPLE.resolve("packit.yaml"), config);
        var jenkinsfile = dir.resolve("Jenkinsfile");

        var write = CommandRun.of("render", config.toString(), "-o", jenkinsfile.toString());
        var check = CommandRun.of("render", config.toString(), "-o", jenkinsfile.toString(), "--check");

        assertThat(write.exitCode()).isZero();
        assertThat(write.out()).startsWith("wrote " + jenkinsfile);
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).contains("is up to date");
    }

    @Test
    void shouldFailWithADiffWhenTheJenkinsfileIsStale(@TempDir Path dir) throws IOException {
        var config = dir.resolve("packit.yaml");
        Files.copy(EXAMPLE.resolve("packit.yaml"), config);
        var jenkinsfile = dir.resolve("Jenkinsfile");
        CommandRun.of("render", config.toString(), "-o", jenkinsfile.toString());
        Files.writeString(config, Files.readString(config).replace("fedora-42-x86_64]", "fedora-43-x86_64]"));

        var check = CommandRun.of("render", config.toString(), "-o", jenkinsfile.toString(), "--check");

        assertThat(check.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(check.err()).contains("is stale").contains("--- " + jenkinsfile)
                .contains("-// config digest:").contains("+// config digest:")
                .contains("+                        packitTestingFarm(node: 'tests:pkg:tests1@fedora-43-x86_64'");
    }

    @Test
    void shouldExitThreeOnAnInvalidConfig(@TempDir Path dir) throws IOException {
        var config = dir.resolve("packit.yaml");
        Files.writeString(config, "jobs:\n  - job: copr_buildd\n    trigger: pull_request\n");

        var run = CommandRun.of("render", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(run.err()).contains("packit.yaml");
    }
}
