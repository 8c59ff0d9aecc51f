package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.Backoff;
import io.packit.pipeline.http.PollSchedule;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.VirtualSleeper;
import io.packit.pipeline.http.fake.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TestingFarmClientTest {
    private static final String KEY = "tf-api-key-0123456789abcdef";
    private static final FmfSource HELLO = FmfSource.of("https://github.com/acme/hello", "9f1c2e7d");

    private final FakeTestingFarm farm = new FakeTestingFarm().addApiKey(KEY, Ranch.PUBLIC);
    private final VirtualSleeper sleeper = new VirtualSleeper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    private final List<String> changes = new ArrayList<>();
    private TestingFarmClient client;

    @BeforeEach
    void start() {
        farm.start();
        client = client(KEY);
    }

    @AfterEach
    void stop() {
        farm.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void shouldSubmitWithTheKeyInTheBearerHeaderOnly() {
        TestRequest request = request("fedora-41-x86_64");

        String id = client.submit(request);

        assertThat(farm.requestIds()).containsExactly(id);
        FakeTestingFarm.Call post = farm.calls("POST", "/v0.1/requests").get(0);
        assertThat(post.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(post.json()).isEqualTo(request.payload());
        assertThat(post.body()).doesNotContain(KEY).doesNotContain("api_key");
    }

    @Test
    void shouldWalkEveryStateToCompleteAndTellEachChangeOnce() {
        farm.defaultScript(FakeTestingFarm.Script.passing().slow(3));
        RequestWaiter waiter = waiter(Duration.ofHours(1));
        String id = client.submit(request("fedora-41-x86_64"));

        RequestStatus done = waiter.await(id);

        assertThat(changes).containsExactly("null -> new", "new -> queued", "queued -> running", "running -> complete");
        assertThat(done.state()).isEqualTo(RequestState.COMPLETE);
        assertThat(done.result()).isEqualTo(TestResult.PASSED);
        assertThat(done.isPassed()).isTrue();
        assertThat(done.artifactsUrl()).isEqualTo(farm.apiUrl().resolve("/artifacts/" + id).toString());
        assertThat(farm.calls("GET", "/v0.1/requests/" + id)).hasSize(10)
                .allSatisfy(call -> assertThat(call.authorization()).as("reads are anonymous").isNull());
        assertThat(sleeper.sleeps()).hasSize(9);
    }

    @Test
    void shouldReportFailedTestsWithTheirJunit() {
        farm.defaultScript(FakeTestingFarm.Script.failing());
        String id = client.submit(request("fedora-41-x86_64"));

        RequestStatus done = waiter(Duration.ofHours(1)).await(id);
        JunitReport junit = client.junit(done, "Fedora-41", "x86_64").orElseThrow();

        assertThat(done.result()).isEqualTo(TestResult.FAILED);
        assertThat(done.message()).contains("1 plan failed");
        assertThat(junit.tests()).isEqualTo(2);
        assertThat(junit.count(JunitCase.Outcome.FAILURE)).isEqualTo(1);
        assertThat(junit.suites().get(0).name()).isEqualTo("Fedora-41/x86_64:/plans/smoke");
        assertThat(junit.suites().get(0).cases().get(1).systemOut())
                .isEqualTo("testout.log: " + done.artifactsUrl() + "/work-smoke/tests/cli/greet/output.txt");
        assertThat(farm.calls("GET", "/artifacts/")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).as("no key to the artifacts host").isNull());
    }

    @Test
    void shouldReadInlineXunitWithoutFetching() {
        farm.defaultScript(FakeTestingFarm.Script.failing().inlineXunit());
        String id = client.submit(request("fedora-41-x86_64"));
        RequestStatus done = waiter(Duration.ofHours(1)).await(id);

        assertThat(client.xunit(done)).contains(FakeTestingFarm.Xunits.FAILED);
        assertThat(farm.calls("GET", "/artifacts/")).isEmpty();
    }

    @Test
    void shouldFallBackToResultsXmlInTheArtifactsWhenXunitUrlIsMissing() {
        farm.defaultScript(FakeTestingFarm.Script.passing().withoutXunitUrl());
        String id = client.submit(request("fedora-41-x86_64"));
        RequestStatus done = waiter(Duration.ofHours(1)).await(id);

        assertThat(done.xunitUrl()).isNull();
        assertThat(client.xunit(done)).contains(FakeTestingFarm.Xunits.PASSED);
        assertThat(farm.calls("GET", "/artifacts/")).extracting(FakeTestingFarm.Call::path)
                .containsExactly("/artifacts/" + id + "/results.xml");
    }

    @Test
    void shouldEndInErrorWithTheSummaryAndNoXunit() {
        farm.defaultScript(FakeTestingFarm.Script.erroring("Guest provisioning failed"));
        String id = client.submit(request("fedora-41-x86_64"));

        RequestStatus done = waiter(Duration.ofHours(1)).await(id);

        assertThat(done.state()).isEqualTo(RequestState.ERROR);
        assertThat(done.result()).isEqualTo(TestResult.ERROR);
        assertThat(done.message()).contains("Guest provisioning failed");
        assertThat(done.notes()).containsExactly("tf-tmt/dispatch-1722500000-1a2b3c4d");
        assertThat(client.xunit(done)).as("results.xml is 404").isEmpty();
        assertThat(client.junit(done, null, null)).isEmpty();
    }

    @Test
    void shouldCancelARunningRequestThenSee204And409AsThePlanSays() {
        farm.defaultScript(FakeTestingFarm.Script.passing().slow(5));
        String running = client.submit(request("fedora-41-x86_64"));
        client.status(running);

        assertThat(client.cancel(running)).isEqualTo(CancelOutcome.REQUESTED);
        assertThat(client.cancel(running)).isEqualTo(CancelOutcome.ALREADY_CANCELED);
        assertThat(client.status(running).state()).isEqualTo(RequestState.CANCEL_REQUESTED);
        RequestStatus canceled = client.status(running);
        assertThat(canceled.state()).isEqualTo(RequestState.CANCELED);
        assertThat(canceled.isTerminal()).isTrue();
        assertThat(canceled.result()).isEqualTo(TestResult.UNKNOWN);

        farm.defaultScript(FakeTestingFarm.Script.passing());
        String finished = client.submit(request("fedora-41-x86_64"));
        waiter(Duration.ofHours(1)).await(finished);
        assertThat(client.cancel(finished)).isEqualTo(CancelOutcome.ALREADY_FINISHED);
        assertThat(farm.calls("DELETE", "/v0.1/requests/")).hasSize(3)
                .allSatisfy(call -> assertThat(call.authorization()).isEqualTo("Bearer " + KEY));
    }

    @Test
    void shouldWaitForManyRequestsAndCancelTheUnfinished() {
        farm.scriptNext(FakeTestingFarm.Script.passing()).scriptNext(FakeTestingFarm.Script.passing().slow(50));
        RequestWaiter waiter = waiter(Duration.ofHours(1));
        String quick = client.submit(request("fedora-41-x86_64"));
        String slow = client.submit(request("fedora-41-aarch64"));
        waiter.track(quick);
        waiter.track(slow);

        for (int i = 0; i < 4; i++) {
            waiter.poll();
        }

        assertThat(waiter.unfinished()).containsExactly(slow);
        assertThat(waiter.cancelAll()).containsExactly(Map.entry(slow, CancelOutcome.REQUESTED));
        Map<String, RequestStatus> all = waiter.awaitAll();
        assertThat(all.get(quick).state()).isEqualTo(RequestState.COMPLETE);
        assertThat(all.get(slow).state()).isEqualTo(RequestState.CANCELED);
    }

    @Test
    void shouldGiveUpAtTheDeadlineWithoutCancelling() {
        farm.defaultScript(FakeTestingFarm.Script.passing().slow(1000));
        String id = client.submit(request("fedora-41-x86_64"));

        assertThatThrownBy(() -> waiter(Duration.ofMinutes(2)).await(id))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessage("Testing Farm requests [" + id + "] still unfinished after PT2M (the timeout)");
        assertThat(farm.calls("DELETE", "/")).isEmpty();
        assertThat(sleeper.now()).isEqualTo(java.time.Instant.parse("2026-01-01T00:02:00Z"));
    }

    @Test
    void shouldStopWaitingWhenInterrupted() {
        farm.defaultScript(FakeTestingFarm.Script.passing().slow(10));
        String id = client.submit(request("fedora-41-x86_64"));
        var waiter = new RequestWaiter(client, schedule(Duration.ofHours(1)), sleeper, new SplittableRandom(1),
                (previous, now) -> Thread.currentThread().interrupt());

        try {
            assertThatThrownBy(() -> waiter.await(id)).isInstanceOf(CancellationException.class)
                    .hasMessage("interrupted while waiting for Testing Farm requests [" + id + "]");
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void shouldRetryReadsOn5xx429AndDroppedConnections() {
        String id = client.submit(request("fedora-41-x86_64"));
        farm.failNext("GET", "/v0.1/requests/", Fault.status(503),
                Fault.retryAfter(7), Fault.disconnect());

        RequestStatus status = client.status(id);

        assertThat(status.state()).isEqualTo(RequestState.NEW);
        assertThat(farm.calls("GET", "/v0.1/requests/")).hasSize(4);
        // the dropped connection may be repeated by OkHttp itself (a GET is safe to repeat) without a backoff
        assertThat(sleeper.sleeps()).hasSizeBetween(2, 3).contains(Duration.ofSeconds(7));
    }

    @Test
    void shouldRetryAReadThatTimesOut() {
        String id = client.submit(request("fedora-41-x86_64"));
        var impatient = new TestingFarmClient(http.newBuilder().readTimeout(Duration.ofMillis(200)).build(), farm.apiUrl(),
                Secret.of(KEY), RetryPolicy.standard(), sleeper);
        farm.failNext("GET", "/v0.1/requests/", Fault.of(Fault.Kind.SLOW_BODY));

        assertThat(impatient.status(id).state()).as("the slow answer is abandoned, the retry reads the real one")
                .isEqualTo(RequestState.NEW);
        assertThat(farm.calls("GET", "/v0.1/requests/")).hasSize(2);
    }

    @Test
    void shouldRetryAReadBehindAGatewayTimeout() {
        String id = client.submit(request("fedora-41-x86_64"));
        farm.inject(Fault.of(Fault.Kind.GATEWAY_TIMEOUT).on("GET", "/v0.1/requests/"));

        assertThat(client.status(id).state()).isEqualTo(RequestState.NEW);
        assertThat(farm.calls("GET", "/v0.1/requests/")).hasSize(2);
    }

    @Test
    void shouldReportMalformedJson() {
        String id = client.submit(request("fedora-41-x86_64"));
        farm.inject(Fault.of(Fault.Kind.MALFORMED_JSON).on("GET", "/v0.1/requests/"));

        assertThatThrownBy(() -> client.status(id))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessageStartingWith("GET " + farm.apiUrl() + "requests/" + id + " → HTTP 200: \"malformed JSON in response: ");
    }

    @Test
    void shouldNotResubmitWhenTheAnswerToASubmitNeverCame() {
        var impatient = new TestingFarmClient(http.newBuilder().readTimeout(Duration.ofMillis(300)).build(), farm.apiUrl(),
                Secret.of(KEY), RetryPolicy.standard(), sleeper);
        farm.inject(Fault.of(Fault.Kind.PROCESS_THEN_STALL).on("POST", "/v0.1/requests"));

        assertThatThrownBy(() -> impatient.submit(request("fedora-41-x86_64")))
                .isInstanceOfSatisfying(TestingFarmApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.getMessage()).startsWith("POST " + farm.apiUrl() + "requests → no response: \"timed out");
                });
        assertThat(farm.requestIds()).as("Testing Farm created it once").hasSize(1);
        assertThat(farm.calls("POST", "/v0.1/requests")).as("and was never asked again").hasSize(1);
    }

    @Test
    void shouldFailAReadAfterTheLastAttemptWithMethodUrlStatusAndMessage() {
        String id = client.submit(request("fedora-41-x86_64"));
        var fault = Fault.status(500);
        farm.failNext("GET", "/v0.1/requests/", fault, fault, fault, fault);

        assertThatThrownBy(() -> client.status(id))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessage("GET " + farm.apiUrl() + "requests/" + id + " → HTTP 500 Internal Server Error: \"injected fault\"");
        assertThat(farm.calls("GET", "/v0.1/requests/")).hasSize(4);
    }

    @Test
    void shouldNeverRepeatASubmit() {
        farm.failNext("POST", "/v0.1/requests", Fault.status(503));
        assertThatThrownBy(() -> client.submit(request("fedora-41-x86_64")))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessage("POST " + farm.apiUrl() + "requests → HTTP 503 Service Unavailable: \"injected fault\"");

        farm.failNext("POST", "/v0.1/requests", Fault.disconnect());
        assertThatThrownBy(() -> client.submit(request("fedora-41-x86_64")))
                .isInstanceOfSatisfying(TestingFarmApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.status()).isEqualTo(ApiException.NO_RESPONSE);
                    assertThat(e.getMessage()).startsWith("POST " + farm.apiUrl() + "requests → no response")
                            .endsWith("(the request may have reached the server; it was not repeated)");
                });
        assertThat(farm.calls("POST", "/v0.1/requests")).hasSize(2);
        assertThat(farm.requestIds()).isEmpty();
    }

    @Test
    void shouldReportAuthFailuresWithoutTheKey() {
        TestingFarmClient stranger = client("not-a-key-abcdef");
        assertThatThrownBy(() -> stranger.submit(request("fedora-41-x86_64")))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessage("POST " + farm.apiUrl() + "requests → HTTP 401 Unauthorized: \"Not authorized to perform this action\"");

        farm.expireApiKey(KEY);
        assertThatThrownBy(() -> client.submit(request("fedora-41-x86_64")))
                .isInstanceOfSatisfying(TestingFarmApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorText()).isEqualTo("Token has expired");
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
        assertThat(farm.calls("POST", "/")).hasSize(2);
    }

    @Test
    void shouldShowTestingFarmValidationErrors() {
        var spec = TestRequestSpec.builder("fedora-41-s390x", HELLO).build(CoprBuildArtifact.of(1, "fedora-41-s390x"))
                .ranch(Ranch.REDHAT).build();
        TestRequest request = TestRequestFactory.offline().requests(spec).get(0);

        assertThatThrownBy(() -> client.submit(request))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessage("POST " + farm.apiUrl() + "requests → HTTP 400 Bad Request: "
                        + "\"environments.0.arch: Unsupported architecture s390x\"");
    }

    @Test
    void shouldReportUnknownAndMalformedIds() {
        String unknown = "5b1e7a52-3c0f-4d0e-9a7b-2f64c1d9e8aa";
        assertThatThrownBy(() -> client.status(unknown))
                .isInstanceOf(TestingFarmApiException.class)
                .hasMessage("GET " + farm.apiUrl() + "requests/" + unknown + " → HTTP 404 Not Found: \"No such entity\"");
        assertThatThrownBy(() -> client.status("8123456"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'8123456' is not a Testing Farm request id (a UUID)");
        assertThat(farm.calls()).as("the malformed id is refused before any call").hasSize(1);
    }

    @Test
    void shouldReadTheRanchOfTheKeyAndTheComposes() {
        assertThat(client.ranch()).isEqualTo(Ranch.PUBLIC);
        assertThat(farm.calls("GET", "/v0.1/whoami").get(0).authorization()).isEqualTo("Bearer " + KEY);

        AvailableComposes composes = client.composes(Ranch.PUBLIC);
        assertThat(composes.contains("Fedora-41")).isTrue();
        assertThat(composes.contains("Fedora-42-aarch64-Updated")).as("names may be regexes").isTrue();
        assertThat(composes.contains("CentOS-Stream-8")).isFalse();
    }

    @Test
    void shouldTakeTheApiUrlFromTheOptionThenTheEnvironmentThenTheDefault() {
        Map<String, String> env = Map.of(TestingFarmClient.URL_VARIABLE, "https://api.dev.testing-farm.io/v0.1");

        assertThat(TestingFarmClient.apiUrl("http://127.0.0.1:8080", env).toString()).isEqualTo("http://127.0.0.1:8080/v0.1/");
        assertThat(TestingFarmClient.apiUrl(null, env).toString()).isEqualTo("https://api.dev.testing-farm.io/v0.1/");
        assertThat(TestingFarmClient.apiUrl(null, Map.of()).toString()).isEqualTo("https://api.testing-farm.io/v0.1/");
        assertThat(TestingFarmClient.apiUrl("https://internal.example/v0.1/", Map.of()).toString())
                .isEqualTo("https://internal.example/v0.1/");
        assertThatThrownBy(() -> TestingFarmClient.apiUrl("ftp://x", Map.of()))
                .hasMessage("the Testing Farm API URL 'ftp://x' (from --tf-url) is not an http(s) URL");
    }

    private TestingFarmClient client(String key) {
        var retry = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5, Duration.ofMinutes(2));
        return new TestingFarmClient(http, farm.apiUrl(), Secret.of(key), retry, sleeper);
    }

    private RequestWaiter waiter(Duration timeout) {
        return new RequestWaiter(client, schedule(timeout), sleeper, new SplittableRandom(1),
                (previous, now) -> changes.add(previous + " -> " + now.state()));
    }

    private static PollSchedule schedule(Duration timeout) {
        return new PollSchedule(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(60), 1.5, 0.2), timeout, 10_000);
    }

    private static TestRequest request(String chroot) {
        return TestRequestFactory.offline()
                .requests(TestRequestSpec.builder(chroot, HELLO).build(CoprBuildArtifact.of(8123456, chroot)).build())
                .get(0);
    }
}
