package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.SharedCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {

    @Test
    void shouldDrawMermaidByDefault() {
        var run = CommandRun.of("graph", SharedCorpus.file("SSSD__sssd__.packit.yaml").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("flowchart LR", "subgraph p0[\"upstream\"]", "subgraph p1[\"downstream\"]",
                "propose_downstream");
    }

    @Test
    void shouldDrawDot() {
        var run = CommandRun.of("graph", SharedCorpus.file("SSSD__sssd__.packit.yaml").toString(), "--format", "dot",
                "--event", "pr");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("digraph plan {").contains(
                "\"copr_build:upstream:pull_request\" -> \"tests:upstream:pull_request@fedora-41-x86_64\"");
    }

    @Test
    void shouldWriteTheHtmlPageToAFile(@TempDir Path dir) throws Exception {
        var output = dir.resolve("graph.html");

        var run = CommandRun.of("graph", SharedCorpus.file("containers__podman__.packit.yaml").toString(), "--format",
                "html", "-o", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("wrote " + output);
        assertThat(Files.readString(output)).startsWith("<!DOCTYPE html>")
                .contains("data-id=\"copr_build:podman-fedora:pull_request\"");
    }

    @Test
    void shouldRefuseAnUnknownFormatNamingTheKnownOnes() {
        var run = CommandRun.of("graph", SharedCorpus.file("SSSD__sssd__.packit.yaml").toString(), "--format", "svg");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("'svg' is not one of mermaid, dot, html");
    }
}
