package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.Sleeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CoprBuildCommandTest {
    private static final String TOKEN = "cli-token-0123456789";
    private static final String F41 = "fedora-41-x86_64";
    private static final String EPEL = "epel-9-x86_64";

    @TempDir
    Path dir;

    private FakeCopr copr;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        // the CLI waits on the wall clock: builds take a few seconds here
        copr = new FakeCopr(Sleeper.system()).user("apilogin", TOKEN, "jdoe");
        copr.seedProject("jdoe", "p", List.of(F41, EPEL));
        config = dir.resolve("copr");
        Files.writeString(config, "[copr-cli]\ncopr_url = " + copr.url() + "\nlogin = apilogin\nusername = jdoe\n"
                + "token = " + TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        copr.close();
    }

    private static BuildPlan fast(String epelOutcome) {
        return new BuildPlan(Duration.ofMillis(200), Duration.ofMillis(300), true, Duration.ofMillis(200), "hello",
                "2.12-1", Map.of(EPEL, new BuildPlan.ChrootPlan(Duration.ofMillis(100), Duration.ofMillis(900),
                epelOutcome)), new BuildPlan.ChrootPlan(Duration.ofMillis(100), Duration.ofMillis(400), "succeeded"));
    }

    @Test
    void shouldSubmitWaitAndExitZeroWhenEveryChrootSucceeded() throws Exception {
        copr.planNext(fast("succeeded"));

        CommandRun run = CommandRun.of("copr-build", "--config", config.toString(), "--project", "p", "--chroot", F41,
                "--chroot", EPEL, "--scm", "https://github.com/acme/hello.git", "--committish", "v2.12", "--wait",
                "--poll-interval", "1");

        assertThat(run.exitCode()).isEqualTo(0);
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("build_id").asLong()).isEqualTo(8123456);
        assertThat(summary.get("state").asText()).isEqualTo("succeeded");
        assertThat(summary.get("wait").asText()).isEqualTo("all_finished");
        assertThat(summary.get("chroots")).hasSize(2);
        assertThat(summary.get("chroots").get(0).get("log_url").asText())
                .isEqualTo(copr.url() + "/results/jdoe/p/fedora-41-x86_64/08123456-hello/builder-live.log.gz");
        assertThat(run.err()).startsWith("copr-build: submitted build 8123456 to jdoe/p: " + copr.url()
                + "/coprs/build/8123456/\n");
        assertThat(run.err()).contains("copr-build: 8123456 srpm succeeded", "copr-build: 8123456 " + F41
                + " succeeded", "copr-build: 8123456 " + EPEL + " succeeded", "copr-build: 8123456 build succeeded");
        // one line per state change, not per poll
        assertThat(run.err().lines().filter(l -> l.contains(F41 + " running")).count()).isLessThanOrEqualTo(1);
        assertThat(run.err()).doesNotContain(TOKEN);
        assertThat(copr.buildRequest(8123456).toString()).isEqualTo("{\"ownername\":\"jdoe\",\"projectname\":\"p\","
                + "\"chroots\":[\"fedora-41-x86_64\",\"epel-9-x86_64\"],\"clone_url\":\"https://github.com/acme/hello.git\","
                + "\"committish\":\"v2.12\",\"subdirectory\":\"\",\"spec\":\"\",\"scm_type\":\"git\","
                + "\"source_build_method\":\"rpkg\"}");
    }

    @Test
    void shouldExitOneWhenAChrootFailed() throws Exception {
        copr.planNext(fast("failed"));

        CommandRun run = CommandRun.of("copr-build", "--config", config.toString(), "--project", "p", "--chroot",
                F41 + "," + EPEL, "--srpm-url", "https://example.org/hello-2.12-1.src.rpm", "--wait",
                "--poll-interval", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("copr-build: 8123456 " + EPEL + " failed");
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("state").asText()).isEqualTo("failed");
    }

    @Test
    void shouldUploadAnSrpmAndReturnAtOnceWithoutWait() throws Exception {
        Path srpm = dir.resolve("hello-2.12-1.src.rpm");
        Files.write(srpm, new byte[] {1, 2, 3});

        CommandRun run = CommandRun.of("copr-build", "--config", config.toString(), "--owner", "jdoe", "--project",
                "p", "--chroot", F41, "--srpm", srpm.toString());

        assertThat(run.exitCode()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(run.out()).get("wait").asText()).isEqualTo("submitted");
        assertThat(copr.requests()).extracting(r -> r.getUrl().encodedPath())
                .containsExactly("/api_3/build/check-before-build", "/api_3/build/create/upload");
    }

    @Test
    void shouldReportCoprErrorsAsRemoteErrors() {
        CommandRun run = CommandRun.of("copr-build", "--config", config.toString(), "--project", "nope",
                "--chroot", F41, "--scm", "https://x/y.git");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).isEqualTo("packit-pipeline: POST " + copr.url() + "/api_3/build/create/scm → HTTP 404 "
                + "Not Found: \"Project jdoe/nope does not exist.\"\n");
    }

    @Test
    void shouldRefuseTwoSourcesAndAMissingConfig() {
        CommandRun two = CommandRun.of("copr-build", "--config", config.toString(), "--project", "p", "--chroot",
                F41, "--scm", "https://x/y.git", "--srpm-url", "https://x/y.src.rpm");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).startsWith("Error: --srpm-url=URL, --scm=URL are mutually exclusive (specify only one)");

        CommandRun missing = CommandRun.of("copr-build", "--config", dir.resolve("none").toString(), "--project",
                "p", "--chroot", F41, "--scm", "https://x/y.git");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("packit-pipeline: no Copr config at " + dir.resolve("none"));
    }

    @Test
    void shouldCancelTheSubmittedBuildWhenInterrupted() throws Exception {
        copr.planNext(new BuildPlan(Duration.ofSeconds(30), Duration.ofSeconds(30), true, Duration.ofSeconds(5),
                "hello", "1-1", Map.of(), new BuildPlan.ChrootPlan(Duration.ofSeconds(5), Duration.ofSeconds(60),
                "succeeded")));
        CommandLine commandLine = PackitPipelineCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        CoprBuildCommand command = (CoprBuildCommand) commandLine.getSubcommands().get("copr-build").getCommand();

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("copr-build",
                "--config", config.toString(), "--project", "p", "--chroot", F41, "--scm", "https://x/y.git",
                "--wait", "--poll-interval", "1"));
        // what the Ctrl-C shutdown hook runs, as soon as the command knows its build
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(command::cancelSubmitted);
        assertThat(copr.buildIds()).hasSize(1);

        assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(130);
        assertThat(copr.build(8123456).get("state").asText()).isEqualTo("canceled");
        assertThat(copr.requests()).filteredOn(r -> r.getMethod().equals("PUT"))
                .extracting(r -> r.getUrl().encodedPath()).containsExactly("/api_3/build/cancel/8123456");
        assertThat(err.toString()).contains("copr-build: interrupted, cancelling build 8123456: canceled",
                "copr-build: 8123456 " + F41 + " canceled");
        assertThat(new ObjectMapper().readTree(out.toString()).get("wait").asText()).isEqualTo("cancelled");
        assertThat(command.cancelSubmitted()).isFalse();
    }
}
