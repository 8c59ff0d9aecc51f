package io.packit.pipeline.bodhi.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A fake of Bodhi's releases API on loopback, as Bodhi's source has it (fedora-infra/bodhi@2afdbd08,
 * {@code bodhi-server/bodhi/server/services/releases.py} {@code query_releases_json}, {@code schemas.py}
 * {@code ListReleaseSchema} and {@code PaginatedSchema}, {@code models.py} {@code Release} and {@code ReleaseState}):
 * {@code GET /releases/} with {@code state} (repeated or comma-separated, each one of disabled, pending, frozen,
 * current, archived), {@code exclude_archived}, {@code name} (SQL LIKE), {@code page} (from 1) and
 * {@code rows_per_page} (1 to 1000, default 20), ordered by name, answering {@code releases}, {@code page},
 * {@code pages}, {@code rows_per_page} and {@code total}. Invalid parameters get cornice's 400 body
 * {@code {"status": "error", "errors": [{"location", "name", "description"}]}}; a request that does not accept JSON
 * gets HTML, as Bodhi renders the releases page. Faults can be injected per request.
 */
public final class FakeBodhi implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> STATES = Set.of("disabled", "pending", "frozen", "current", "archived");
    private static final Pattern SPLIT = Pattern.compile("[,\\s]+");

    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Release> releases = new ArrayList<>();
    private int defaultRowsPerPage = 20;

    /** Starts the fake on 127.0.0.1 on a free port, serving {@code releases}. */
    public FakeBodhi(List<Release> releases) {
        this.releases.addAll(releases);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return handle(request);
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Bodhi", e);
        }
    }

    /**
     * One release as Bodhi's model has it; the fake derives the Koji tags and the other fields from {@code distTag}.
     *
     * @param name     {@code F45}, {@code EPEL-10.2}
     * @param longName {@code Fedora 45}, {@code Fedora EPEL 10.2}
     * @param version  {@code 45}, {@code 10.2}
     * @param idPrefix {@code FEDORA}, {@code FEDORA-EPEL}, ...
     * @param branch   {@code f45}, {@code rawhide}, {@code epel10}
     * @param state    one of Bodhi's five states
     * @param distTag  {@code f45}
     */
    public record Release(String name, String longName, String version, String idPrefix, String branch, String state,
            String distTag) {
        public Release {
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("Bodhi has no state " + state);
            }
        }
    }

    /** The URL to pass as {@code --bodhi-url}: {@code http://127.0.0.1:PORT}. */
    public String url() {
        var url = server.url("/");
        return "http://127.0.0.1:" + url.port();
    }

    /** Pages of {@code rows} releases when a request gives no {@code rows_per_page} (Bodhi: 20). */
    public synchronized FakeBodhi defaultRowsPerPage(int rows) {
        defaultRowsPerPage = rows;
        return this;
    }

    /** Replaces the releases served. */
    public synchronized FakeBodhi releases(List<Release> served) {
        releases.clear();
        releases.addAll(served);
        return this;
    }

    /** Injects a one-shot fault into the next request that matches it. */
    public synchronized FakeBodhi inject(Fault fault) {
        faults.add(fault);
        return this;
    }

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close();
    }

    private synchronized MockResponse handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        var fault = faults.stream().filter(f -> f.matches(request.getMethod(), url.encodedPath())).findFirst();
        if (fault.isPresent()) {
            faults.remove(fault.get());
            return faultResponse(fault.get());
        }
        if (!url.encodedPath().equals("/releases/")) {
            return error(404, "url", "", "The resource could not be found.");
        }
        if (!request.getMethod().equals("GET")) {
            return error(405, "body", "", "The method is not allowed for the requested URL.");
        }
        var accept = request.getHeaders().get("Accept");
        if (accept == null || !accept.contains("json")) {
            return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=UTF-8")
                    .body("<!DOCTYPE html><html><head><title>Releases - Bodhi</title></head><body></body></html>")
                    .build();
        }
        try {
            return ok(list(url));
        } catch (InvalidParameter invalid) {
            return error(400, "querystring", invalid.name, invalid.getMessage());
        }
    }

    private ObjectNode list(HttpUrl url) {
        var states = new LinkedHashSet<String>();
        for (var value : url.queryParameterValues("state")) {
            for (var state : SPLIT.split(value == null ? "" : value.strip())) {
                if (state.isEmpty()) {
                    continue;
                }
                if (!STATES.contains(state)) {
                    throw new InvalidParameter("state.0", "\"" + state + "\" is not one of disabled, pending, "
                            + "frozen, current, archived");
                }
                states.add(state);
            }
        }
        var excludeArchived = bool(url, "exclude_archived");
        var name = url.queryParameter("name");
        int page = integer(url, "page", 1, 1, Integer.MAX_VALUE);
        int rows = integer(url, "rows_per_page", defaultRowsPerPage, 1, 1000);
        var matching = releases.stream()
                .filter(release -> states.isEmpty() || states.contains(release.state()))
                .filter(release -> !excludeArchived || !release.state().equals("archived"))
                .filter(release -> name == null || like(release.name(), name))
                .sorted(Comparator.comparing(Release::name))
                .toList();
        int total = matching.size();
        int pages = (int) Math.ceil(total / (double) rows);
        ArrayNode items = JSON.arrayNode();
        matching.stream().skip((long) rows * (page - 1)).limit(rows).forEach(release -> items.add(json(release)));
        ObjectNode body = JSON.objectNode();
        body.set("releases", items);
        body.put("page", page);
        body.put("pages", pages);
        body.put("rows_per_page", rows);
        body.put("total", total);
        return body;
    }

    private static ObjectNode json(Release release) {
        ObjectNode json = JSON.objectNode();
        json.put("name", release.name());
        json.put("long_name", release.longName());
        json.put("version", release.version());
        json.put("id_prefix", release.idPrefix());
        json.put("branch", release.branch());
        json.put("dist_tag", release.distTag());
        json.put("stable_tag", release.distTag() + "-updates");
        json.put("testing_tag", release.distTag() + "-updates-testing");
        json.put("candidate_tag", release.distTag() + "-updates-candidate");
        json.put("pending_signing_tag", release.distTag() + "-signing-pending");
        json.put("pending_testing_tag", release.distTag() + "-updates-testing-pending");
        json.put("pending_stable_tag", release.distTag() + "-updates-pending");
        json.put("override_tag", release.distTag() + "-override");
        json.put("mail_template", "fedora_errata_template");
        json.put("state", release.state());
        json.put("composed_by_bodhi", true);
        json.put("create_automatic_updates", false);
        json.put("package_manager", release.idPrefix().equals("FEDORA-EPEL") && release.version().startsWith("8")
                ? "dnf" : "unspecified");
        json.putNull("testing_repository");
        json.putNull("released_on");
        json.putNull("eol");
        json.put("setting_status", release.state().equals("current") ? "post_beta" : "pre_beta");
        return json;
    }

    private static boolean like(String value, String pattern) {
        var regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    private static boolean bool(HttpUrl url, String key) {
        var value = url.queryParameter(key);
        if (value == null) {
            return false;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw new InvalidParameter(key, "\"" + value + "\" is neither in (false, 0) nor in (true, 1)");
        }
    }

    private static int integer(HttpUrl url, String key, int missing, int min, int max) {
        var value = url.queryParameter(key);
        if (value == null) {
            return missing;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException notNumber) {
            throw new InvalidParameter(key, "\"" + value + "\" is not a number");
        }
        if (number < min) {
            throw new InvalidParameter(key, number + " is less than minimum value " + min);
        }
        if (number > max) {
            throw new InvalidParameter(key, number + " is greater than maximum value " + max);
        }
        return number;
    }

    private MockResponse ok(ObjectNode body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private MockResponse error(int status, String location, String name, String description) {
        ObjectNode body = JSON.objectNode().put("status", "error");
        body.putArray("errors").addObject().put("location", location).put("name", name).put("description", description);
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private MockResponse faultResponse(Fault fault) {
        switch (fault.kind()) {
            case STATUS:
                return new MockResponse.Builder().code(fault.value()).setHeader("Content-Type", "text/html")
                        .body("<html><body><h1>" + fault.value() + "</h1>Bodhi is having trouble.</body></html>")
                        .build();
            case RETRY_AFTER:
                return new MockResponse.Builder().code(429).setHeader("Retry-After", fault.value())
                        .setHeader("Content-Type", "text/html").body("<html><body>Too Many Requests</body></html>")
                        .build();
            case DROP_CONNECTION:
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            case SLOW_BODY:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"releases\": []}").throttleBody(1, 3, TimeUnit.SECONDS).build();
            case MALFORMED_JSON:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"releases\": [{\"name\": \"F45\", ").build();
            case GATEWAY_TIMEOUT:
                return new MockResponse.Builder().code(504).setHeader("Content-Type", "text/html")
                        .body("<html><body><h1>504 Gateway Time-out</h1></body></html>").build();
            default:
                throw new IllegalStateException("the fake Bodhi has no fault " + fault.kind());
        }
    }

    /** A query parameter cornice refuses. */
    private static final class InvalidParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        InvalidParameter(String name, String description) {
            super(description);
            this.name = name;
        }
    }
}
