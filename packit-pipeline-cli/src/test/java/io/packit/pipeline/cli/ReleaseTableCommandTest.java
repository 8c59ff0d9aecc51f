package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packit-pipeline release-table} against the fake Bodhi, and what {@code plan} makes of the table. */
class ReleaseTableCommandTest {
    private static final String CONFIG = """
            specfile_path: hello.spec
            downstream_package_name: hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-all, epel-all]
              - job: koji_build
                trigger: commit
                dist_git_branches: [fedora-all, epel-all]
            """;

    @TempDir
    Path dir;

    private final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady()).defaultRowsPerPage(7);

    @AfterEach
    void stop() {
        bodhi.close();
    }

    @Test
    void shouldWriteTheTableThatPlanResolvesFedoraAllAndEpelAllWithAsPackitDoes() throws IOException {
        var table = dir.resolve("releases.txt");

        var written = CommandRun.of("release-table", "--bodhi-url", bodhi.url(), "-o", table.toString());

        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).isEmpty();
        assertThat(written.err()).contains("  F47        pending  -> fedora rawhide rawhide development (the highest "
                        + "Fedora is Rawhide)\n")
                .contains("  ELN        pending  left out (Packit keeps ELN out of the aliases; fedora-eln is always "
                        + "known)\n")
                .contains(": 19 releases on 3 pages; 4 Fedora, 5 EPEL releases in the table\n")
                .endsWith("wrote " + table + " dated " + LocalDate.now(ZoneOffset.UTC) + "\n");
        assertThat(written.err().lines().filter(line -> line.startsWith("  "))).hasSize(19);
        assertThat(bodhi.requests()).hasSize(3);

        var config = Files.writeString(dir.resolve("packit.yaml"), CONFIG);
        var plan = CommandRun.of("plan", config.toString(), "--format", "json", "--release-table", table.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.err()).isEqualTo("target aliases resolved with " + table + ", dated "
                + LocalDate.now(ZoneOffset.UTC) + "\n");
        var nodes = new ObjectMapper().readTree(plan.out()).path("nodes");
        // what Packit's get_build_targets("fedora-all", "epel-all") and get_branches answer for this Bodhi answer:
        // packit@69d783e8 packit/config/aliases.py lines 119-150, 179-218; see BodhiReleaseTableTest in core
        assertThat(texts(node(nodes, "copr_build:hello:pull_request").path("chroots")))
                .containsExactlyInAnyOrder("fedora-44-x86_64", "fedora-45-x86_64", "fedora-46-x86_64",
                        "fedora-rawhide-x86_64", "epel-8-x86_64", "epel-9-x86_64", "rhel+epel-10-x86_64",
                        "epel-10-x86_64");
        assertThat(plan.out()).contains("\"koji_build:hello:commit\"");
    }

    @Test
    void shouldPrintTheTableWithoutAnOutputFile() {
        var printed = CommandRun.of("release-table", "--bodhi-url", bodhi.url());

        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).startsWith("# release table written by packit-pipeline release-table from Bodhi "
                + bodhi.url() + ", read ").contains("\ndate " + LocalDate.now(ZoneOffset.UTC) + "\nfedora 44 f44 stable\n")
                .endsWith("epel 10.3 epel10 development\n");
    }

    @Test
    void shouldExitFourWithOneLineAndLeaveTheOldFileWhenBodhiKeepsFailing() throws IOException {
        var table = Files.writeString(dir.resolve("releases.txt"), "date 2026-01-01\nfedora 43 f43 stable\n");
        for (int i = 0; i < 4; i++) {
            bodhi.inject(Fault.status(503));
        }

        var failed = CommandRun.of("release-table", "--bodhi-url", bodhi.url(), "-o", table.toString());

        assertThat(failed.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(failed.err()).isEqualTo("packit-pipeline: Bodhi failed, no table written: GET " + bodhi.url()
                + "/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP 503 Service Unavailable: \"<html><body>"
                + "<h1>503</h1>Bodhi is having trouble.</body></html>\"\n");
        assertThat(Files.readString(table)).isEqualTo("date 2026-01-01\nfedora 43 f43 stable\n");
        assertThat(Files.list(dir)).containsExactly(table);
    }

    @Test
    void shouldExitFourAndWriteNothingOnMalformedJsonOrAnAnswerWithoutFedora() throws IOException {
        var table = dir.resolve("releases.txt");
        bodhi.inject(Fault.of(Fault.Kind.MALFORMED_JSON).on("GET", "/releases/"));

        var malformed = CommandRun.of("release-table", "--bodhi-url", bodhi.url(), "-o", table.toString());

        assertThat(malformed.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(malformed.err()).startsWith("packit-pipeline: Bodhi failed, no table written: GET ")
                .contains("→ HTTP 200: \"malformed JSON in response: ").hasLineCount(1);

        bodhi.releases(List.of(new FakeBodhi.Release("ELN", "Fedora ELN", "eln", "FEDORA", "eln", "pending", "eln")));
        var noFedora = CommandRun.of("release-table", "--bodhi-url", bodhi.url(), "-o", table.toString());

        assertThat(noFedora.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(noFedora.err()).endsWith("malformed answer: no Fedora release in the answer (1 releases, none with "
                + "id_prefix FEDORA other than ELN)\"\n").hasLineCount(1);
        assertThat(Files.exists(table)).isFalse();
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void shouldExitFourWhenBodhiIsUnreachableAndTwoOnAUrlThatIsNone() throws IOException {
        var closedPort = bodhi.url();
        bodhi.close();

        var unreachable = CommandRun.of("release-table", "--bodhi-url", closedPort);
        var notUrl = CommandRun.of("release-table", "--bodhi-url", "bodhi.example");

        assertThat(unreachable.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(unreachable.err()).contains("→ no response: \"I/O error: Failed to connect to").hasLineCount(1);
        assertThat(unreachable.out()).isEmpty();
        assertThat(notUrl.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(notUrl.err()).isEqualTo("packit-pipeline: --bodhi-url: not an http or https URL: 'bodhi.example'\n");
    }

    private static JsonNode node(JsonNode nodes, String id) {
        for (var node : nodes) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no node " + id + " in " + nodes);
    }

    private static List<String> texts(JsonNode array) {
        var texts = new ArrayList<String>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
