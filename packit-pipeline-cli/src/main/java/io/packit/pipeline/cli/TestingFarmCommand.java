package io.packit.pipeline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.Backoff;
import io.packit.pipeline.http.PollSchedule;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.testingfarm.CancelOutcome;
import io.packit.pipeline.testingfarm.CoprBuildArtifact;
import io.packit.pipeline.testingfarm.FmfSource;
import io.packit.pipeline.testingfarm.InvalidXunitException;
import io.packit.pipeline.testingfarm.JunitCase;
import io.packit.pipeline.testingfarm.JunitReport;
import io.packit.pipeline.testingfarm.Ranch;
import io.packit.pipeline.testingfarm.RequestState;
import io.packit.pipeline.testingfarm.RequestStatus;
import io.packit.pipeline.testingfarm.RequestWaiter;
import io.packit.pipeline.testingfarm.TestRequest;
import io.packit.pipeline.testingfarm.TestRequestFactory;
import io.packit.pipeline.testingfarm.TestRequestSpec;
import io.packit.pipeline.testingfarm.TestResult;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import io.packit.pipeline.testingfarm.WaitTimeoutException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline testing-farm}: submits one Testing Farm request, optionally waits for it and writes JUnit. */
@Command(
        name = "testing-farm",
        mixinStandardHelpOptions = true,
        description = {
            "Submits a Testing Farm request: tmt tests from --fmf-url on a compose and",
            "arch, with the given Copr builds installed. With --wait it follows the",
            "request to the end, writes the results as JUnit XML (--junit) and exits 0",
            "only when the result is passed. Progress goes to stderr, a JSON summary to",
            "stdout; Ctrl-C while waiting cancels the request."
        })
@ExitCodes({
    @ExitCodes.Meaning(code = ExitCode.OK, means = "submitted (without --wait) or result passed"),
    @ExitCodes.Meaning(code = ExitCode.FAILURE, means = "result failed, error, skipped or unknown of a complete request, the wait timed out (the request is then cancelled), or --junit cannot be written (checked before submitting)"),
    @ExitCodes.Meaning(code = ExitCode.USAGE, means = "wrong command line, unreadable key file, or an arch/build combination Testing Farm cannot run"),
    @ExitCodes.Meaning(code = ExitCode.REMOTE_ERROR, means = "Testing Farm refused or failed a call, or the request ended in state error (infrastructure)"),
    @ExitCodes.Meaning(code = ExitCode.CANCELLED, means = "cancelled (Ctrl-C, or the request was canceled)")})
public final class TestingFarmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--api-key-file", paramLabel = "FILE", required = true,
            description = "File holding the Testing Farm API key (its first line).")
    Path apiKeyFile;

    @Option(names = "--tf-url", paramLabel = "URL",
            description = "Testing Farm API URL (default: $TESTING_FARM_API_URL, else " + TestingFarmClient.PUBLIC_API_URL + ").")
    String tfUrl;

    @Option(names = "--ranch", paramLabel = "RANCH", defaultValue = "public",
            description = "Ranch of the API key: public or redhat (decides the arches offered; default: ${DEFAULT-VALUE}).")
    String ranch;

    @Option(names = "--compose", paramLabel = "COMPOSE", required = true,
            description = "Testing Farm compose, e.g. Fedora-41, Fedora-Rawhide, CentOS-Stream-9.")
    String compose;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
            description = "Architecture (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--fmf-url", paramLabel = "URL", required = true, description = "Git repository with the tmt tests.")
    String fmfUrl;

    @Option(names = "--fmf-ref", paramLabel = "REF", description = "Branch, tag or commit of the tests.")
    String fmfRef;

    @Option(names = "--fmf-path", paramLabel = "PATH", description = "Path of the fmf root in the repository (default: .).")
    String fmfPath;

    @Option(names = "--plan", paramLabel = "PLAN", description = "tmt plan name or regular expression (default: all plans).")
    String plan;

    @Option(names = "--copr-build", paramLabel = "ID:CHROOT", split = ",",
            description = "Copr build to install, as <build id>:<chroot> (repeatable; none tests without a build).")
    List<String> coprBuilds = new ArrayList<>();

    @Option(names = "--env", paramLabel = "KEY=VALUE", description = "Environment variable for the tests (repeatable).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--wait", description = "Wait until the request ends; the exit code is then the result.")
    boolean await;

    @Option(names = "--junit", paramLabel = "FILE", description = "With --wait: write the results as JUnit XML here.")
    Path junit;

    @Option(names = "--timeout", paramLabel = "MINUTES", defaultValue = "720",
            description = "With --wait: give up (and cancel the request) after this many minutes (default: ${DEFAULT-VALUE}).")
    long timeoutMinutes;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "With --wait: first delay between polls; it grows to four times this (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (junit != null && !await) {
            throw new CommandFailedException(ExitCode.USAGE, "--junit needs --wait (the results exist only at the end)");
        }
        if (timeoutMinutes < 1 || pollSeconds <= 0) {
            throw new CommandFailedException(ExitCode.USAGE, "--timeout and --poll-interval must be positive");
        }
        if (junit != null) {
            // before anything is submitted: the file's directory is made, and must take the file
            var parent = junit.toAbsolutePath().getParent();
            if (parent != null) {
                OutputFile.directory(parent);
            }
            OutputFile.check(junit);
        }
        TestRequest request = request();
        Secret apiKey = readApiKey();
        TestingFarmClient client;
        try {
            client = TestingFarmClient.create(tfUrl, System.getenv(), apiKey);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
        }
        String id;
        try {
            id = client.submit(request);
        } catch (ApiException e) {
            throw new CommandFailedException(ExitCode.REMOTE_ERROR, "Testing Farm refused the request: " + e.getMessage(), e);
        }
        err.printf("submitted Testing Farm request %s (%s %s) to %s%n", id, request.compose(), request.arch(), client.apiUrl());
        if (!await) {
            print(summary(id, RequestState.NEW.wire(), null, null, null, request, null));
            return ExitCode.OK.code();
        }
        return waitFor(client, id, request, err);
    }

    private int waitFor(TestingFarmClient client, String id, TestRequest request, PrintWriter err) {
        var schedule = new PollSchedule(
                new Backoff(seconds(pollSeconds), seconds(pollSeconds * 4), 1.5, 0.2),
                Duration.ofMinutes(timeoutMinutes), 1_000_000);
        var waiter = new RequestWaiter(client, schedule, Sleeper.system(), new SplittableRandom(),
                (previous, now) -> err.printf("request %s: %s%n", now.id(), now.state()));
        waiter.track(id);
        Thread worker = Thread.currentThread();
        var finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C: stop the wait, then give the worker time to cancel the request and print the summary
            worker.interrupt();
            try {
                finished.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "testing-farm-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            RequestStatus done;
            try {
                done = waiter.awaitAll().get(id);
            } catch (CancellationException e) {
                return cancel(client, id, request, err, "interrupted");
            } catch (WaitTimeoutException e) {
                cancel(client, id, request, err, "timed out after " + timeoutMinutes + " min");
                throw new CommandFailedException(ExitCode.FAILURE, e.getMessage() + "; the request was cancelled", e);
            } catch (ApiException e) {
                if (Thread.currentThread().isInterrupted()) {
                    return cancel(client, id, request, err, "interrupted");
                }
                throw new CommandFailedException(ExitCode.REMOTE_ERROR, "cannot follow Testing Farm request " + id
                        + ": " + e.getMessage(), e);
            }
            return report(client, done, request, err);
        } finally {
            err.flush();
            finished.countDown();
            removeHook(hook);
        }
    }

    private int report(TestingFarmClient client, RequestStatus done, TestRequest request, PrintWriter err) {
        TestResult result = done.result();
        err.printf("request %s ended %s, result %s%s%n", done.id(), done.state(), result,
                done.message().map(message -> ": " + message).orElse(""));
        done.optionalArtifactsUrl().ifPresent(url -> err.printf("artifacts: %s%n", url));
        JunitReport report = null;
        if (junit != null) {
            try {
                report = client.junit(done, request.compose(), request.arch()).orElse(null);
            } catch (ApiException | InvalidXunitException e) {
                err.printf("no JUnit written: %s%n", e.getMessage());
            }
            if (report != null) {
                writeJunit(report);
                err.printf("wrote %s: %d tests, %d failures, %d errors, %d skipped%n", junit, report.tests(),
                        report.count(JunitCase.Outcome.FAILURE), report.count(JunitCase.Outcome.ERROR),
                        report.count(JunitCase.Outcome.SKIPPED));
            } else {
                err.printf("no JUnit written: request %s has no xunit%n", done.id());
            }
        }
        print(summary(done.id(), done.state().wire(), result, done, report, request, null));
        if (done.state() == RequestState.CANCELED) {
            return ExitCode.CANCELLED.code();
        }
        if (done.state() == RequestState.ERROR) {
            return ExitCode.REMOTE_ERROR.code();
        }
        return result == TestResult.PASSED ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    private int cancel(TestingFarmClient client, String id, TestRequest request, PrintWriter err, String why) {
        Thread.interrupted();
        String outcome;
        try {
            CancelOutcome cancelled = client.cancel(id);
            outcome = cancelled.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            err.printf("%s: cancelled Testing Farm request %s (%s)%n", why, id, outcome);
        } catch (ApiException e) {
            outcome = "cancel failed";
            err.printf("%s: could not cancel Testing Farm request %s: %s%n", why, id, e.getMessage());
        }
        print(summary(id, RequestState.CANCEL_REQUESTED.wire(), null, null, null, request, outcome));
        return ExitCode.CANCELLED.code();
    }

    private TestRequest request() {
        try {
            var fmf = new FmfSource(fmfUrl, fmfRef, fmfPath == null ? "." : fmfPath, plan, null);
            List<CoprBuildArtifact> builds = coprBuilds.stream().map(CoprBuildArtifact::parse).toList();
            String distro = compose.toLowerCase(Locale.ROOT);
            String chroot = builds.isEmpty() ? distro + "-" + arch : builds.get(0).chroot();
            var builder = TestRequestSpec.builder(chroot, fmf)
                    .compose(compose)
                    .env(env)
                    .skipBuild(builds.isEmpty())
                    .ranch(Ranch.fromId(ranch));
            for (CoprBuildArtifact build : builds) {
                String buildArch = chroot(build.chroot());
                if (!buildArch.equals(arch)) {
                    throw new IllegalArgumentException("Copr build " + build.artifactId() + " is for " + buildArch
                            + ", not for --arch " + arch);
                }
                builder.build(build);
            }
            return TestRequestFactory.offline().requests(builder.build()).get(0);
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException(ExitCode.USAGE, e.getMessage(), e);
        }
    }

    private static String chroot(String chroot) {
        return chroot.substring(chroot.lastIndexOf('-') + 1);
    }

    private Secret readApiKey() {
        List<String> lines;
        try {
            lines = Files.readAllLines(apiKeyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandFailedException(ExitCode.USAGE, "cannot read the API key file " + apiKeyFile + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        String key = lines.isEmpty() ? "" : lines.get(0).strip();
        if (key.isEmpty()) {
            throw new CommandFailedException(ExitCode.USAGE, "the API key file " + apiKeyFile + " is empty");
        }
        return Secret.of(key);
    }

    private void writeJunit(JunitReport report) {
        OutputFile.write(junit, report.toXml());
    }

    private ObjectNode summary(String id, String state, TestResult result, RequestStatus done, JunitReport report,
            TestRequest request, String cancel) {
        var summary = new ObjectMapper().createObjectNode();
        summary.put("id", id);
        summary.put("state", state);
        summary.put("result", result == null ? null : result.wire());
        summary.put("summary", done == null ? null : done.message().orElse(null));
        summary.put("compose", request.compose());
        summary.put("arch", request.arch());
        summary.put("artifacts_url", done == null ? null : done.artifactsUrl());
        if (report != null) {
            ObjectNode junitNode = summary.putObject("junit");
            junitNode.put("file", junit.toString());
            junitNode.put("tests", report.tests());
            junitNode.put("failures", report.count(JunitCase.Outcome.FAILURE));
            junitNode.put("errors", report.count(JunitCase.Outcome.ERROR));
            junitNode.put("skipped", report.count(JunitCase.Outcome.SKIPPED));
        }
        if (cancel != null) {
            summary.put("cancel", cancel);
        }
        return summary;
    }

    private void print(ObjectNode summary) {
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
            spec.commandLine().getOut().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary", e);
        }
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it waits for this thread, which is about to return
        }
    }
}
