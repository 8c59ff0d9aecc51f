package io.packit.pipeline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentFetchTest {
    private final MockWebServer server = new MockWebServer();
    private final VirtualSleeper sleeper = new VirtualSleeper();
    private final OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build();
    private final DocumentFetch fetch = new DocumentFetch(client, RetryPolicy.standard(), sleeper, ServiceErrors.generic(),
            64);

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
        client.connectionPool().evictAll();
    }

    @Test
    void shouldFetchTextAnonymouslyRetrying5xxAnd429() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "9").build());
        server.enqueue(new MockResponse.Builder().code(200).body("<testsuites/>").build());

        String text = fetch.get(server.url("/artifacts/r1/results.xml"));

        assertThat(text).isEqualTo("<testsuites/>");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(sleeper.sleeps()).hasSize(2).contains(Duration.ofSeconds(9));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void shouldNotRetryA404() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html>\n  not  here\n</html>").build());

        assertThatThrownBy(() -> fetch.get(server.url("/artifacts/r1/results.xml")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("GET " + server.url("/artifacts/r1/results.xml")
                            + " → HTTP 404 Not Found: \"<html> not here </html>\"");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseADocumentOverTheCap() {
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(65)).build());

        assertThatThrownBy(() -> fetch.get(server.url("/big")))
                .isInstanceOf(ApiException.class)
                .hasMessage("GET " + server.url("/big") + " → HTTP 200: \"document larger than 64 bytes\"");
    }
}
