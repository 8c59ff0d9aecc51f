package io.packit.pipeline.bodhi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.VirtualSleeper;
import io.packit.pipeline.http.fake.Fault;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BodhiClient} against the fake Bodhi on loopback: paging, Bodhi's state filter, faults. */
class BodhiClientTest {
    private final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady());
    private final VirtualSleeper clock = new VirtualSleeper();
    private final BodhiClient client = new BodhiClient(
            new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(1)).build(), bodhi.url(),
            RetryPolicy.standard(), clock);

    @AfterEach
    void stop() {
        bodhi.close();
    }

    @Test
    void shouldReadEveryPageAskingForTheStatesPackitAsksFor() {
        bodhi.defaultRowsPerPage(7);

        var answer = client.activeReleases();

        assertThat(answer.pages()).isEqualTo(3);
        assertThat(bodhi.requests()).extracting(request -> request.getUrl().encodedPath() + "?"
                + request.getUrl().encodedQuery()).containsExactly(
                        "/releases/?state=current%2Cpending%2Cfrozen&page=1",
                        "/releases/?state=current%2Cpending%2Cfrozen&page=2",
                        "/releases/?state=current%2Cpending%2Cfrozen&page=3");
        assertThat(answer.releases()).hasSize(19).extracting(BodhiRelease::name)
                .startsWith("ELN", "EPEL-10.1", "EPEL-10.2", "EPEL-10.3", "EPEL-8")
                .doesNotContain("F43", "EPEL-10.0", "EPEL-7", "EL-6", "F48");
        assertThat(answer.releases()).filteredOn(release -> release.name().equals("F46")).singleElement()
                .isEqualTo(new BodhiRelease("F46", "Fedora 46", "46", "FEDORA", "f46", "frozen", "f46"));
    }

    @Test
    void shouldReadOnePageWhenBodhiPagesByItsDefaultOfTwenty() {
        assertThat(client.activeReleases().pages()).isEqualTo(1);
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldRetryServerErrorsRateLimitsAndDroppedConnections() {
        bodhi.defaultRowsPerPage(7);
        bodhi.inject(Fault.status(503)).inject(Fault.retryAfter(3)).inject(Fault.disconnect())
                .inject(Fault.of(Fault.Kind.GATEWAY_TIMEOUT).on("GET", "/releases/"));

        var answer = client.activeReleases();

        assertThat(answer.releases()).hasSize(19);
        // page 1: 503, 429, dropped, answered; page 2: 504, answered; page 3
        assertThat(bodhi.requests()).hasSize(7);
        assertThat(clock.sleeps()).contains(Duration.ofSeconds(3));
    }

    @Test
    void shouldFailWithOneLineNamingUrlAndStatusAfterTheRetries() {
        for (int i = 0; i < 4; i++) {
            bodhi.inject(Fault.status(500));
        }

        assertThatThrownBy(client::activeReleases).isInstanceOf(BodhiApiException.class)
                .hasMessage("GET " + bodhi.url() + "/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP 500 "
                        + "Internal Server Error: \"<html><body><h1>500</h1>Bodhi is having trouble.</body></html>\"");
        assertThat(bodhi.requests()).hasSize(4);
    }

    @Test
    void shouldRefuseMalformedJson() {
        bodhi.inject(Fault.of(Fault.Kind.MALFORMED_JSON));

        assertThatThrownBy(client::activeReleases).isInstanceOf(BodhiApiException.class)
                .hasMessageContaining("/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP 200: \"malformed JSON "
                        + "in response: ");
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldRefuseAnAnswerWithoutFedora() {
        bodhi.releases(BodhiFixtures.steady().stream().filter(release -> !release.idPrefix().equals("FEDORA")
                || release.name().equals("ELN")).toList());

        assertThatThrownBy(client::activeReleases).isInstanceOf(BodhiApiException.class)
                .hasMessageEndingWith("→ HTTP 200: \"malformed answer: no Fedora release in the answer (15 releases, "
                        + "none with id_prefix FEDORA other than ELN)\"");
    }

    @Test
    void shouldRefuseAReleaseWithoutItsFields() {
        bodhi.releases(List.of(new FakeBodhi.Release("F45", "Fedora 45", "45", "FEDORA", "f45", "current", "f45")));
        var broken = new BodhiClient(new OkHttpClient(), bodhi.url() + "/nowhere", RetryPolicy.none(), clock);

        assertThatThrownBy(broken::activeReleases).isInstanceOf(BodhiApiException.class)
                .hasMessage("GET " + bodhi.url() + "/nowhere/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP "
                        + "404 Not Found: \"The resource could not be found.\"");
    }

    @Test
    void shouldRefuseAnswersThatAreNotBodhisShape() throws Exception {
        var pageOne = "{\"releases\": [%s], \"page\": 1, \"pages\": %s, \"rows_per_page\": 20, \"total\": 1}";
        var f45 = "{\"name\": \"F45\", \"long_name\": \"Fedora 45\", \"version\": \"45\", \"id_prefix\": "
                + "\"FEDORA\", \"branch\": \"f45\", \"state\": \"current\", \"dist_tag\": \"f45\"}";
        assertThat(refusal("{\"items\": []}")).endsWith("\"malformed answer: the answer has no 'releases' list\"");
        assertThat(refusal(pageOne.formatted(f45, "\"2\""))).endsWith("the answer has no integer 'pages'\"");
        assertThat(refusal(pageOne.formatted(f45, "5000"))).endsWith("the answer says it has 5000 pages (at most 100 "
                + "expected)\"");
        assertThat(refusal(pageOne.formatted("{\"name\": \"F45\", \"version\": 45}", "1")))
                .endsWith("releases[0] has no string long_name, version, id_prefix, branch, state\"");
        assertThat(refusal(pageOne.formatted(f45, "2"), pageOne.formatted(f45, "2")))
                .endsWith("asked for page 2, the answer is page 1\"");
    }

    private static String refusal(String... bodies) throws Exception {
        try (var server = new mockwebserver3.MockWebServer()) {
            for (var body : bodies) {
                server.enqueue(new mockwebserver3.MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body(body).build());
            }
            server.start(java.net.InetAddress.getLoopbackAddress(), 0);
            var client = new BodhiClient(new OkHttpClient(), server.url("/").toString(), RetryPolicy.none(),
                    new VirtualSleeper());
            try {
                client.activeReleases();
            } catch (BodhiApiException refused) {
                return refused.getMessage();
            }
            throw new AssertionError("Bodhi's answer was taken: " + String.join(" ", bodies));
        }
    }
}
