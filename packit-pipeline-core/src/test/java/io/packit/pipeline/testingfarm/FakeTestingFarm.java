package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A stateful fake of Testing Farm API v0.1 on loopback, following {@code copr-tf-api.md} Part 2 and Part 4:
 * {@code POST/GET/DELETE /v0.1/requests[/{id}]}, {@code /v0.1/composes[/{ranch}]}, {@code /v0.1/whoami},
 * {@code /v0.1/about}, and an artifacts route serving each request's {@code results.xml} at its {@code run.artifacts}
 * URL. Requests advance {@code new → queued → running → complete|error} one step per GET (or per
 * {@link Script#pollsPerState} GETs), following the {@link Script} chosen for them. API keys, their ranch and expiry,
 * and faults (status codes, {@code Retry-After}, dropped connections, slow answers) for the next calls are
 * configurable. Every call is recorded. Reusable by the CLI and the engine tests through the test-jar.
 */
public final class FakeTestingFarm implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final List<String> COMPOSES = List.of(
            "Fedora-40", "Fedora-41", "Fedora-42", "Fedora-Rawhide", "CentOS-Stream-9", "CentOS-Stream-10", "Fedora-4[0-9]-aarch64-.*");

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Ranch> keys = new LinkedHashMap<>();
    private final Map<String, String> expired = new LinkedHashMap<>();
    private final Map<String, FakeRequest> requests = new LinkedHashMap<>();
    private final Deque<Script> nextScripts = new ArrayDeque<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private Script defaultScript = Script.passing();

    /** A fake with the clock at a fixed instant (timestamps are deterministic). */
    public FakeTestingFarm() {
        this(Clock.fixed(java.time.Instant.parse("2026-08-01T10:15:02.118273Z"), ZoneOffset.UTC));
    }

    /** A fake stamping requests with {@code clock}. */
    public FakeTestingFarm(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
    }

    /** Starts the fake on 127.0.0.1 with a free port. */
    public FakeTestingFarm start() {
        return start(0);
    }

    /** Starts the fake on 127.0.0.1:{@code port} (0 for a free one). */
    public FakeTestingFarm start(int port) {
        try {
            server.start(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Testing Farm", e);
        }
        return this;
    }

    /** The API base URL, {@code http://127.0.0.1:<port>/v0.1/}. */
    public HttpUrl apiUrl() {
        return url("/v0.1/");
    }

    private HttpUrl url(String path) {
        return server.url(path).newBuilder().host("127.0.0.1").build();
    }

    /** Accepts {@code key} as an API key of {@code ranch}. */
    public synchronized FakeTestingFarm addApiKey(String key, Ranch ranch) {
        keys.put(key, ranch);
        return this;
    }

    /** Makes {@code key} an expired key: 401 {@code "Token has expired"}. */
    public synchronized FakeTestingFarm expireApiKey(String key) {
        expired.put(key, "Token has expired");
        keys.remove(key);
        return this;
    }

    /** How requests submitted from now on without an own script behave. */
    public synchronized FakeTestingFarm defaultScript(Script script) {
        this.defaultScript = Objects.requireNonNull(script, "script");
        return this;
    }

    /** How the next submitted request behaves (queued; each submit takes one). */
    public synchronized FakeTestingFarm scriptNext(Script script) {
        nextScripts.add(Objects.requireNonNull(script, "script"));
        return this;
    }

    /**
     * Makes the next calls matching {@code method} and a path starting with {@code pathPrefix} fail with
     * {@code faults}, one fault per call, in order.
     */
    public synchronized FakeTestingFarm failNext(String method, String pathPrefix, Fault... faults) {
        for (Fault fault : faults) {
            this.faults.add(fault.on(method, pathPrefix));
        }
        return this;
    }

    /** Injects {@code fault} into the next call it matches. */
    public synchronized FakeTestingFarm inject(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Every call received, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls with {@code method} whose path starts with {@code pathPrefix}. */
    public List<Call> calls(String method, String pathPrefix) {
        return calls.stream().filter(call -> call.method().equals(method) && call.path().startsWith(pathPrefix)).toList();
    }

    /** The ids of the requests submitted, in order. */
    public synchronized List<String> requestIds() {
        return List.copyOf(requests.keySet());
    }

    /** The state of request {@code id} now. */
    public synchronized RequestState state(String id) {
        return requests.get(id).state;
    }

    /** The body request {@code id} was submitted with. */
    public synchronized JsonNode submitted(String id) {
        return requests.get(id).payload.deepCopy();
    }

    @Override
    public void close() {
        server.close();
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        calls.add(new Call(request.getMethod(), path, request.getHeaders(), body));
        for (Fault fault : faults) {
            if (fault.matches(request.getMethod(), path)) {
                faults.remove(fault);
                MockResponse injected = faultResponse(fault);
                if (injected != null) {
                    return injected;
                }
                return route(request, path, body).newBuilder().headersDelay(10, TimeUnit.SECONDS).build();
            }
        }
        return route(request, path, body);
    }

    private MockResponse route(RecordedRequest request, String path, String body) {
        HttpUrl url = request.getUrl();
        List<String> segments = url.pathSegments();
        if (segments.size() >= 2 && segments.get(0).equals("artifacts")) {
            return artifact(segments);
        }
        if (segments.isEmpty() || !segments.get(0).equals("v0.1")) {
            return json(404, "{\"detail\": \"Not Found\"}");
        }
        List<String> route = segments.subList(1, segments.size());
        String method = request.getMethod();
        if (route.equals(List.of("requests")) && method.equals("POST")) {
            return submit(request, body);
        }
        if (route.size() == 2 && route.get(0).equals("requests")) {
            if (method.equals("GET")) {
                return get(route.get(1));
            }
            if (method.equals("DELETE")) {
                return cancel(request, route.get(1));
            }
        }
        if (route.get(0).equals("composes") && method.equals("GET") && route.size() <= 2) {
            if (route.size() == 2 && !route.get(1).equals("public") && !route.get(1).equals("redhat")) {
                return json(400, "{\"message\": \"Unknown ranch " + route.get(1) + "\"}");
            }
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode list = answer.putArray("composes");
            COMPOSES.forEach(name -> list.addObject().put("name", name));
            return json(200, answer.toString());
        }
        if (route.equals(List.of("whoami")) && method.equals("GET")) {
            MockResponse denied = authenticate(request);
            if (denied != null) {
                return denied;
            }
            Ranch ranch = keys.get(bearer(request));
            return json(200, "{\"token\": {\"enabled\": true, \"id\": \"7a1d2c3b-0000-4000-8000-1234567890ab\", \"name\": \"ci\","
                    + " \"ranch\": \"" + ranch.id() + "\", \"role\": \"user\", \"user_id\": \"0cfc00a8-94d7-4408-babc-4d0bc43821ea\"},"
                    + " \"user\": {\"auth_id\": \"ci\", \"auth_method\": \"token\", \"auth_name\": \"ci\", \"enabled\": true,"
                    + " \"id\": \"0cfc00a8-94d7-4408-babc-4d0bc43821ea\"}}");
        }
        if (route.equals(List.of("about")) && method.equals("GET")) {
            return json(200, "{\"version\": \"fake\", \"release_notes\": \"\"}");
        }
        return json(404, "{\"detail\": \"Not Found\"}");
    }

    private MockResponse submit(RecordedRequest request, String body) {
        MockResponse denied = authenticate(request);
        if (denied != null) {
            return denied;
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            return json(400, "{\"message\": \"Request body is not JSON\"}");
        }
        if (payload == null || !payload.isObject()) {
            return json(400, "{\"message\": \"Request body is not JSON\"}");
        }
        if (payload.has("api_key")) {
            return json(400, "{\"errors\": {\"api_key\": \"unexpected field, use the Authorization header\"}}");
        }
        JsonNode test = payload.path("test");
        if (!test.has("fmf") && !test.has("tmt") && !test.has("sti")) {
            return json(400, "{\"message\": \"Test section is empty or test type is wrong.\"}");
        }
        Ranch ranch = keys.get(bearer(request));
        JsonNode environments = payload.path("environments");
        for (int i = 0; i < environments.size(); i++) {
            String arch = environments.get(i).path("arch").asText("");
            if (!ranch.offersArch(arch)) {
                return json(400, "{\"errors\": {\"environments\": {\"" + i + "\": {\"arch\": \"Unsupported architecture "
                        + arch + "\"}}}}");
            }
        }
        String id = UUID.randomUUID().toString();
        Script script = nextScripts.isEmpty() ? defaultScript : nextScripts.poll();
        var fake = new FakeRequest(id, payload, script, now());
        requests.put(id, fake);
        return json(200, "{\"id\": \"" + id + "\", \"state\": \"new\", \"created\": \"" + fake.created + "\", \"updated\": \""
                + fake.created + "\"}");
    }

    private MockResponse get(String id) {
        if (!isUuid(id)) {
            return json(422, "{\"detail\": [{\"loc\": [\"path\", \"request_id\"], \"msg\": \"value is not a valid uuid\","
                    + " \"type\": \"type_error.uuid\"}]}");
        }
        FakeRequest fake = requests.get(id);
        if (fake == null) {
            return json(404, "{\"message\": \"No such entity\"}");
        }
        String answer = fake.render(url("/artifacts/" + id).toString(), now());
        fake.advance();
        return json(200, answer);
    }

    private MockResponse cancel(RecordedRequest request, String id) {
        MockResponse denied = authenticate(request);
        if (denied != null) {
            return denied;
        }
        FakeRequest fake = requests.get(id);
        if (fake == null) {
            return json(404, "{\"message\": \"No such entity\"}");
        }
        if (fake.state == RequestState.COMPLETE || fake.state == RequestState.ERROR) {
            return json(409, "{\"message\": \"Request is already finished\"}");
        }
        if (fake.state == RequestState.CANCELED || fake.state == RequestState.CANCEL_REQUESTED) {
            return new MockResponse.Builder().code(204).build();
        }
        fake.state = RequestState.CANCEL_REQUESTED;
        return json(200, "{\"id\": \"" + id + "\", \"state\": \"cancel-requested\", \"created\": \"" + fake.created
                + "\", \"updated\": \"" + now() + "\"}");
    }

    private MockResponse artifact(List<String> segments) {
        if (segments.size() == 3 && segments.get(2).equals("results.xml")) {
            FakeRequest fake = requests.get(segments.get(1));
            if (fake != null && fake.state.isTerminal() && fake.script.servedXunit() != null) {
                return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/xml")
                        .body(fake.script.servedXunit()).build();
            }
        }
        return new MockResponse.Builder().code(404).body("<html><body>404 Not Found</body></html>").build();
    }

    private MockResponse authenticate(RecordedRequest request) {
        String key = bearer(request);
        if (key != null && expired.containsKey(key)) {
            return json(401, "{\"message\": \"Token has expired\"}");
        }
        if (key == null || !keys.containsKey(key)) {
            return json(401, "{\"message\": \"Not authorized to perform this action\"}");
        }
        return null;
    }

    private static String bearer(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        return header.substring("Bearer ".length());
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String now() {
        return LocalDateTime.now(clock).format(TIMESTAMP);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** One call the fake received. */
    public record Call(String method, String path, Headers headers, String body) {
        /** The {@code Authorization} header, or {@code null}. */
        public String authorization() {
            return headers.get("Authorization");
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("body of " + method + " " + path + " is not JSON", e);
            }
        }
    }

    /**
     * How a request behaves: its final state ({@code complete} or {@code error}), {@code result.overall} and summary,
     * its xunit (inline as {@code result.xunit}, or served at {@code <run.artifacts>/results.xml} and named by
     * {@code result.xunit_url}), notes, and how many GETs each state lasts.
     *
     * @param finalState     {@link RequestState#COMPLETE} or {@link RequestState#ERROR}
     * @param overall        {@code result.overall} of the end
     * @param summary        {@code result.summary}, or {@code null}
     * @param xunit          the xunit, or {@code null} for none
     * @param inline         whether the xunit is sent inline ({@code result.xunit}) rather than served
     * @param xunitUrlSet    whether {@code result.xunit_url} names the served file (else the client must guess it)
     * @param notes          {@code notes[].message}
     * @param pollsPerState  GETs answered in each state before the next
     */
    public record Script(RequestState finalState, TestResult overall, String summary, String xunit, boolean inline,
            boolean xunitUrlSet, List<String> notes, int pollsPerState) {
        /** Validates. */
        public Script {
            Objects.requireNonNull(finalState, "finalState");
            Objects.requireNonNull(overall, "overall");
            notes = List.copyOf(notes);
            if (finalState != RequestState.COMPLETE && finalState != RequestState.ERROR) {
                throw new IllegalArgumentException("a request ends complete or error, not " + finalState);
            }
            if (pollsPerState < 1) {
                throw new IllegalArgumentException("pollsPerState must be at least 1");
            }
        }

        /** Completes, passed, with a one-test xunit served at {@code results.xml} and named by {@code xunit_url}. */
        public static Script passing() {
            return new Script(RequestState.COMPLETE, TestResult.PASSED, "all tests passed", Xunits.PASSED, false, true, List.of(), 1);
        }

        /** Completes, failed, with a two-test xunit (one failure) served at {@code results.xml}. */
        public static Script failing() {
            return new Script(RequestState.COMPLETE, TestResult.FAILED, "1 plan failed", Xunits.FAILED, false, true, List.of(), 1);
        }

        /** Ends in state error (infrastructure), no xunit. */
        public static Script erroring(String summary) {
            return new Script(RequestState.ERROR, TestResult.ERROR, summary, null, false, false,
                    List.of("tf-tmt/dispatch-1722500000-1a2b3c4d"), 1);
        }

        /** The same script with the xunit inline. */
        public Script inlineXunit() {
            return new Script(finalState, overall, summary, xunit, true, false, notes, pollsPerState);
        }

        /** The same script with the xunit served but {@code xunit_url} null. */
        public Script withoutXunitUrl() {
            return new Script(finalState, overall, summary, xunit, false, false, notes, pollsPerState);
        }

        /** The same script with another xunit. */
        public Script withXunit(String xunit) {
            return new Script(finalState, overall, summary, xunit, inline, xunitUrlSet, notes, pollsPerState);
        }

        /** The same script, each state lasting {@code polls} GETs. */
        public Script slow(int polls) {
            return new Script(finalState, overall, summary, xunit, inline, xunitUrlSet, notes, polls);
        }

        String servedXunit() {
            return inline ? null : xunit;
        }
    }

    /** The answer to an injected fault, or {@code null} when the request is processed first ({@link Fault.Kind#PROCESS_THEN_STALL}). */
    private static MockResponse faultResponse(Fault fault) {
        return switch (fault.kind()) {
            case STATUS -> json(fault.value(), "{\"message\": \"injected fault\"}");
            case RETRY_AFTER -> new MockResponse.Builder().code(429).setHeader("Retry-After", Integer.toString(fault.value()))
                    .setHeader("Content-Type", "application/json").body("{\"message\": \"Too many requests\"}").build();
            // a Dispatcher's response is chosen after the request is read, so the effect applies to the response
            case DROP_CONNECTION -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            case SLOW_BODY -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("{\"state\": \"running\"}").throttleBody(1, 3, TimeUnit.SECONDS).build();
            case MALFORMED_JSON -> new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body("<html><body>maintenance</body></html>").build();
            case EXPIRED_TOKEN -> json(401, "{\"message\": \"Token has expired\"}");
            case GATEWAY_TIMEOUT -> new MockResponse.Builder().code(504).setHeader("Content-Type", "text/html")
                    .body("<html><body><h1>504 Gateway Time-out</h1></body></html>").build();
            case PROCESS_THEN_STALL -> null;
        };
    }

    private static final class FakeRequest {
        private final String id;
        private final JsonNode payload;
        private final Script script;
        private final String created;
        private RequestState state = RequestState.NEW;
        private int pollsInState;

        FakeRequest(String id, JsonNode payload, Script script, String created) {
            this.id = id;
            this.payload = payload;
            this.script = script;
            this.created = created;
        }

        void advance() {
            if (state == RequestState.CANCEL_REQUESTED) {
                state = RequestState.CANCELED;
                return;
            }
            if (state.isTerminal()) {
                return;
            }
            pollsInState++;
            if (pollsInState < script.pollsPerState()) {
                return;
            }
            pollsInState = 0;
            state = switch (state) {
                case NEW -> RequestState.QUEUED;
                case QUEUED -> RequestState.RUNNING;
                default -> script.finalState();
            };
        }

        String render(String artifactsUrl, String now) {
            ObjectNode body = JSON.createObjectNode();
            body.put("id", id);
            body.put("user_id", "0cfc00a8-94d7-4408-babc-4d0bc43821ea");
            body.put("token_id", "7a1d2c3b-0000-4000-8000-1234567890ab");
            body.put("state", state.wire());
            ObjectNode test = body.putObject("test");
            test.set("fmf", payload.path("test").has("tmt") ? payload.path("test").get("tmt") : payload.path("test").path("fmf"));
            test.putNull("sti");
            test.putNull("script");
            ArrayNode environments = body.putArray("environments_requested");
            for (JsonNode environment : payload.path("environments")) {
                ObjectNode copy = environment.deepCopy();
                if (copy.get("secrets") instanceof ObjectNode secrets) {
                    secrets.properties().stream().map(Map.Entry::getKey).toList().forEach(name -> secrets.put(name, "hidden"));
                }
                environments.add(copy);
            }
            ArrayNode notes = body.putArray("notes");
            boolean ended = state == RequestState.COMPLETE || state == RequestState.ERROR;
            if (ended) {
                script.notes().forEach(note -> notes.addObject().put("level", "error").put("message", note));
            }
            if (ended) {
                ObjectNode result = body.putObject("result");
                result.put("overall", script.overall().wire());
                result.put("summary", script.summary());
                result.put("xunit", script.inline() ? script.xunit() : null);
                result.put("xunit_url", script.xunitUrlSet() && script.xunit() != null ? artifactsUrl + "/results.xml" : null);
            } else {
                body.putNull("result");
            }
            if (state == RequestState.NEW || state == RequestState.QUEUED) {
                body.putNull("run");
            } else {
                body.putObject("run").put("artifacts", artifactsUrl).putNull("console").putNull("stages");
            }
            body.set("settings", payload.path("settings").isMissingNode() ? null : payload.get("settings"));
            body.put("created", created);
            body.put("updated", now);
            if (state == RequestState.NEW) {
                body.putNull("queued_time");
            } else {
                body.put("queued_time", 41.7);
            }
            if (ended) {
                body.put("run_time", 612.3);
            } else {
                body.putNull("run_time");
            }
            return body.toString();
        }
    }

    /** Small xunit documents the scripts serve. */
    public static final class Xunits {
        /** One plan, one passing test. */
        public static final String PASSED = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites overall-result="passed">
                 <testsuite name="/plans/smoke" result="passed" tests="1" stage="complete">
                  <testcase name="/tests/cli/version" result="passed" time="3">
                   <logs><log href="work-smoke/tests/cli/version/output.txt" name="testout.log"/></logs>
                  </testcase>
                 </testsuite>
                </testsuites>
                """;
        /** One plan, a passing and a failing test. */
        public static final String FAILED = """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites overall-result="failed">
                 <testsuite name="/plans/smoke" result="failed" tests="2" stage="complete">
                  <testcase name="/tests/cli/version" result="passed" time="3"/>
                  <testcase name="/tests/cli/greet" result="failed" time="5">
                   <failure/>
                   <logs><log href="work-smoke/tests/cli/greet/output.txt" name="testout.log"/></logs>
                  </testcase>
                 </testsuite>
                </testsuites>
                """;

        private Xunits() {
        }
    }
}
