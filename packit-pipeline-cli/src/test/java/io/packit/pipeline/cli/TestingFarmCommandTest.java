package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import io.packit.pipeline.testingfarm.Ranch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestingFarmCommandTest {
    private static final String KEY = "tf-cli-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeTestingFarm farm = new FakeTestingFarm().addApiKey(KEY, Ranch.PUBLIC);

    @TempDir
    Path dir;

    private Path keyFile;

    @BeforeEach
    void start() throws IOException {
        farm.start();
        keyFile = Files.writeString(dir.resolve("tf-key"), KEY + "\n");
    }

    @AfterEach
    void stop() {
        farm.close();
    }

    @Test
    void shouldSubmitWaitWriteJunitAndExitZeroWhenPassed() throws IOException {
        Path junit = dir.resolve("out/junit.xml");

        CommandRun run = run("--copr-build", "8123456:fedora-41-x86_64", "--plan", "/plans/smoke", "--env", "DEBUG=1",
                "--wait", "--junit", junit.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String id = farm.requestIds().get(0);
        JsonNode summary = JSON.readTree(run.out());
        assertThat(summary.get("id").asText()).isEqualTo(id);
        assertThat(summary.get("state").asText()).isEqualTo("complete");
        assertThat(summary.get("result").asText()).isEqualTo("passed");
        assertThat(summary.get("artifacts_url").asText()).isEqualTo(farm.apiUrl().resolve("/artifacts/" + id).toString());
        assertThat(summary.at("/junit/tests").asInt()).isEqualTo(1);
        assertThat(run.err()).contains("submitted Testing Farm request " + id + " (Fedora-41 x86_64)")
                .contains("request " + id + ": new", "request " + id + ": queued", "request " + id + ": running",
                        "request " + id + ": complete")
                .contains("wrote " + junit + ": 1 tests, 0 failures, 0 errors, 0 skipped");
        assertThat(Files.readString(junit)).contains("<testsuite name=\"Fedora-41/x86_64:/plans/smoke\"");
        assertThat(farm.submitted(id)).isEqualTo(JSON.readTree("""
                {"test": {"tmt": {"url": "https://github.com/acme/hello", "ref": "main", "path": ".", "name": "/plans/smoke"}},
                 "environments": [{"arch": "x86_64", "os": {"compose": "Fedora-41"},
                   "tmt": {"context": {"distro": "fedora-41", "arch": "x86_64", "trigger": "commit", "initiator": "packit"}},
                   "variables": {"DEBUG": "1"},
                   "artifacts": [{"id": "8123456:fedora-41-x86_64", "type": "fedora-copr-build"}]}]}"""));
        assertThat(run.out() + run.err()).doesNotContain(KEY);
    }

    @Test
    void shouldExitOneWhenTestsFail() throws IOException {
        farm.defaultScript(FakeTestingFarm.Script.failing());
        Path junit = dir.resolve("junit.xml");

        CommandRun run = run("--copr-build", "8123456:fedora-41-x86_64", "--wait", "--junit", junit.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(JSON.readTree(run.out()).get("result").asText()).isEqualTo("failed");
        assertThat(run.err()).contains("ended complete, result failed: 1 plan failed");
        assertThat(Files.readString(junit)).contains("<failure message=\"Test /tests/cli/greet failed\"/>");
    }

    @Test
    void shouldExitWithRemoteErrorWhenTheRequestErrors() throws IOException {
        farm.defaultScript(FakeTestingFarm.Script.erroring("Guest provisioning failed"));

        CommandRun run = run("--wait", "--junit", dir.resolve("junit.xml").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(JSON.readTree(run.out()).get("summary").asText()).isEqualTo("Guest provisioning failed");
        assertThat(run.err()).contains("no JUnit written: request ").contains(" has no xunit");
        assertThat(dir.resolve("junit.xml")).doesNotExist();
    }

    @Test
    void shouldOnlySubmitWithoutWait() throws IOException {
        CommandRun run = run();

        assertThat(run.exitCode()).isZero();
        assertThat(JSON.readTree(run.out()).get("state").asText()).isEqualTo("new");
        assertThat(farm.calls()).hasSize(1);
        assertThat(farm.submitted(farm.requestIds().get(0)).at("/environments/0").has("artifacts"))
                .as("no --copr-build: tests without a build").isFalse();
    }

    @Test
    void shouldRefuseAnArchThePublicRanchLacksBeforeAnyCall() {
        CommandRun run = run("--arch", "ppc64le", "--wait");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("the architecture ppc64le (of fedora-41-ppc64le) is not available in the public "
                + "Testing Farm infrastructure (available: x86_64, aarch64)");
        assertThat(farm.calls()).isEmpty();
    }

    @Test
    void shouldRefuseABuildOfAnotherArch() {
        CommandRun run = run("--copr-build", "8123456:fedora-41-aarch64");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("Copr build 8123456:fedora-41-aarch64 is for aarch64, not for --arch x86_64");
        assertThat(farm.calls()).isEmpty();
    }

    @Test
    void shouldReportAWrongKeyWithoutPrintingIt() throws IOException {
        Files.writeString(keyFile, "wrong-key-0000000000\n");

        CommandRun run = run("--wait");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(run.err()).contains("Testing Farm refused the request: POST " + farm.apiUrl() + "requests → HTTP 401 "
                + "Unauthorized: \"Not authorized to perform this action\"").doesNotContain("wrong-key");
    }

    @Test
    void shouldRejectJunitWithoutWaitAndAMissingKeyFile() {
        assertThat(run("--junit", "x.xml").exitCode()).isEqualTo(ExitCode.USAGE.code());

        CommandRun missing = CommandRun.of("testing-farm", "--api-key-file", dir.resolve("nope").toString(),
                "--tf-url", farm.apiUrl().toString(), "--compose", "Fedora-41", "--fmf-url", "https://github.com/acme/hello");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(missing.err()).contains("cannot read the API key file " + dir.resolve("nope") + " (NoSuchFileException)");
        assertThat(farm.calls()).isEmpty();
    }

    @Test
    void shouldCancelTheRequestWhenInterrupted() throws Exception {
        farm.defaultScript(FakeTestingFarm.Script.passing().slow(1000));
        var result = new AtomicReference<CommandRun>();
        Thread worker = new Thread(() -> result.set(run("--wait")), "cli-under-test");

        worker.start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> farm.calls("GET", "/v0.1/requests/").size() >= 2);
        worker.interrupt(); // what the Ctrl-C shutdown hook does
        worker.join(10_000);

        CommandRun run = result.get();
        assertThat(run).isNotNull();
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANCELLED.code());
        String id = farm.requestIds().get(0);
        assertThat(farm.calls("DELETE", "/v0.1/requests/" + id)).hasSize(1);
        assertThat(farm.state(id).wire()).isEqualTo("cancel-requested");
        assertThat(run.err()).contains("interrupted: cancelled Testing Farm request " + id + " (requested)");
        assertThat(JSON.readTree(run.out()).get("cancel").asText()).isEqualTo("requested");
    }

    private CommandRun run(String... extra) {
        List<String> args = new ArrayList<>(List.of("testing-farm", "--api-key-file", keyFile.toString(),
                "--tf-url", farm.apiUrl().toString(), "--compose", "Fedora-41",
                "--fmf-url", "https://github.com/acme/hello", "--fmf-ref", "main", "--poll-interval", "0.01"));
        args.addAll(Arrays.asList(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }
}
