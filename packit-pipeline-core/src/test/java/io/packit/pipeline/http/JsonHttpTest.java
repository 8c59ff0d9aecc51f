package io.packit.pipeline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonHttpTest {
    private static final String TOKEN = "s3cr3t-t0ken-value";

    private final MockWebServer server = new MockWebServer();
    private final VirtualSleeper sleeper = new VirtualSleeper();
    private final OkHttpClient client = new OkHttpClient.Builder()
            .readTimeout(Duration.ofMillis(500)).build();
    private JsonHttp http;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        http = http(server.url("/api_3/"), RetryPolicy.standard());
    }

    @AfterEach
    void stop() {
        server.close();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private JsonHttp http(HttpUrl base, RetryPolicy policy) {
        return new JsonHttp(client, base, new ObjectMapper(), HttpAuth.basic("apilogin", Secret.of(TOKEN)), policy,
                sleeper, ServiceErrors.generic());
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void shouldGetAnonymouslyWithEncodedSegmentsAndQuery() throws InterruptedException {
        server.enqueue(json(200, "{\"id\": 5}"));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ownername", "@copr");
        query.put("projectname", "a b");

        JsonNode body = http.get(List.of("project", "x/y"), query);

        assertThat(body.get("id").asInt()).isEqualTo(5);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api_3/project/x%2Fy?ownername=%40copr&projectname=a%20b");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void shouldRetryGetOn503AndHonourRetryAfterSeconds() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").body("busy").build());
        server.enqueue(json(200, "{\"version\": 3}"));

        JsonNode body = http.get(List.of(), Map.of());

        assertThat(body.get("version").asInt()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void shouldHonourRetryAfterAsHttpDateOn429() {
        Instant at = sleeper.now().plusSeconds(12);
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(java.time.ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", date)
                .body("{\"error\": \"slow down\"}").build());
        server.enqueue(json(200, "{}"));

        http.get(List.of("build", "1"), Map.of());

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void shouldGiveUpWhenRetryAfterIsLongerThanThePolicyAllows() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600")
                .body("{\"error\": \"come back later\"}").build());

        assertThatThrownBy(() -> http.get(List.of("build", "1"), Map.of()))
                .isInstanceOf(ApiException.class)
                .hasMessage("GET " + server.url("/api_3/build/1") + " → HTTP 429 Too Many Requests: \"come back later\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryGetWithBackoffUntilAttemptsRunOutThenNameStatusAndErrorText() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(500, "{\"error\": \"Request wasn't successful, there is probably a bug in the Copr code.\"}"));
        }

        assertThatThrownBy(() -> http.get(List.of("build", "9"), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.errorText())
                            .isEqualTo("Request wasn't successful, there is probably a bug in the Copr code.");
                    assertThat(e.isOutcomeUnknown()).isFalse();
                });
        assertThat(server.getRequestCount()).isEqualTo(4);
        List<Duration> sleeps = sleeper.sleeps();
        assertThat(sleeps).hasSize(3);
        // 1 s, 2 s, 4 s, each moved by up to 50 % either way (Failsafe's jitter)
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    /** A record as the clients bind answers to. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Build(@JsonProperty(value = "id", required = true) long id,
            @JsonProperty(value = "state", required = true) String state,
            @JsonProperty("chroots") List<Chroot> chroots) {
        Build {
            Objects.requireNonNull(state, "state");
        }
    }

    /** A nested record. */
    record Chroot(@JsonProperty(value = "name", required = true) String name) {
    }

    @Test
    void shouldBindAnAnswerToARecord() {
        server.enqueue(json(200, "{\"id\": 5, \"state\": \"running\", \"extra\": 1, \"chroots\": [{\"name\": \"f41\"}]}"));

        Build build = http.get(Build.class, List.of("build", "5"), Map.of(), false);

        assertThat(build).isEqualTo(new Build(5, "running", List.of(new Chroot("f41"))));
    }

    @Test
    void shouldNameTheMissingNullOrMistypedFieldOfAnAnswerWithoutRetrying() {
        server.enqueue(json(200, "{\"id\": 5}"));
        server.enqueue(json(200, "{\"id\": 5, \"state\": null}"));
        server.enqueue(json(200, "{\"id\": \"five\", \"state\": \"running\"}"));
        server.enqueue(json(200, "{\"id\": 5, \"state\": \"running\", \"chroots\": [{\"arch\": \"x86_64\"}]}"));
        server.enqueue(json(200, "[1, 2]"));
        String prefix = "GET " + server.url("/api_3/build/5") + " → HTTP 200: \"unexpected answer (Build): ";

        assertThatThrownBy(() -> http.get(Build.class, List.of("build", "5"), Map.of(), false))
                .isInstanceOf(ApiException.class).hasMessage(prefix + "missing field 'state'\"");
        assertThatThrownBy(() -> http.get(Build.class, List.of("build", "5"), Map.of(), false))
                .hasMessage(prefix + "null field 'state'\"");
        assertThatThrownBy(() -> http.get(Build.class, List.of("build", "5"), Map.of(), false))
                .hasMessageStartingWith(prefix + "field 'id': Cannot deserialize value of type `long`");
        assertThatThrownBy(() -> http.get(Build.class, List.of("build", "5"), Map.of(), false))
                .hasMessage(prefix + "missing field 'chroots[0].name'\"");
        assertThatThrownBy(() -> http.get(Build.class, List.of("build", "5"), Map.of(), false))
                .hasMessage(prefix + "expected a JSON object, got array\"");
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void shouldNotRetryClientErrors() {
        server.enqueue(json(404, "{\"error\": \"Build 7 does not exist.\"}"));

        assertThatThrownBy(() -> http.get(List.of("build", "7"), Map.of()))
                .hasMessage("GET " + server.url("/api_3/build/7") + " → HTTP 404 Not Found: \"Build 7 does not exist.\"");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRetryGetAfterDroppedConnectionAndSlowBody() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().body("{\"late\": true}").throttleBody(1, 1, TimeUnit.SECONDS).build());
        server.enqueue(json(200, "{\"ok\": true}"));

        JsonNode body = http.get(List.of("build", "1"), Map.of());

        assertThat(body.toString()).isEqualTo("{\"ok\":true}");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void shouldRetryConnectErrorsEvenForPostBecauseNothingWasSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl nowhere = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(closedPort)
                .addPathSegment("api_3").addPathSegment("").build();
        JsonHttp refused = http(nowhere, RetryPolicy.standard());

        assertThatThrownBy(() -> refused.send("POST", List.of("build", "create", "url"), Map.of(), Map.of("a", 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(ApiException.NO_RESPONSE);
                    assertThat(e.isOutcomeUnknown()).isFalse();
                    assertThat(e.getMessage()).startsWith("POST http://127.0.0.1:" + closedPort
                            + "/api_3/build/create/url → no response: \"I/O error: ");
                });
        assertThat(sleeper.sleeps()).hasSize(3);
    }

    @Test
    void shouldSendPostOnceWithJsonBodyAndBasicAuth() throws InterruptedException {
        server.enqueue(json(200, "{\"id\": 42}"));

        JsonNode body = http.send("POST", List.of("build", "create", "scm"), Map.of(), Map.of("ownername", "jdoe"));

        assertThat(body.get("id").asInt()).isEqualTo(42);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(("apilogin:" + TOKEN).getBytes()));
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getBody().utf8()).isEqualTo("{\"ownername\":\"jdoe\"}");
    }

    @Test
    void shouldNeverRepeatAPostThatTimedOutAfterBeingSent() {
        server.enqueue(new MockResponse.Builder().body("{\"id\": 1}").headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(json(200, "{\"id\": 2}"));

        assertThatThrownBy(() -> http.send("POST", List.of("build", "create", "url"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.getMessage()).endsWith(
                            "(the request may have reached the server; it was not repeated)");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldNotRetryPostOn500() {
        server.enqueue(json(500, "{\"error\": \"boom\"}"));
        server.enqueue(json(200, "{}"));

        assertThatThrownBy(() -> http.send("PUT", List.of("build", "cancel", "3"), Map.of(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldReportMalformedJson() {
        server.enqueue(json(200, "{\"items\": [1, 2"));

        assertThatThrownBy(() -> http.get(List.of("build", "list"), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.errorText()).startsWith("malformed JSON in response: ");
                });
    }

    @Test
    void shouldKeepTheTokenOutOfMessagesUrlsAndToString() {
        server.enqueue(json(401, "{\"output\": \"notok\", \"error\": \"Login invalid/expired for " + TOKEN + "\"}"));
        JsonHttp leaky = new JsonHttp(client, server.url("/api_3/").newBuilder().username("u").password(TOKEN)
                .addQueryParameter("api_token", TOKEN).build(), new ObjectMapper(),
                HttpAuth.basic("apilogin", Secret.of(TOKEN)), RetryPolicy.standard(), sleeper,
                ServiceErrors.generic());

        assertThatThrownBy(() -> leaky.send("POST", List.of("project", "add", "jdoe"), Map.of(), Map.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(TOKEN).contains("api_token=REDACTED")
                            .contains("Login invalid/expired for ****");
                    assertThat(e.url()).doesNotContain(TOKEN).doesNotContain("u:");
                });
        assertThat(HttpAuth.basic("apilogin", Secret.of(TOKEN)).toString()).isEqualTo("HttpAuth[Basic]");
        assertThat(Secret.of(TOKEN).toString()).doesNotContain(TOKEN);
    }
}
