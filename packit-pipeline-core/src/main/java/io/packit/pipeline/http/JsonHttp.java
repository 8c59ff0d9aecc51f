package io.packit.pipeline.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * JSON over HTTP for one service: an injected {@link OkHttpClient}, a base URL, Jackson, credentials, a retry policy
 * and a clock. {@link #get} is idempotent and retried on connect errors, timeouts, 5xx and 429 (honouring
 * {@code Retry-After}); {@link #send} (POST/PUT/DELETE) is repeated only when the connection was never made, so a
 * request that may have reached the server is never sent twice (the two Failsafe policies of {@link RetryPolicy}). Every failure becomes the service's
 * {@link ApiException}, with the URL redacted and the credential kept out of the message.
 */
public final class JsonHttp {
    /** The media type of JSON request bodies. */
    public static final MediaType JSON = MediaType.get("application/json");

    private static final int MAX_ERROR_TEXT = 500;

    private final OkHttpClient client;
    private final OkHttpClient noSilentRetryClient;
    private final HttpUrl baseUrl;
    private final ObjectMapper mapper;
    private final HttpAuth auth;
    private final ServiceErrors errors;
    private final RetriedCall call;
    private final dev.failsafe.RetryPolicy<Response> reads;
    private final dev.failsafe.RetryPolicy<Response> writes;

    /**
     * Creates the caller.
     *
     * @param client the shared OkHttp client (its timeouts apply)
     * @param baseUrl the URL that request paths are appended to, e.g. {@code https://copr.example/api_3/}
     * @param mapper the JSON mapper
     * @param auth credentials for {@link #send} and authenticated GETs
     * @param retryPolicy retries of reads, and of writes that never reached the server
     * @param sleeper the clock that retries wait on
     * @param errors the service's error dialect
     */
    public JsonHttp(OkHttpClient client, HttpUrl baseUrl, ObjectMapper mapper, HttpAuth auth, RetryPolicy retryPolicy,
            Sleeper sleeper, ServiceErrors errors) {
        this.client = Objects.requireNonNull(client, "client");
        // OkHttp silently repeats a request on a stale pooled connection; never for requests that change state
        this.noSilentRetryClient = client.newBuilder().retryOnConnectionFailure(false).build();
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.call = new RetriedCall(Objects.requireNonNull(sleeper, "sleeper"));
        this.reads = Objects.requireNonNull(retryPolicy, "retryPolicy").forReads(sleeper);
        this.writes = retryPolicy.forWrites();
    }

    /**
     * Returns the JSON mapper.
     *
     * @return the mapper
     */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Returns the credentials.
     *
     * @return the credentials of state-changing requests
     */
    public HttpAuth auth() {
        return auth;
    }

    /**
     * Builds the URL of a request; every path segment is encoded, so names cannot escape their segment.
     *
     * @param segments path segments below the base URL
     * @param query query parameters in order (a {@link java.util.LinkedHashMap} keeps it)
     * @return the URL
     */
    public HttpUrl url(List<String> segments, Map<String, String> query) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        query.forEach(url::addQueryParameter);
        return url.build();
    }

    /**
     * GET, retried per the policy, with the answer bound to a record.
     *
     * @param type the record the answer is bound to
     * @param segments path segments
     * @param query query parameters
     * @param authenticated whether to send credentials
     * @param <T> the record type
     * @return the bound answer
     * @throws ApiException when the last attempt failed, or the answer does not fit {@code type}
     */
    public <T> T get(Class<T> type, List<String> segments, Map<String, String> query, boolean authenticated) {
        return bind(get(segments, query, authenticated), mapper.constructType(type), "GET", url(segments, query));
    }

    /**
     * Binds a JSON answer to a record: the one place where a missing, null or mistyped field of an answer fails,
     * naming the field, e.g. {@code GET https://copr.example/api_3/build/5 → HTTP 200: "unexpected answer
     * (CoprBuild): missing field 'state'"}.
     *
     * @param answer the parsed answer
     * @param type the record (or parameterised type) to bind to
     * @param method the HTTP method of the call, for the message
     * @param url the URL of the call, for the message (redacted)
     * @param <T> the type
     * @return the bound value
     * @throws ApiException when the answer does not fit {@code type}
     */
    public <T> T bind(JsonNode answer, JavaType type, String method, HttpUrl url) {
        String what = type.getRawClass().getSimpleName();
        if (!answer.isObject()) {
            throw unexpected(method, url, what, "expected a JSON object, got "
                    + (answer.isMissingNode() ? "no body" : answer.getNodeType().toString().toLowerCase(Locale.ROOT)),
                    null);
        }
        try {
            return mapper.readerFor(type).readValue(answer);
        } catch (IOException | IllegalArgumentException e) {
            throw unexpected(method, url, what, BindingProblem.describe(e), e);
        }
    }

    private ApiException unexpected(String method, HttpUrl url, String what, String problem, @CheckForNull Throwable cause) {
        return errors.exception(new ApiFailure(method, RedactedUrl.of(url), 200,
                clean("unexpected answer (" + what + "): " + problem), false), cause);
    }

    /**
     * GET without credentials, retried per the policy.
     *
     * @param segments path segments
     * @param query query parameters
     * @return the parsed body
     * @throws ApiException when the last attempt failed
     */
    public JsonNode get(List<String> segments, Map<String, String> query) {
        return get(segments, query, false);
    }

    /**
     * GET, retried per the policy.
     *
     * @param segments path segments
     * @param query query parameters
     * @param authenticated whether to send credentials
     * @return the parsed body
     * @throws ApiException when the last attempt failed
     */
    public JsonNode get(List<String> segments, Map<String, String> query, boolean authenticated) {
        Request request = request(url(segments, query), "GET", null, authenticated);
        return call.execute(client, request, reads, response -> parse(request, response), failures(request, false));
    }

    /**
     * Sends a state-changing request with a JSON body and credentials. It is repeated only when the connection could
     * not be made at all; a timeout or dropped connection after sending is reported with
     * {@link ApiException#isOutcomeUnknown()} set, never retried.
     *
     * @param method POST, PUT or DELETE
     * @param segments path segments
     * @param query query parameters
     * @param body the body, serialised with the mapper; null sends an empty JSON object
     * @return the parsed body
     * @throws ApiException on failure
     */
    public JsonNode send(String method, List<String> segments, Map<String, String> query, @CheckForNull Object body) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body == null ? Map.of() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the body of " + method + " " + segments, e);
        }
        return send(method, segments, query, RequestBody.create(json, JSON));
    }

    /**
     * Sends a state-changing request with any body (e.g. multipart) and credentials; see
     * {@link #send(String, List, Map, Object)} for the retry rule.
     *
     * @param method POST, PUT or DELETE
     * @param segments path segments
     * @param query query parameters
     * @param body the request body
     * @return the parsed body
     * @throws ApiException on failure
     */
    public JsonNode send(String method, List<String> segments, Map<String, String> query,
            @CheckForNull RequestBody body) {
        RequestBody content = body == null ? RequestBody.create(new byte[0], null) : body;
        Request request = request(url(segments, query), method, content, true);
        return call.execute(noSilentRetryClient, request, writes, response -> parse(request, response),
                failures(request, true));
    }

    /** What went wrong, in the service's words; a write's I/O failure after connecting leaves its outcome unknown. */
    private RetriedCall.Failures failures(Request request, boolean write) {
        return new RetriedCall.Failures() {
            @Override
            public ApiException ofResponse(Response response) throws IOException {
                return httpFailure(request, response);
            }

            @Override
            public ApiException ofIo(IOException e) {
                return ioFailure(request, e, write && !RetryPolicy.isNeverSent(e));
            }

            @Override
            public ApiException ofInterrupt(InterruptedException e) {
                return errors.exception(new ApiFailure(request.method(), RedactedUrl.of(request.url()),
                        ApiException.NO_RESPONSE, "interrupted while waiting to retry", false), e);
            }
        };
    }

    private Request request(HttpUrl url, String method, @CheckForNull RequestBody body, boolean authenticated) {
        Request.Builder request = new Request.Builder().url(url).method(method, body)
                .header("Accept", "application/json");
        if (authenticated) {
            auth.headerValue().ifPresent(value -> request.header("Authorization", value));
        }
        return request.build();
    }

    private JsonNode parse(Request request, Response response) throws IOException {
        ResponseBody body = response.body();
        String text = body.string();
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw errors.exception(new ApiFailure(request.method(), RedactedUrl.of(request.url()), response.code(),
                    clean("malformed JSON in response: " + e.getOriginalMessage()), false), e);
        }
    }

    private ApiException httpFailure(Request request, Response response) throws IOException {
        String text = response.body().string();
        String errorText;
        try {
            JsonNode node = text.isBlank() ? MissingNode.getInstance() : mapper.readTree(text);
            errorText = node.isObject() ? errors.errorText(node) : text;
        } catch (JsonProcessingException notJson) {
            errorText = text;
        }
        return errors.exception(new ApiFailure(request.method(), RedactedUrl.of(request.url()), response.code(),
                clean(errorText), false), null);
    }

    private ApiException ioFailure(Request request, IOException e, boolean outcomeUnknown) {
        String what = e instanceof InterruptedIOException ? "timed out" : "I/O error";
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return errors.exception(new ApiFailure(request.method(), RedactedUrl.of(request.url()),
                ApiException.NO_RESPONSE, clean(what + ": " + detail), outcomeUnknown), e);
    }

    private String clean(String text) {
        String oneLine = text.strip();
        if (oneLine.length() > MAX_ERROR_TEXT) {
            oneLine = oneLine.substring(0, MAX_ERROR_TEXT) + "…";
        }
        Optional<Secret> secret = auth.secret();
        if (secret.isPresent() && secret.get().isContainedIn(oneLine)) {
            oneLine = oneLine.replace(secret.get().reveal(), "****");
        }
        return oneLine;
    }
}
