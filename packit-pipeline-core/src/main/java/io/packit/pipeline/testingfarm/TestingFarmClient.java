package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;
import io.packit.pipeline.http.DocumentFetch;
import io.packit.pipeline.http.HttpAuth;
import io.packit.pipeline.http.JsonHttp;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.Secret;
import io.packit.pipeline.http.Sleeper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * Testing Farm API v0.1: submit a request, read its state and result, cancel it, fetch its xunit.
 * The API key goes only into the {@code Authorization: Bearer} header of submit, cancel and whoami; reading a
 * request is anonymous (as Testing Farm allows), and xunit files are fetched without credentials.
 * Reads are retried on connect errors, timeouts, 5xx and 429; a submit is never repeated once it may have
 * reached Testing Farm (it could start a second run).
 */
public final class TestingFarmClient {
    /** The public API, used when neither {@code --tf-url} nor {@value #URL_VARIABLE} says otherwise. */
    public static final String PUBLIC_API_URL = "https://api.testing-farm.io/v0.1";
    /** The environment variable Testing Farm's own CLI reads the API URL from. */
    public static final String URL_VARIABLE = "TESTING_FARM_API_URL";

    private static final long MAX_XUNIT_BYTES = 64L * 1024 * 1024;
    private static final String RESULTS_XML = "results.xml";

    private final HttpUrl apiUrl;
    private final JsonHttp http;
    private final DocumentFetch documents;

    /**
     * A client of the API at {@code apiUrl} (with or without the {@code /v0.1} suffix) authenticating with
     * {@code apiKey}, retrying reads per {@code retryPolicy}, waiting with {@code sleeper}.
     */
    public TestingFarmClient(OkHttpClient client, HttpUrl apiUrl, Secret apiKey, RetryPolicy retryPolicy, Sleeper sleeper) {
        Objects.requireNonNull(client, "client");
        this.apiUrl = versioned(Objects.requireNonNull(apiUrl, "apiUrl"));
        var errors = new TestingFarmErrors();
        this.http = new JsonHttp(client, this.apiUrl, new ObjectMapper(), HttpAuth.bearer(Objects.requireNonNull(apiKey, "apiKey")),
                retryPolicy, sleeper, errors);
        this.documents = new DocumentFetch(client, retryPolicy, sleeper, errors, MAX_XUNIT_BYTES);
    }

    /** A client with the standard retry policy and the system clock. */
    public static TestingFarmClient create(OkHttpClient client, HttpUrl apiUrl, Secret apiKey) {
        return new TestingFarmClient(client, apiUrl, apiKey, RetryPolicy.standard(), Sleeper.system());
    }

    /**
     * The API URL to use: {@code option} ({@code --tf-url}) if given, else {@value #URL_VARIABLE} from
     * {@code environment}, else the public API.
     */
    public static HttpUrl apiUrl(@CheckForNull String option, Map<String, String> environment) {
        String chosen = option;
        String source = "--tf-url";
        if (chosen == null || chosen.isBlank()) {
            chosen = environment.get(URL_VARIABLE);
            source = URL_VARIABLE;
        }
        if (chosen == null || chosen.isBlank()) {
            chosen = PUBLIC_API_URL;
            source = "the default";
        }
        HttpUrl url = HttpUrl.parse(chosen.strip());
        if (url == null) {
            throw new IllegalArgumentException("the Testing Farm API URL '" + chosen + "' (from " + source
                    + ") is not an http(s) URL");
        }
        return versioned(url);
    }

    /**
     * A client for command lines and plugins: the API URL from {@code urlOption}, else {@value #URL_VARIABLE} in
     * {@code environment}, else the public API; its own OkHttp client (10 s to connect, 60 s to read), the standard
     * retry policy and the system clock.
     *
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public static TestingFarmClient create(@CheckForNull String urlOption, Map<String, String> environment, Secret apiKey) {
        var client = new OkHttpClient.Builder()
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .readTimeout(java.time.Duration.ofSeconds(60))
                .build();
        return create(client, apiUrl(urlOption, environment), apiKey);
    }

    /** The API base, ending in {@code /v0.1/}. */
    public String apiUrl() {
        return apiUrl.toString();
    }

    /**
     * Submits {@code request} ({@code POST /v0.1/requests}); never repeated once it may have reached Testing Farm.
     *
     * @return the new request's id
     * @throws TestingFarmApiException when Testing Farm refuses it (400 with its validation errors, 401, …)
     */
    public String submit(TestRequest request) {
        List<String> path = List.of("requests");
        JsonNode answer = http.send("POST", path, Map.of(), request.payload());
        String id = http.<Answers.Submitted>bind(answer, type(Answers.Submitted.class), "POST", http.url(path, Map.of()))
                .id();
        if (id.isBlank()) {
            throw malformed("POST", http.url(path, Map.of()), "unexpected answer (Submitted): blank field 'id'");
        }
        return id;
    }

    /** The request {@code id} as it is now ({@code GET /v0.1/requests/{id}}, anonymous, retried). */
    public RequestStatus status(String id) {
        requireUuid(id);
        return http.get(Answers.Details.class, List.of("requests", id), Map.of(), false).status();
    }

    /**
     * Cancels the request {@code id} ({@code DELETE /v0.1/requests/{id}}).
     *
     * @return requested (200), already canceled or being canceled (204), already finished (409)
     */
    public CancelOutcome cancel(String id) {
        requireUuid(id);
        try {
            JsonNode answer = http.send("DELETE", List.of("requests", id), Map.of(), (RequestBody) null);
            // 204 has no content; 200 describes the request
            return answer.isMissingNode() ? CancelOutcome.ALREADY_CANCELED : CancelOutcome.REQUESTED;
        } catch (ApiException e) {
            if (e.status() == 409) {
                return CancelOutcome.ALREADY_FINISHED;
            }
            throw e;
        }
    }

    /** The composes {@code ranch} offers ({@code GET /v0.1/composes/{ranch}}). */
    public AvailableComposes composes(Ranch ranch) {
        var listed = http.get(Answers.Composes.class, List.of("composes", ranch.id()), Map.of(), false);
        return new AvailableComposes(listed.composes().stream().map(Answers.Compose::name).toList());
    }

    /** The ranch the API key belongs to ({@code GET /v0.1/whoami}); also proves the key works. */
    public Ranch ranch() {
        String ranch = http.get(Answers.WhoAmI.class, List.of("whoami"), Map.of(), true).token().ranch();
        try {
            return Ranch.fromId(ranch);
        } catch (IllegalArgumentException e) {
            throw malformed("GET", http.url(List.of("whoami"), Map.of()), "unknown ranch '" + ranch + "'");
        }
    }

    /**
     * The xunit of a finished request: {@code result.xunit} if inline, else the document at
     * {@code result.xunit_url}, else {@code <run.artifacts>/results.xml}; empty when there is none (404 or no URL).
     */
    public Optional<String> xunit(RequestStatus status) {
        String inline = status.xunit();
        if (inline != null && !inline.isBlank()) {
            return Optional.of(inline);
        }
        for (String url : xunitUrls(status)) {
            HttpUrl parsed = HttpUrl.parse(url);
            if (parsed == null) {
                continue;
            }
            try {
                return Optional.of(documents.get(parsed));
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The JUnit report of a finished request: its xunit converted with the request's compose and arch; empty when
     * Testing Farm has no xunit for it.
     */
    public Optional<JunitReport> junit(RequestStatus status, @CheckForNull String compose, @CheckForNull String arch) {
        Optional<String> xunit = xunit(status);
        if (xunit.isEmpty()) {
            return Optional.empty();
        }
        String artifactsUrl = status.artifactsUrl();
        URI artifacts = artifactsUrl == null ? null : URI.create(artifactsUrl);
        String source = status.xunit() != null ? "request " + status.id() : String.join(" or ", xunitUrls(status));
        return Optional.of(new XunitConverter(compose, arch, artifacts).convert(xunit.get(), source));
    }

    private static List<String> xunitUrls(RequestStatus status) {
        var urls = new ArrayList<String>();
        String xunitUrl = status.xunitUrl();
        if (xunitUrl != null && !xunitUrl.isBlank()) {
            urls.add(xunitUrl);
        }
        String artifacts = status.artifactsUrl();
        if (artifacts != null && !artifacts.isBlank()) {
            String base = artifacts.endsWith("/") ? artifacts : artifacts + "/";
            if (!urls.contains(base + RESULTS_XML)) {
                urls.add(base + RESULTS_XML);
            }
        }
        return urls;
    }

    private JavaType type(Class<?> type) {
        return http.mapper().constructType(type);
    }

    private static void requireUuid(String id) {
        Objects.requireNonNull(id, "id");
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "' is not a Testing Farm request id (a UUID)", e);
        }
    }

    private static TestingFarmApiException malformed(String method, HttpUrl url, String what) {
        return new TestingFarmApiException(new ApiFailure(method, url.toString(), 200, what, false), null);
    }

    private static HttpUrl versioned(HttpUrl url) {
        List<String> segments = new ArrayList<>(url.pathSegments());
        segments.removeIf(String::isEmpty);
        HttpUrl.Builder builder = url.newBuilder().encodedPath("/");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        if (segments.isEmpty() || !segments.get(segments.size() - 1).startsWith("v0.")) {
            builder.addPathSegment("v0.1");
        }
        return builder.addPathSegment("").build();
    }
}
