package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.VirtualSleeper;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every call of {@link TestingFarmClient} on the wire: method, path, {@code Authorization} and body of each request
 * as MockWebServer receives it, answered with the example bodies of the API reference (copr-tf-api.md §2.2, §2.3,
 * §2.10).
 */
class TestingFarmClientWireTest {
    private static final String KEY = "tf-api-key-0123456789abcdef";
    private static final String ID = "5b1e7a52-3c0f-4d0e-9a7b-2f64c1d9e8aa";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** §2.10 "Submit response". */
    private static final String SUBMITTED = """
            {"id": "5b1e7a52-3c0f-4d0e-9a7b-2f64c1d9e8aa", "state": "new", "created": "2026-08-01T10:15:02.118273", \
            "updated": "2026-08-01T10:15:02.118291"}""";
    /** §2.10 "Poll while running". */
    private static final String RUNNING = """
            {
              "id": "5b1e7a52-3c0f-4d0e-9a7b-2f64c1d9e8aa",
              "user_id": "0cfc00a8-94d7-4408-babc-4d0bc43821ea",
              "token_id": "7a1d2c3b-0000-4000-8000-1234567890ab",
              "state": "running",
              "test": {"fmf": {"url": "https://github.com/acme/hello", "ref": "9f1c2e7d0b6a4c3e2f1a0b9c8d7e6f5a4b3c2d1e", "path": ".", "name": "/plans/smoke"}, "sti": null, "script": null},
              "environments_requested": [{
                "arch": "x86_64", "os": {"compose": "CentOS-Stream-9"}, "pool": null,
                "variables": {"COPR_PROJECT": "jdoe/ci-hello", "COPR_BUILD_ID": "8123456"},
                "secrets": {"QUAY_TOKEN": "hidden"},
                "artifacts": [{"id": "8123456:epel-9-x86_64", "type": "fedora-copr-build", "packages": ["hello-2.12-1.el9.x86_64"], "order": 20, "install": true}],
                "hardware": null, "settings": {"pipeline": null, "provisioning": null},
                "tmt": {"context": {"distro": "centos-stream-9", "arch": "x86_64", "trigger": "commit", "initiator": "jenkins"}}
              }],
              "notes": [],
              "result": null,
              "run": {"artifacts": "https://artifacts.dev.testing-farm.io/5b1e7a52-3c0f-4d0e-9a7b-2f64c1d9e8aa", "console": null, "stages": null},
              "settings": {"pipeline": {"timeout": 180}},
              "created": "2026-08-01T10:15:02.118273",
              "updated": "2026-08-01T10:16:40.551002",
              "queued_time": 41.7,
              "run_time": null
            }""";

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(5)).build();
    private final VirtualSleeper sleeper = new VirtualSleeper();
    private TestingFarmClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new TestingFarmClient(http, server.url("/"), Secret.of(KEY), RetryPolicy.standard(), sleeper);
    }

    @AfterEach
    void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        return request;
    }

    @Test
    void shouldPostTheRequestWithTheKeyInTheBearerHeaderOnly() throws Exception {
        server.enqueue(json(200, SUBMITTED));
        TestRequest request = TestRequestFactory.offline().requests(TestRequestSpec.builder("epel-9-x86_64",
                FmfSource.of("https://github.com/acme/hello", "9f1c2e7d0b6a4c3e2f1a0b9c8d7e6f5a4b3c2d1e"))
                .build(CoprBuildArtifact.of(8123456, "epel-9-x86_64")).build()).get(0);

        String id = client.submit(request);

        assertThat(id).isEqualTo(ID);
        RecordedRequest post = taken();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getTarget()).isEqualTo("/v0.1/requests");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        String body = post.getBody().utf8();
        assertThat(JSON.readTree(body)).isEqualTo(request.payload());
        assertThat(body).doesNotContain(KEY).doesNotContain("api_key");
    }

    @Test
    void shouldReadARunningRequestAnonymously() throws Exception {
        server.enqueue(json(200, RUNNING));

        RequestStatus status = client.status(ID);

        assertThat(status.id()).isEqualTo(ID);
        assertThat(status.state()).isEqualTo(RequestState.RUNNING);
        assertThat(status.isTerminal()).isFalse();
        assertThat(status.overall()).isNull();
        assertThat(status.artifactsUrl()).isEqualTo("https://artifacts.dev.testing-farm.io/" + ID);
        assertThat(status.notes()).isEmpty();
        RecordedRequest get = taken();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getTarget()).isEqualTo("/v0.1/requests/" + ID);
        assertThat(get.getHeaders().get("Authorization")).as("reading a request is anonymous").isNull();
    }

    @Test
    void shouldReadTheResultOfACompleteAndOfAnErroredRequest() throws Exception {
        // §2.10 "Complete / failed" and "Pipeline error" (only changed keys shown there) on the running request
        var complete = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(RUNNING))
                .put("state", "complete").put("run_time", 612.3);
        complete.putObject("result").put("overall", "failed").put("summary", "1 plan failed").putNull("xunit")
                .put("xunit_url", "https://artifacts.dev.testing-farm.io/" + ID + "/results.xml");
        var error = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(RUNNING)).put("state", "error");
        error.putObject("result").put("overall", "error").put("summary", "Guest provisioning failed").putNull("xunit")
                .putNull("xunit_url");
        error.putArray("notes").addObject().put("level", "error")
                .put("message", "tf-tmt/dispatch-1722500000-1a2b3c4d");
        server.enqueue(json(200, complete.toString()));
        server.enqueue(json(200, error.toString()));

        RequestStatus failed = client.status(ID);
        RequestStatus errored = client.status(ID);

        assertThat(failed.result()).isEqualTo(TestResult.FAILED);
        assertThat(failed.message()).contains("1 plan failed");
        assertThat(failed.xunit()).isNull();
        assertThat(failed.xunitUrl()).isEqualTo("https://artifacts.dev.testing-farm.io/" + ID + "/results.xml");
        assertThat(errored.result()).isEqualTo(TestResult.ERROR);
        assertThat(errored.message()).contains("Guest provisioning failed");
        assertThat(errored.notes()).containsExactly("tf-tmt/dispatch-1722500000-1a2b3c4d");
        assertThat(taken().getTarget()).isEqualTo("/v0.1/requests/" + ID);
        assertThat(taken().getTarget()).isEqualTo("/v0.1/requests/" + ID);
    }

    @Test
    void shouldFetchTheXunitFromItsUrlWithoutTheKey() throws Exception {
        var complete = ((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(RUNNING)).put("state", "complete");
        complete.putObject("result").put("overall", "passed").putNull("summary").putNull("xunit")
                .put("xunit_url", server.url("/artifacts/" + ID + "/results.xml").toString());
        server.enqueue(json(200, complete.toString()));
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml")
                .body("<testsuites overall-result=\"passed\"/>").build());

        var xunit = client.xunit(client.status(ID));

        assertThat(xunit).contains("<testsuites overall-result=\"passed\"/>");
        taken();
        RecordedRequest document = server.takeRequest();
        assertThat(document.getMethod()).isEqualTo("GET");
        assertThat(document.getTarget()).isEqualTo("/artifacts/" + ID + "/results.xml");
        assertThat(document.getHeaders().get("Authorization")).as("xunit files are fetched anonymously").isNull();
    }

    @Test
    void shouldCancelWithTheKeyAndTellTheThreeAnswersApart() throws Exception {
        // 200: cancellation requested (body as the npm client models it); 204: already canceling; 409: finished
        server.enqueue(json(200, SUBMITTED.replace("\"new\"", "\"cancel-requested\"")));
        server.enqueue(new MockResponse.Builder().code(204).build());
        server.enqueue(json(409, "{\"message\": \"Request already finished\"}"));

        assertThat(client.cancel(ID)).isEqualTo(CancelOutcome.REQUESTED);
        assertThat(client.cancel(ID)).isEqualTo(CancelOutcome.ALREADY_CANCELED);
        assertThat(client.cancel(ID)).isEqualTo(CancelOutcome.ALREADY_FINISHED);

        for (int i = 0; i < 3; i++) {
            RecordedRequest delete = taken();
            assertThat(delete.getMethod()).isEqualTo("DELETE");
            assertThat(delete.getTarget()).isEqualTo("/v0.1/requests/" + ID);
            assertThat(delete.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        }
    }

    @Test
    void shouldListTheComposesOfARanchAnonymously() throws Exception {
        server.enqueue(json(200, "{\"composes\": [{\"name\": \"Fedora-40\"}, {\"name\": \"CentOS-Stream-9\"}, "
                + "{\"name\": \"Fedora-4[0-9]-aarch64-Updated\"}]}"));

        AvailableComposes composes = client.composes(Ranch.PUBLIC);

        assertThat(composes.names()).containsExactly("Fedora-40", "CentOS-Stream-9", "Fedora-4[0-9]-aarch64-Updated");
        assertThat(composes.contains("Fedora-41-aarch64-Updated")).isTrue();
        RecordedRequest get = taken();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getTarget()).isEqualTo("/v0.1/composes/public");
        assertThat(get.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void shouldAskWhoAmIWithTheKeyForTheRanch() throws Exception {
        server.enqueue(json(200, """
                {"token": {"enabled": true, "id": "7a1d2c3b-0000-4000-8000-1234567890ab", "name": "ci", \
                "ranch": "redhat", "role": "user", "user_id": "0cfc00a8-94d7-4408-babc-4d0bc43821ea"}, \
                "user": {"auth_id": "x", "auth_method": "token", "auth_name": "jdoe", "enabled": true, \
                "id": "0cfc00a8-94d7-4408-babc-4d0bc43821ea"}}"""));

        assertThat(client.ranch()).isEqualTo(Ranch.REDHAT);
        RecordedRequest get = taken();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getTarget()).isEqualTo("/v0.1/whoami");
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void shouldNameTheMissingFieldOfAnAnswerAndNeverRepeatTheSubmit() {
        server.enqueue(json(200, RUNNING.replace("\"state\": \"running\",", "")));
        server.enqueue(json(200, "{\"state\": \"new\"}"));
        server.enqueue(json(200, "{\"token\": {\"name\": \"ci\"}}"));
        TestRequest request = TestRequestFactory.offline().requests(TestRequestSpec.builder("fedora-41-x86_64",
                FmfSource.of("https://github.com/acme/hello", "9f1c2e7d")).build(CoprBuildArtifact.of(1, "fedora-41-x86_64"))
                .build()).get(0);

        assertThatThrownBy(() -> client.status(ID)).isInstanceOf(TestingFarmApiException.class)
                .hasMessage("GET " + server.url("/v0.1/requests/" + ID) + " → HTTP 200: \"unexpected answer (Details): "
                        + "missing field 'state'\"");
        assertThatThrownBy(() -> client.submit(request)).isInstanceOf(TestingFarmApiException.class)
                .hasMessage("POST " + server.url("/v0.1/requests") + " → HTTP 200: \"unexpected answer (Submitted): "
                        + "missing field 'id'\"");
        assertThatThrownBy(() -> client.ranch()).isInstanceOf(TestingFarmApiException.class)
                .hasMessage("GET " + server.url("/v0.1/whoami") + " → HTTP 200: \"unexpected answer (WhoAmI): "
                        + "missing field 'token.ranch'\"");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
