package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackitPipelineCommandTest {
    @Test
    void shouldPrintUsageAndExitZeroForHelp() {
        var run = CommandRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: packit-pipeline").contains("Jenkinsfile");
    }

    @Test
    void shouldExitWithUsageCodeOnUnknownOption() {
        var run = CommandRun.of("--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
    }
}
