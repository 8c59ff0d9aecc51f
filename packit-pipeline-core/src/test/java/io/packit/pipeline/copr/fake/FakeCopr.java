package io.packit.pipeline.copr.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;

/**
 * A stateful fake of the Copr frontend's API v3 on loopback (reference Part 1 and the Part 4 checklist): projects,
 * builds by every method, batches that block as Copr's do, build chroots, the project monitor ({@code /monitor}, as
 * Copr's source has it; the README's note 1.9b), cancel, auth, errors with Copr's bodies and status codes. Builds advance on the given clock along a {@link BuildPlan}; faults can be injected per request.
 * Shared with the CLI tests and later issues through the core test-jar.
 */
public final class FakeCopr implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> FINISHED = Set.of("succeeded", "forked", "canceled", "skipped", "failed");
    /** {@code StatusEnum} numbers (reference §1.13). */
    private static final Map<String, Integer> STATUS = Map.ofEntries(Map.entry("failed", 0),
            Map.entry("succeeded", 1), Map.entry("canceled", 2), Map.entry("running", 3), Map.entry("pending", 4),
            Map.entry("skipped", 5), Map.entry("starting", 6), Map.entry("importing", 7), Map.entry("forked", 8),
            Map.entry("waiting", 9), Map.entry("unknown", 1000));

    private final ObjectMapper mapper = new ObjectMapper();
    private final Sleeper clock;
    private final MockWebServer server = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, User> usersByLogin = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();
    private final Set<String> mockChroots = new TreeSet<>(List.of("fedora-40-x86_64", "fedora-41-x86_64",
            "fedora-41-aarch64", "fedora-42-x86_64", "fedora-43-x86_64", "fedora-rawhide-x86_64", "epel-9-x86_64",
            "epel-9-aarch64"));
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<Long, Build> builds = new TreeMap<>();
    private final Deque<BuildPlan> nextPlans = new ArrayDeque<>();
    private final List<Batch> batches = new ArrayList<>();
    private BuildPlan defaultPlan = BuildPlan.standard();
    private long nextBuildId = 8_123_456;
    private long nextProjectId = 181_234;
    private String base;

    /**
     * Starts the fake on 127.0.0.1 on a free port.
     *
     * @param clock the clock that builds advance on (a virtual one in tests)
     */
    public FakeCopr(Sleeper clock) {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return handle(request);
            }
        });
        // without TCP_NODELAY the separate writes of headers and body meet delayed ACKs: ~40 ms per request
        server.setServerSocketFactory(new javax.net.ServerSocketFactory() {
            @Override
            public java.net.ServerSocket createServerSocket() throws IOException {
                return new NoDelayServerSocket();
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port) throws IOException {
                throw new UnsupportedOperationException("the fake binds through createServerSocket()");
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
                throw new UnsupportedOperationException("the fake binds through createServerSocket()");
            }

            @Override
            public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address)
                    throws IOException {
                throw new UnsupportedOperationException("the fake binds through createServerSocket()");
            }
        });
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Copr", e);
        }
        HttpUrl url = server.url("/");
        base = "http://127.0.0.1:" + url.port();
    }

    /**
     * Returns the frontend URL to put in {@code copr_url}.
     *
     * @return e.g. {@code http://127.0.0.1:40123}
     */
    public String url() {
        return base;
    }

    /**
     * Sets the chroots {@code GET /api_3/mock-chroots/list} names.
     *
     * @param names the chroot names
     * @return this fake
     */
    public synchronized FakeCopr mockChroots(Collection<String> names) {
        mockChroots.clear();
        mockChroots.addAll(names);
        return this;
    }

    /**
     * Registers a user with a valid token.
     *
     * @param login the API login
     * @param token the token
     * @param username the user name
     * @return this fake
     */
    public synchronized FakeCopr user(String login, String token, String username) {
        usersByLogin.put(login, new User(login, token, username, usersByLogin.size() + 1));
        return this;
    }

    /**
     * Makes a user's token expired.
     *
     * @param login the API login
     */
    public synchronized void expireToken(String login) {
        usersByLogin.get(login).expired = true;
    }

    /**
     * Adds a user to a group ({@code @group} owners).
     *
     * @param group the group without {@code @}
     * @param username the member
     */
    public synchronized void groupMember(String group, String username) {
        groups.computeIfAbsent(group, g -> new TreeSet<>()).add(username);
    }

    /**
     * Sets the plan of every build submitted after the queued ones.
     *
     * @param plan the plan
     */
    public synchronized void defaultPlan(BuildPlan plan) {
        defaultPlan = plan;
    }

    /**
     * Queues the plan of the next build submitted.
     *
     * @param plan the plan
     */
    public synchronized void planNext(BuildPlan plan) {
        nextPlans.add(plan);
    }

    /**
     * Injects a one-shot fault into the next matching request.
     *
     * @param fault the fault
     */
    public synchronized void inject(Fault fault) {
        faults.add(fault);
    }

    /**
     * Creates a project directly, as if made earlier.
     *
     * @param owner the owner
     * @param name the name
     * @param chroots its chroots
     * @return the project's JSON as the API shows it
     */
    public synchronized JsonNode seedProject(String owner, String name, Collection<String> chroots) {
        Project project = new Project(nextProjectId++, owner, name);
        project.chroots.addAll(chroots);
        projects.put(owner + "/" + name, project);
        return projectJson(project);
    }

    /**
     * Returns every request received, in order.
     *
     * @return the requests
     */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * Returns the number of requests received.
     *
     * @return the count
     */
    public int requestCount() {
        return requests.size();
    }

    /** Forgets the requests received so far. */
    public void clearRequests() {
        requests.clear();
    }

    /**
     * Returns the ids of every build, in order of submission.
     *
     * @return the build ids
     */
    public synchronized List<Long> buildIds() {
        return List.copyOf(builds.keySet());
    }

    /**
     * Returns a build's JSON as {@code GET /build/{id}} shows it now.
     *
     * @param id the build
     * @return the build JSON
     */
    public synchronized JsonNode build(long id) {
        return buildJson(builds.get(id), now());
    }

    /**
     * Returns the JSON body a build was created with.
     *
     * @param id the build
     * @return the create request's JSON
     */
    public synchronized JsonNode buildRequest(long id) {
        return builds.get(id).request;
    }

    /**
     * Returns a chroot's state now.
     *
     * @param id the build
     * @param chroot the chroot
     * @return the state name
     */
    public synchronized String chrootState(long id, String chroot) {
        return chrootJson(builds.get(id), chroot, now()).get("state").asText();
    }

    /**
     * Returns when a chroot ended (epoch seconds), or -1 while it has not ended.
     *
     * @param id the build
     * @param chroot the chroot
     * @return the end time
     */
    public synchronized long chrootEndedOn(long id, String chroot) {
        JsonNode ended = chrootJson(builds.get(id), chroot, now()).get("ended_on");
        return ended.isNull() ? -1 : ended.asLong();
    }

    /**
     * Returns the chroots of a build.
     *
     * @param id the build
     * @return the chroot names
     */
    public synchronized List<String> chrootsOf(long id) {
        return List.copyOf(builds.get(id).chroots);
    }

    /**
     * Returns the project's JSON now.
     *
     * @param owner the owner
     * @param name the project
     * @return the project JSON, or null when there is none
     */
    public synchronized JsonNode project(String owner, String name) {
        Project project = projects.get(owner + "/" + name);
        return project == null ? null : projectJson(project);
    }

    @Override
    public void close() {
        server.close();
    }

    // ---------------------------------------------------------------- dispatch

    private synchronized MockResponse handle(RecordedRequest request) {
        HttpUrl url = request.getUrl();
        String path = url.encodedPath();
        String method = request.getMethod();
        Fault fault = takeFault(method, path);
        if (fault != null && fault.kind() != Fault.Kind.PROCESS_THEN_STALL) {
            return faultResponse(fault);
        }
        MockResponse response;
        try {
            response = route(method, path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1)
                    : path, url, request);
        } catch (CoprError e) {
            response = error(e.status, e.getMessage());
        }
        if (fault != null) {
            return new MockResponse.Builder(response).headersDelay(10, TimeUnit.SECONDS).build();
        }
        return response;
    }

    private Fault takeFault(String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(method, path)) {
                faults.remove(fault);
                return fault;
            }
        }
        return null;
    }

    private MockResponse faultResponse(Fault fault) {
        switch (fault.kind()) {
            case STATUS:
                return error(fault.value(), "Request wasn't successful, there is probably a bug in the Copr code.");
            case RETRY_AFTER:
                return new MockResponse.Builder().code(429).setHeader("Retry-After", fault.value())
                        .setHeader("Content-Type", "application/json").body("{\"error\": \"Too many requests\"}").build();
            case DROP_CONNECTION:
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            case SLOW_BODY:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"slow\": true}").throttleBody(1, 3, TimeUnit.SECONDS).build();
            case MALFORMED_JSON:
                return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                        .body("{\"items\": [{\"id\": ").build();
            case EXPIRED_TOKEN:
                return loginInvalid();
            case GATEWAY_TIMEOUT:
                return new MockResponse.Builder().code(504).setHeader("Content-Type", "text/html")
                        .body("<html><body><h1>504 Gateway Time-out</h1></body></html>").build();
            default:
                throw new IllegalStateException("unhandled fault " + fault);
        }
    }

    private MockResponse route(String method, String path, HttpUrl url, RecordedRequest request) {
        if (!path.equals("/api_3") && !path.startsWith("/api_3/")) {
            throw new CoprError(404, "Such API endpoint doesn't exist");
        }
        List<String> seg = url.pathSegments().stream().filter(s -> !s.isEmpty()).skip(1).toList();
        String first = seg.isEmpty() ? "" : seg.get(0);
        boolean get = method.equals("GET");
        if (seg.isEmpty() && get) {
            return ok(JSON.objectNode().put("version", 3));
        }
        if (first.equals("auth-check") && get) {
            User user = authenticate(request);
            return ok(JSON.objectNode().put("id", user.id).put("name", user.username));
        }
        if (first.equals("mock-chroots") && seg.size() == 2 && seg.get(1).equals("list") && get) {
            ObjectNode chroots = JSON.objectNode();
            mockChroots.forEach(c -> chroots.put(c, ""));
            return ok(chroots);
        }
        if (first.equals("project")) {
            return routeProject(method, seg, url, request);
        }
        if (first.equals("build")) {
            return routeBuild(method, seg, url, request);
        }
        if (first.equals("build-chroot") && get) {
            return routeBuildChroot(seg, url);
        }
        if (first.equals("monitor") && seg.size() == 1 && get) {
            return ok(monitor(url));
        }
        throw new CoprError(404, "Such API endpoint doesn't exist");
    }

    // ---------------------------------------------------------------- projects

    private MockResponse routeProject(String method, List<String> seg, HttpUrl url, RecordedRequest request) {
        if (seg.size() == 1 && method.equals("GET")) {
            return ok(projectJson(findProject(param(url, "ownername"), param(url, "projectname"))));
        }
        if (seg.size() == 3 && seg.get(1).equals("add") && method.equals("POST")) {
            User user = authenticate(request);
            return ok(addProject(user, seg.get(2), body(request), "True".equals(url.queryParameter("exist_ok"))));
        }
        if (seg.size() == 4 && seg.get(1).equals("edit") && (method.equals("PUT") || method.equals("POST"))) {
            User user = authenticate(request);
            MockResponse response = ok(editProject(user, seg.get(2), seg.get(3), body(request)));
            return method.equals("POST") ? deprecated(response, "PUT") : response;
        }
        throw new CoprError(404, "Such API endpoint doesn't exist");
    }

    private JsonNode addProject(User user, String owner, JsonNode body, boolean existOk) {
        checkOwner(user, owner);
        String name = body.path("name").asText("");
        List<String> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add("name: This field is required.");
        } else if (!name.matches("[A-Za-z0-9_.-]+") || name.matches("[0-9]+")) {
            problems.add("name: Name must contain only letters, digits, underscores, dashes and dots.");
        }
        List<String> chroots = strings(body.get("chroots"));
        if (chroots.isEmpty()) {
            problems.add("chroots: At least one chroot must be selected");
        }
        for (String chroot : chroots) {
            if (!mockChroots.contains(chroot)) {
                problems.add("chroots: '" + chroot + "' is not a valid choice for this field.");
            }
        }
        Project existing = projects.get(owner + "/" + name);
        if (existing != null) {
            if (existOk) {
                return projectJson(existing);
            }
            problems.add(0, "name: You already have a project named '" + name + "'.");
        }
        if (!problems.isEmpty()) {
            throw new CoprError(400, String.join("\n", problems));
        }
        Project project = new Project(nextProjectId++, owner, name);
        project.chroots.addAll(chroots);
        applySettings(project, body);
        project.deleteAfterDays = body.path("delete_after_days").asInt(-1);
        projects.put(owner + "/" + name, project);
        return projectJson(project);
    }

    private JsonNode editProject(User user, String owner, String name, JsonNode body) {
        Project project = findProject(owner, name);
        if (!mayBuildIn(user, owner)) {
            throw new CoprError(403, "Only owners and admins may update their projects.");
        }
        if (body.has("chroots") && !body.get("chroots").isNull()) {
            List<String> chroots = strings(body.get("chroots"));
            for (String chroot : chroots) {
                if (!mockChroots.contains(chroot)) {
                    throw new CoprError(400, "chroots: '" + chroot + "' is not a valid choice for this field.");
                }
            }
            for (String dropped : project.chroots) {
                if (!chroots.contains(dropped) && hasActiveBuildIn(project, dropped)) {
                    throw new CoprError(409, "Can't drop chroot from project, related build(s) still in progress");
                }
            }
            project.chroots.clear();
            project.chroots.addAll(chroots);
        }
        applySettings(project, body);
        return projectJson(project);
    }

    private boolean hasActiveBuildIn(Project project, String chroot) {
        Instant now = now();
        return builds.values().stream().filter(b -> b.project == project && b.chroots.contains(chroot))
                .anyMatch(b -> !FINISHED.contains(chrootJson(b, chroot, now).get("state").asText()));
    }

    private static void applySettings(Project project, JsonNode body) {
        if (body.hasNonNull("description")) {
            project.description = body.get("description").asText();
        }
        if (body.hasNonNull("instructions")) {
            project.instructions = body.get("instructions").asText();
        }
        JsonNode repos = body.hasNonNull("additional_repos") ? body.get("additional_repos") : body.get("repos");
        if (repos != null && !repos.isNull()) {
            project.additionalRepos = strings(repos);
        }
        if (body.hasNonNull("unlisted_on_hp")) {
            project.unlisted = body.get("unlisted_on_hp").asBoolean();
        }
        if (body.hasNonNull("enable_net")) {
            project.enableNet = body.get("enable_net").asBoolean();
        }
        if (body.hasNonNull("module_hotfixes")) {
            project.moduleHotfixes = body.get("module_hotfixes").asBoolean();
        }
        if (body.hasNonNull("bootstrap")) {
            project.bootstrap = body.get("bootstrap").asText();
        }
        if (body.hasNonNull("isolation")) {
            project.isolation = body.get("isolation").asText();
        }
        if (body.hasNonNull("packit_forge_projects_allowed")) {
            project.forgeProjects = strings(body.get("packit_forge_projects_allowed"));
        }
        if (body.hasNonNull("delete_after_days")) {
            project.deleteAfterDays = body.get("delete_after_days").asInt();
        }
    }

    private JsonNode projectJson(Project p) {
        ObjectNode json = JSON.objectNode();
        json.put("id", p.id);
        json.put("name", p.name);
        json.put("ownername", p.owner);
        json.put("full_name", p.owner + "/" + p.name);
        json.putNull("homepage");
        json.putNull("contact");
        putNullable(json, "description", p.description);
        putNullable(json, "instructions", p.instructions);
        json.put("devel_mode", false);
        json.put("unlisted_on_hp", p.unlisted);
        json.put("auto_prune", true);
        json.put("enable_net", p.enableNet);
        json.put("bootstrap", p.bootstrap);
        json.put("isolation", p.isolation);
        json.put("module_hotfixes", p.moduleHotfixes);
        json.put("appstream", false);
        ArrayNode forge = json.putArray("packit_forge_projects_allowed");
        p.forgeProjects.forEach(forge::add);
        json.put("follow_fedora_branching", false);
        json.putNull("repo_priority");
        json.put("persistent", false);
        ArrayNode repos = json.putArray("additional_repos");
        p.additionalRepos.forEach(repos::add);
        json.put("storage", "backend");
        ObjectNode chrootRepos = json.putObject("chroot_repos");
        for (String chroot : p.chroots) {
            chrootRepos.put(chroot, base + "/results/" + p.owner + "/" + p.name + "/" + chroot + "/");
        }
        return json;
    }

    private Project findProject(String owner, String name) {
        Project project = projects.get(owner + "/" + name);
        if (project == null) {
            throw new CoprError(404, "Project " + owner + "/" + name + " does not exist.");
        }
        return project;
    }

    // ---------------------------------------------------------------- builds

    private MockResponse routeBuild(String method, List<String> seg, HttpUrl url, RecordedRequest request) {
        boolean get = method.equals("GET");
        if (seg.size() == 2 && get && seg.get(1).matches("[0-9]+")) {
            return ok(buildJson(findBuild(Long.parseLong(seg.get(1))), now()));
        }
        if (seg.size() == 2 && get && seg.get(1).equals("list")) {
            return ok(listBuilds(url));
        }
        if (seg.size() == 3 && get && seg.get(1).equals("source-chroot")) {
            Build build = findBuild(parseId(seg.get(2)));
            ObjectNode json = JSON.objectNode();
            json.put("state", sourceState(build, now()));
            json.put("result_url", base + "/results/" + build.project.owner + "/" + build.project.name
                    + "/srpm-builds/" + String.format(Locale.ROOT, "%08d", build.id));
            return ok(json);
        }
        if (seg.size() == 3 && get && seg.get(1).equals("source-build-config")) {
            return ok(sourceBuildConfig(findBuild(parseId(seg.get(2)))));
        }
        if (seg.size() == 3 && seg.get(1).equals("cancel") && (method.equals("PUT") || method.equals("POST"))) {
            User user = authenticate(request);
            MockResponse response = ok(cancel(user, findBuild(parseId(seg.get(2)))));
            return method.equals("POST") ? deprecated(response, "PUT") : response;
        }
        if (seg.size() == 2 && seg.get(1).equals("check-before-build") && method.equals("POST")) {
            User user = authenticate(request);
            validateBuild(user, body(request), "check");
            return ok(JSON.objectNode().put("message", "It should be safe to submit a build like this"));
        }
        if (seg.size() == 3 && seg.get(1).equals("create") && method.equals("POST")) {
            User user = authenticate(request);
            return create(user, seg.get(2), request);
        }
        throw new CoprError(404, "Such API endpoint doesn't exist");
    }

    private MockResponse create(User user, String kind, RecordedRequest request) {
        JsonNode body;
        String uploadedFile = null;
        if (kind.equals("upload")) {
            Map<String, Part> parts = multipart(request);
            Part json = parts.get("json");
            Part pkgs = parts.get("pkgs");
            if (json == null || json.filename == null) {
                throw new CoprError(400, "Bad request parameters: {'json': ['This field is required.']}");
            }
            if (pkgs == null || pkgs.filename == null || !isSourceFile(pkgs.filename)) {
                throw new CoprError(400, "Bad request parameters: {'pkgs': ['Allowed extensions: .src.rpm, "
                        + ".nosrc.rpm, .spec']}");
            }
            body = parseJson(json.content);
            uploadedFile = pkgs.filename;
        } else {
            body = body(request);
        }
        List<String> pkgs = List.of();
        switch (kind) {
            case "url":
                pkgs = strings(body.get("pkgs")).stream()
                        .flatMap(s -> java.util.Arrays.stream(s.split("\\s+"))).filter(s -> !s.isEmpty()).toList();
                if (pkgs.isEmpty()) {
                    throw new CoprError(400, "Bad request parameters: {'pkgs': ['This field is required.']}");
                }
                for (String pkg : pkgs) {
                    if (!pkg.matches("https?://.+") || !isSourceFile(HttpUrl.get(pkg).encodedPath())) {
                        throw new CoprError(400, "Bad request parameters: {'pkgs': ['Url " + pkg
                                + " doesn\\'t end with .src.rpm, .nosrc.rpm or .spec']}");
                    }
                }
                break;
            case "upload":
                break;
            case "scm":
                requireField(body, "clone_url");
                break;
            case "custom":
                requireField(body, "script");
                break;
            case "distgit":
                requireField(body, "package_name");
                break;
            default:
                throw new CoprError(404, "Such API endpoint doesn't exist");
        }
        Project project = validateBuild(user, body, kind);
        Batch batch = resolveBatch(user, body);
        if (kind.equals("url")) {
            ObjectNode wrapper = JSON.objectNode();
            ArrayNode items = wrapper.putArray("items");
            for (String pkg : pkgs) {
                Build build = newBuild(user, project, body, kind, batch);
                build.sourceUrl = pkg;
                items.add(buildJson(build, now()));
            }
            ObjectNode meta = wrapper.putObject("meta");
            meta.putNull("limit");
            meta.putNull("offset");
            meta.putNull("order");
            meta.putNull("order_type");
            return ok(wrapper);
        }
        Build build = newBuild(user, project, body, kind, batch);
        if (uploadedFile != null) {
            build.sourceUrl = base + "/tmp/tmp" + build.id + "/" + uploadedFile;
        }
        return ok(buildJson(build, now()));
    }

    private static boolean isSourceFile(String name) {
        return name.endsWith(".src.rpm") || name.endsWith(".nosrc.rpm") || name.endsWith(".spec");
    }

    private static void requireField(JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
            throw new CoprError(400, "Bad request parameters: {'" + field + "': ['This field is required.']}");
        }
    }

    private Project validateBuild(User user, JsonNode body, String kind) {
        String owner = body.path("ownername").asText("");
        String name = body.path("projectname").asText("");
        if (owner.isEmpty() || name.isEmpty()) {
            throw new CoprError(400, "Bad request parameters: {'ownername': ['This field is required.']}");
        }
        Project project = findProject(owner, name);
        if (!mayBuildIn(user, owner)) {
            throw new CoprError(403, "User " + user.username + " is not allowed to build in the copr: "
                    + owner + "/" + name);
        }
        if (project.chroots.isEmpty()) {
            throw new CoprError(400, "Can't create build - project " + owner + "/" + name + " has no active chroots");
        }
        for (String pattern : strings(body.get("chroots"))) {
            if (matchChroots(project, pattern).isEmpty()) {
                throw new CoprError(400, "Bad request parameters: {'chroots': [\"'" + pattern
                        + "' is not a valid choice for this field.\"]}");
            }
        }
        if (body.hasNonNull("timeout")) {
            int timeout = body.get("timeout").asInt(-1);
            if (timeout < 0 || timeout > 108_000) {
                throw new CoprError(400, "Bad request parameters: {'timeout': ['Number must be between 0 and 108000.']}");
            }
        }
        if (body.hasNonNull("after_build_id") && body.hasNonNull("with_build_id")) {
            throw new CoprError(400, "Bad request parameters: {'with_build_id': ['Only one batch option can be"
                    + " specified']}");
        }
        return project;
    }

    private static List<String> matchChroots(Project project, String pattern) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return project.chroots.stream().filter(c -> matcher.matches(java.nio.file.Path.of(c))).toList();
    }

    private Batch resolveBatch(User user, JsonNode body) {
        Instant now = now();
        String key = body.hasNonNull("after_build_id") ? "after_build_id" : "with_build_id";
        if (!body.hasNonNull(key)) {
            return null;
        }
        long otherId = body.get(key).asLong();
        Build other = builds.get(otherId);
        if (other == null) {
            throw new CoprError(400, "Bad request parameters: {'" + key + "': ['Build " + otherId + " not found']}");
        }
        if (other.batch == null) {
            if (isFinished(other, now)) {
                throw new CoprError(400, "Bad request parameters: {'" + key + "': ['Build " + otherId
                        + " is not yet in any batch, and new batch can not be created because the build has already"
                        + " finished']}");
            }
            Batch created = new Batch(batches.size() + 1, null);
            batches.add(created);
            created.builds.add(other);
            other.batch = created;
        }
        if (key.equals("with_build_id")) {
            if (batchFinished(other.batch, now)) {
                throw new CoprError(400, "Bad request parameters: {'with_build_id': ['Batch " + other.batch.id
                        + " is already finished']}");
            }
            return other.batch;
        }
        Batch child = new Batch(batches.size() + 1, other.batch);
        batches.add(child);
        return child;
    }

    private Build newBuild(User user, Project project, JsonNode body, String kind, Batch batch) {
        BuildPlan plan = nextPlans.isEmpty() ? defaultPlan : nextPlans.poll();
        Build build = new Build(nextBuildId++, project, plan, now(), user.username, body, kind);
        List<String> requested = strings(body.get("chroots"));
        if (requested.isEmpty()) {
            build.chroots.addAll(project.chroots);
            build.chrootsDecidedLater = true;
        } else {
            for (String pattern : requested) {
                for (String chroot : matchChroots(project, pattern)) {
                    if (!build.chroots.contains(chroot)) {
                        build.chroots.add(chroot);
                    }
                }
            }
        }
        build.chroots.removeAll(strings(body.get("exclude_chroots")));
        build.background = body.path("background").asBoolean(false);
        build.dirname = body.hasNonNull("project_dirname") ? body.get("project_dirname").asText() : project.name;
        if (body.hasNonNull("pkgs") && kind.equals("url")) {
            build.sourceUrl = strings(body.get("pkgs")).get(0);
        }
        if (batch != null) {
            batch.builds.add(build);
            build.batch = batch;
        }
        builds.put(build.id, build);
        return build;
    }

    /**
     * {@code GET /build/source-build-config/{id}} as Copr answers it (fedora-copr/copr 5d37cd838218ab0097d1da08b1682094b95b9ac6,
     * {@code apiv3_builds.py} lines 70-77 and 202-212): the source type and the source dict the build was created
     * with ({@code builds_logic.py} lines 560-655: custom {@code script, chroot, builddeps, resultdir, repos}; scm
     * {@code type, clone_url, committish, subdirectory, spec, srpm_build_method}; link {@code url}), lists joined with
     * spaces as {@code json2form.py} lines 5-30 do, {@code repos} one per line ({@code forms.py} StringListFilter,
     * lines 438-448), the script ending with a newline ({@code forms.py} lines 1077-1092), the script chroot
     * {@code fedora-latest-x86_64} unless given ({@code forms.py} line 1119).
     */
    private JsonNode sourceBuildConfig(Build build) {
        ObjectNode json = JSON.objectNode();
        ObjectNode dict = JSON.objectNode();
        JsonNode body = build.request;
        switch (build.kind) {
            case "custom":
                json.put("source_type", "custom");
                String script = body.path("script").asText();
                dict.put("script", script.endsWith("\n") ? script : script + "\n");
                dict.put("chroot", body.hasNonNull("chroot") ? body.get("chroot").asText() : "fedora-latest-x86_64");
                putNullable(dict, "builddeps", joined(body.get("builddeps"), " "));
                putNullable(dict, "resultdir", body.hasNonNull("resultdir") ? body.get("resultdir").asText() : null);
                dict.put("repos", String.join("\n", strings(body.get("repos"))));
                break;
            case "scm":
                json.put("source_type", "scm");
                dict.put("type", body.path("scm_type").asText("git"));
                dict.put("clone_url", body.path("clone_url").asText());
                dict.put("committish", body.path("committish").asText(""));
                dict.put("subdirectory", body.path("subdirectory").asText(""));
                dict.put("spec", body.path("spec").asText(""));
                dict.put("srpm_build_method", body.path("source_build_method").asText("rpkg"));
                break;
            case "url":
                json.put("source_type", "link");
                dict.put("url", build.sourceUrl);
                break;
            case "upload":
                json.put("source_type", "upload");
                dict.put("url", build.sourceUrl);
                break;
            default:
                json.put("source_type", build.kind);
                break;
        }
        json.set("source_dict", dict);
        json.put("memory_limit", 2048);
        json.put("timeout", body.path("timeout").asInt(18_000));
        json.put("is_background", build.background);
        return json;
    }

    private static String joined(JsonNode node, String separator) {
        List<String> values = strings(node);
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private JsonNode cancel(User user, Build build) {
        if (!mayBuildIn(user, build.project.owner)) {
            throw new CoprError(403, "You are not allowed to cancel this build.");
        }
        Instant now = now();
        if (isFinished(build, now)) {
            throw new CoprError(409, "Cannot cancel build " + build.id);
        }
        build.canceledAt = now;
        return buildJson(build, now);
    }

    private JsonNode listBuilds(HttpUrl url) {
        Project project = findProject(param(url, "ownername"), param(url, "projectname"));
        String order = url.queryParameter("order") == null ? "id" : url.queryParameter("order");
        String orderType = url.queryParameter("order_type") == null ? "ASC" : url.queryParameter("order_type");
        Integer limit = url.queryParameter("limit") == null ? null : Integer.parseInt(url.queryParameter("limit"));
        int offset = url.queryParameter("offset") == null ? 0 : Integer.parseInt(url.queryParameter("offset"));
        List<Build> all = new ArrayList<>(builds.values().stream().filter(b -> b.project == project).toList());
        if (orderType.equals("DESC")) {
            java.util.Collections.reverse(all);
        }
        Instant now = now();
        ObjectNode wrapper = JSON.objectNode();
        ArrayNode items = wrapper.putArray("items");
        all.stream().skip(offset).limit(limit == null ? Long.MAX_VALUE : limit)
                .forEach(b -> items.add(buildJson(b, now)));
        ObjectNode meta = wrapper.putObject("meta");
        if (limit == null) {
            meta.putNull("limit");
        } else {
            meta.put("limit", limit);
        }
        meta.put("offset", offset);
        meta.put("order", order);
        meta.put("order_type", orderType);
        return wrapper;
    }

    private MockResponse routeBuildChroot(List<String> seg, HttpUrl url) {
        Instant now = now();
        if (seg.size() == 1 || seg.size() == 3 && !seg.get(1).equals("list") && !seg.get(1).equals("built-packages")) {
            long id = seg.size() == 3 ? parseId(seg.get(1)) : parseId(param(url, "build_id"));
            String chroot = seg.size() == 3 ? seg.get(2) : param(url, "chrootname");
            Build build = findBuild(id);
            if (!build.chroots.contains(chroot) || chrootsHidden(build, now)) {
                throw new CoprError(404, "Build " + id + " was not submitted to " + chroot + " chroot.");
            }
            return ok(chrootJson(build, chroot, now));
        }
        if (seg.get(1).equals("list") && seg.size() <= 3) {
            Build build = findBuild(seg.size() == 3 ? parseId(seg.get(2)) : parseId(param(url, "build_id")));
            ObjectNode wrapper = JSON.objectNode();
            ArrayNode items = wrapper.putArray("items");
            if (!chrootsHidden(build, now)) {
                build.chroots.forEach(c -> items.add(chrootJson(build, c, now)));
            }
            ObjectNode meta = wrapper.putObject("meta");
            meta.putNull("limit");
            meta.put("offset", 0);
            meta.put("order", "id");
            meta.put("order_type", "ASC");
            return ok(wrapper);
        }
        if (seg.get(1).equals("built-packages") && seg.size() == 2) {
            Build build = findBuild(parseId(param(url, "build_id")));
            String chroot = param(url, "chrootname");
            if (!build.chroots.contains(chroot)) {
                throw new CoprError(404, "Build " + build.id + " was not submitted to " + chroot + " chroot.");
            }
            ObjectNode json = JSON.objectNode();
            ArrayNode packages = json.putArray("packages");
            if (chrootJson(build, chroot, now).get("state").asText().equals("succeeded")) {
                String[] version = build.plan.version().split("-", 2);
                String arch = chroot.substring(chroot.lastIndexOf('-') + 1);
                for (String a : List.of("src", arch)) {
                    packages.addObject().put("name", build.plan.packageName()).put("epoch", 0)
                            .put("version", version[0]).put("release", version.length > 1 ? version[1] : "1")
                            .put("arch", a);
                }
            }
            return ok(json);
        }
        throw new CoprError(404, "Such API endpoint doesn't exist");
    }

    // ---------------------------------------------------------------- monitor

    /**
     * {@code GET /api_3/monitor} as fedora-copr/copr 5d37cd838218ab0097d1da08b1682094b95b9ac6 serves it
     * ({@code frontend/coprs_frontend/coprs/views/apiv3_ns/apiv3_monitor.py}, {@code BuildsMonitorLogic} in
     * {@code coprs/logic/builds_logic.py}, {@code tests/test_apiv3/test_monitor.py}): {@code ownername} and
     * {@code projectname} required, {@code project_dirname} optional (empty = main directory, unknown = 404),
     * {@code additional_fields[]} among {@code url_build_log}, {@code url_backend_log}, {@code url_build} (the last is
     * accepted but adds nothing). Packages sorted by name; per active chroot of the project, the chroot of the newest
     * build (highest id) of the package in that directory; builds whose package is not yet known (SRPM not built) are
     * not shown, so an older build of the same package still is; packages without any such chroot are left out.
     */
    private JsonNode monitor(HttpUrl url) {
        String owner = param(url, "ownername");
        String name = param(url, "projectname");
        List<String> fields = url.queryParameterValues("additional_fields[]").stream()
                .map(f -> f == null ? "" : f).toList();
        Project project = findProject(owner, name);
        Set<String> bad = new TreeSet<>(fields);
        bad.removeAll(Set.of("url_build_log", "url_backend_log", "url_build"));
        if (!bad.isEmpty()) {
            throw new CoprError(400, "Wrong additional_fields argument(s): " + String.join(", ", bad));
        }
        String wantedDir = url.queryParameter("project_dirname");
        String dirname = wantedDir == null || wantedDir.isEmpty() ? project.name : wantedDir;
        if (!dirname.equals(project.name)
                && builds.values().stream().noneMatch(b -> b.project == project && dirname.equals(b.dirname))) {
            throw new CoprError(404, "Dirname '" + dirname + "' doesn't exist in '" + owner + "/" + name + "' copr");
        }
        Instant now = now();
        Map<String, Map<String, Build>> latest = new TreeMap<>();
        List<Build> newestFirst = new ArrayList<>(builds.values());
        java.util.Collections.reverse(newestFirst);
        for (Build build : newestFirst) {
            if (build.project != project || !dirname.equals(build.dirname) || !packageKnown(build, now)
                    || chrootsHidden(build, now)) {
                continue;
            }
            for (String chroot : build.chroots) {
                if (project.chroots.contains(chroot)) {
                    latest.computeIfAbsent(build.plan.packageName(), k -> new LinkedHashMap<>())
                            .putIfAbsent(chroot, build);
                }
            }
        }
        ObjectNode json = JSON.objectNode();
        json.put("output", "ok");
        json.put("message", "Project monitor request successful");
        ArrayNode packages = json.putArray("packages");
        latest.forEach((pkg, chroots) -> {
            ObjectNode item = packages.addObject();
            item.put("name", pkg);
            ObjectNode entries = item.putObject("chroots");
            chroots.forEach((chroot, build) -> {
                ObjectNode c = chrootJson(build, chroot, now);
                String state = c.get("state").asText();
                String dir = c.get("result_url").isNull() ? null : c.get("result_url").asText();
                ObjectNode entry = entries.putObject(chroot);
                entry.put("state", state);
                entry.put("status", STATUS.getOrDefault(state, 1000));
                entry.put("build_id", build.id);
                if (fields.contains("url_build_log")) {
                    putNullable(entry, "url_build_log", logVariant(dir, state, "builder-live.log", Set.of("running")));
                }
                if (fields.contains("url_backend_log")) {
                    putNullable(entry, "url_backend_log", logVariant(dir, state, "backend.log",
                            Set.of("starting", "running")));
                }
                entry.put("pkg_version", build.plan.version());
            });
        });
        return json;
    }

    /** Copr's {@code BuildChroot._compressed_log_variant}: the raw log in some states, compressed once ended. */
    private static String logVariant(String dir, String state, String log, Set<String> rawStates) {
        if (dir == null) {
            return null;
        }
        if (rawStates.contains(state)) {
            return dir + log;
        }
        if (Set.of("failed", "succeeded", "canceled", "importing").contains(state)) {
            return dir + log + ".gz";
        }
        return null;
    }

    /** The build's package is known (Copr sets it when the SRPM build succeeds). */
    private boolean packageKnown(Build build, Instant now) {
        String source = sourceState(build, now);
        return source.equals("importing") || source.equals("succeeded");
    }

    // ---------------------------------------------------------------- the state machine

    /** When the build may start: its submission, or the end of the batch its batch waits for; null while blocked. */
    private Instant startOf(Build build, Instant now) {
        if (build.batch == null || build.batch.parent == null) {
            return build.submittedAt;
        }
        Instant parentEnd = batchFinishedAt(build.batch.parent, now);
        if (parentEnd == null) {
            return null;
        }
        return parentEnd.isAfter(build.submittedAt) ? parentEnd : build.submittedAt;
    }

    private Instant batchFinishedAt(Batch batch, Instant now) {
        Instant last = Instant.MIN;
        for (Build member : batch.builds) {
            Instant end = finishedAt(member, now);
            if (end == null) {
                return null;
            }
            last = end.isAfter(last) ? end : last;
        }
        return last;
    }

    private boolean batchFinished(Batch batch, Instant now) {
        return batchFinishedAt(batch, now) != null;
    }

    /** When the build finished, if it has by {@code now}; null otherwise. */
    private Instant finishedAt(Build build, Instant now) {
        if (build.canceledAt != null && !build.canceledAt.isAfter(now)) {
            Instant natural = naturalEnd(build, now);
            return natural != null && natural.isBefore(build.canceledAt) ? natural : build.canceledAt;
        }
        Instant natural = naturalEnd(build, now);
        return natural != null && !natural.isAfter(now) ? natural : null;
    }

    private Instant naturalEnd(Build build, Instant now) {
        Instant start = startOf(build, now);
        if (start == null) {
            return null;
        }
        BuildPlan plan = build.plan;
        if (!plan.srpmSucceeds()) {
            return start.plus(plan.srpmQueue()).plus(plan.srpmRun());
        }
        Duration longest = Duration.ZERO;
        for (String chroot : build.chroots) {
            BuildPlan.ChrootPlan c = plan.chroot(chroot);
            Duration total = c.queue().plus(c.run());
            longest = total.compareTo(longest) > 0 ? total : longest;
        }
        return start.plus(plan.sourcePhase()).plus(longest);
    }

    private boolean isFinished(Build build, Instant now) {
        return finishedAt(build, now) != null;
    }

    private String sourceState(Build build, Instant now) {
        Instant start = startOf(build, now);
        boolean canceled = build.canceledAt != null && !build.canceledAt.isAfter(now);
        Instant at = canceled ? build.canceledAt : now;
        if (start == null || at.isBefore(start)) {
            return canceled ? "canceled" : "pending";
        }
        BuildPlan plan = build.plan;
        Duration elapsed = Duration.between(start, at);
        String state;
        if (elapsed.compareTo(plan.srpmQueue()) < 0) {
            state = "pending";
        } else if (elapsed.compareTo(plan.srpmQueue().plus(plan.srpmRun())) < 0) {
            state = "running";
        } else if (!plan.srpmSucceeds()) {
            return "failed";
        } else if (elapsed.compareTo(plan.sourcePhase()) < 0) {
            state = "importing";
        } else {
            return "succeeded";
        }
        return canceled ? "canceled" : state;
    }

    private boolean chrootsHidden(Build build, Instant now) {
        return build.chrootsDecidedLater && !"succeeded".equals(sourceState(build, now));
    }

    private ObjectNode chrootJson(Build build, String chroot, Instant now) {
        ObjectNode json = JSON.objectNode();
        json.put("name", chroot);
        Instant start = startOf(build, now);
        boolean canceled = build.canceledAt != null && !build.canceledAt.isAfter(now);
        Instant at = canceled ? build.canceledAt : now;
        BuildPlan.ChrootPlan plan = build.plan.chroot(chroot);
        String state = "waiting";
        Instant startedOn = null;
        Instant endedOn = null;
        if (start != null && !at.isBefore(start)) {
            Duration elapsed = Duration.between(start, at);
            Duration source = build.plan.srpmQueue().plus(build.plan.srpmRun());
            if (!build.plan.srpmSucceeds() && elapsed.compareTo(source) >= 0) {
                state = "failed";
            } else if (elapsed.compareTo(build.plan.sourcePhase()) >= 0) {
                Duration inChroot = elapsed.minus(build.plan.sourcePhase());
                Instant chrootStart = start.plus(build.plan.sourcePhase()).plus(plan.queue());
                if (inChroot.compareTo(plan.queue()) < 0) {
                    state = "pending";
                } else if (inChroot.compareTo(plan.queue().plus(plan.run())) < 0) {
                    state = "running";
                    startedOn = chrootStart;
                } else {
                    state = plan.outcome();
                    startedOn = plan.outcome().equals("skipped") ? null : chrootStart;
                    endedOn = chrootStart.plus(plan.run());
                }
            }
        }
        if (canceled && !FINISHED.contains(state)) {
            state = "canceled";
            endedOn = null;
        }
        json.put("state", state);
        putEpoch(json, "started_on", startedOn);
        putEpoch(json, "ended_on", endedOn);
        if (startedOn != null || state.equals("failed") && endedOn != null) {
            json.put("result_url", base + "/results/" + build.project.owner + "/" + build.dirname + "/" + chroot
                    + "/" + String.format(Locale.ROOT, "%08d", build.id) + "-" + build.plan.packageName() + "/");
        } else {
            json.putNull("result_url");
        }
        return json;
    }

    private ObjectNode buildJson(Build build, Instant now) {
        String source = sourceState(build, now);
        boolean hidden = chrootsHidden(build, now);
        List<ObjectNode> chroots = hidden ? List.of()
                : build.chroots.stream().map(c -> chrootJson(build, c, now)).toList();
        String state;
        if (build.canceledAt != null && !build.canceledAt.isAfter(now)) {
            state = "canceled";
        } else if (Set.of("starting", "pending", "running", "importing", "failed").contains(source)) {
            state = source;
        } else {
            state = "unknown";
            Set<String> present = new java.util.HashSet<>();
            chroots.forEach(c -> present.add(c.get("state").asText()));
            for (String candidate : List.of("running", "starting", "pending", "failed", "succeeded", "skipped",
                    "forked")) {
                if (present.contains(candidate)) {
                    state = candidate;
                    break;
                }
            }
            if (state.equals("unknown") && !present.isEmpty() && present.equals(Set.of("waiting"))) {
                state = "pending";
            }
        }
        ObjectNode json = JSON.objectNode();
        json.put("id", build.id);
        json.put("state", state);
        json.put("ownername", build.project.owner);
        json.put("projectname", build.project.name);
        json.put("project_dirname", build.dirname);
        json.put("repo_url", base + "/results/" + build.project.owner + "/" + build.project.name);
        ObjectNode sourcePackage = json.putObject("source_package");
        boolean built = packageKnown(build, now);
        putNullable(sourcePackage, "name", built ? build.plan.packageName() : null);
        putNullable(sourcePackage, "version", built ? build.plan.version() : null);
        String url = build.sourceUrl;
        if (url == null && built) {
            url = base + "/results/" + build.project.owner + "/" + build.project.name + "/srpm-builds/"
                    + String.format(Locale.ROOT, "%08d", build.id) + "/" + build.plan.packageName() + "-"
                    + build.plan.version() + ".src.rpm";
        }
        putNullable(sourcePackage, "url", url);
        json.put("submitted_on", build.submittedAt.getEpochSecond());
        Long startedOn = null;
        Long endedOn = null;
        boolean allEnded = !chroots.isEmpty();
        for (ObjectNode chroot : chroots) {
            if (!chroot.get("started_on").isNull()) {
                long s = chroot.get("started_on").asLong();
                startedOn = startedOn == null ? s : Math.min(startedOn, s);
            }
            if (chroot.get("ended_on").isNull()) {
                allEnded = false;
            } else {
                endedOn = endedOn == null ? chroot.get("ended_on").asLong() : Math.max(endedOn,
                        chroot.get("ended_on").asLong());
            }
        }
        putEpoch(json, "started_on", startedOn == null ? null : Instant.ofEpochSecond(startedOn));
        putEpoch(json, "ended_on", allEnded && endedOn != null ? Instant.ofEpochSecond(endedOn) : null);
        json.put("submitter", build.submitter);
        ArrayNode names = json.putArray("chroots");
        if (!hidden) {
            build.chroots.forEach(names::add);
        }
        json.put("is_background", build.background);
        return json;
    }

    // ---------------------------------------------------------------- plumbing

    private Instant now() {
        return clock.now();
    }

    private User authenticate(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        if (header != null) {
            String[] words = header.trim().split("\\s+");
            if (words.length == 2) {
                try {
                    String pair = new String(Base64.getDecoder().decode(words[1]), StandardCharsets.UTF_8);
                    int colon = pair.indexOf(':');
                    User user = colon < 0 ? null : usersByLogin.get(pair.substring(0, colon));
                    if (user != null && !user.expired && user.token.equals(pair.substring(colon + 1))) {
                        return user;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // falls through to 401
                }
            }
        }
        throw new LoginInvalid();
    }

    private void checkOwner(User user, String owner) {
        if (!mayBuildIn(user, owner)) {
            // inferred wording: the reference lists no message for creating a project under another owner
            throw new CoprError(403, "User " + user.username + " is not allowed to create projects for " + owner);
        }
    }

    private boolean mayBuildIn(User user, String owner) {
        if (owner.startsWith("@")) {
            return groups.getOrDefault(owner.substring(1), Set.of()).contains(user.username);
        }
        return owner.equals(user.username);
    }

    private Build findBuild(long id) {
        Build build = builds.get(id);
        if (build == null) {
            throw new CoprError(404, "Build " + id + " does not exist.");
        }
        return build;
    }

    private static long parseId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CoprError(400, "Bad request parameters: {'build_id': ['Not a valid integer.']}");
        }
    }

    private static String param(HttpUrl url, String name) {
        String value = url.queryParameter(name);
        if (value == null || value.isEmpty()) {
            throw new CoprError(400, "Missing argument " + name);
        }
        return value;
    }

    private JsonNode body(RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        byte[] bytes = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        if (bytes.length == 0) {
            return JSON.objectNode();
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = JSON.objectNode();
            HttpUrl parsed = HttpUrl.get("http://x/?" + new String(bytes, StandardCharsets.UTF_8));
            parsed.queryParameterNames().forEach(n -> form.put(n, parsed.queryParameter(n)));
            return form;
        }
        return parseJson(bytes);
    }

    private JsonNode parseJson(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            return dropNulls(node);
        } catch (IOException e) {
            throw new CoprError(400, "Bad request parameters: the body is not JSON");
        }
    }

    /** Copr treats JSON nulls as "not sent". */
    private static JsonNode dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                }
            });
            object.remove(nulls);
        }
        return node;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.asText().isEmpty()) {
            values.addAll(List.of(node.asText().split("\\s+")));
        }
        return values;
    }

    private static void putNullable(ObjectNode json, String key, String value) {
        if (value == null) {
            json.putNull(key);
        } else {
            json.put(key, value);
        }
    }

    private static void putEpoch(ObjectNode json, String key, Instant value) {
        if (value == null) {
            json.putNull(key);
        } else {
            json.put(key, value.getEpochSecond());
        }
    }

    private MockResponse ok(JsonNode body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private MockResponse error(int status, String message) {
        if (status == 401) {
            return loginInvalid();
        }
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
                .body(JSON.objectNode().put("error", message).toString()).build();
    }

    private MockResponse loginInvalid() {
        ObjectNode body = JSON.objectNode().put("output", "notok")
                .put("error", "Login invalid/expired. Please visit " + base + "/api to get or renew your API token.");
        return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    private static MockResponse deprecated(MockResponse response, String verb) {
        return new MockResponse.Builder(response)
                .setHeader("Warning", "This method is deprecated: Use " + verb + " method instead of POST").build();
    }

    private record Part(String filename, String contentType, byte[] content) {
    }

    private static Map<String, Part> multipart(RecordedRequest request) {
        String contentType = request.getHeaders().get("Content-Type");
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            throw new CoprError(400, "Bad request parameters: {'json': ['This field is required.']}");
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length())
                .replace("\"", "");
        String body = new String(request.getBody().toByteArray(), StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        for (String chunk : body.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headerEnd = chunk.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = chunk.substring(0, headerEnd);
            String content = chunk.substring(headerEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            String name = headerValue(headers, "name");
            String filename = headerValue(headers, "filename");
            String type = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).trim();
                }
            }
            if (name != null) {
                parts.put(name, new Part(filename, type, content.getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        return parts;
    }

    private static String headerValue(String headers, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + key + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    /** Accepts connections with Nagle's algorithm off. */
    private static final class NoDelayServerSocket extends java.net.ServerSocket {
        NoDelayServerSocket() throws IOException {
            super();
        }

        @Override
        public java.net.Socket accept() throws IOException {
            java.net.Socket socket = super.accept();
            socket.setTcpNoDelay(true);
            return socket;
        }
    }

    /** An error with Copr's status and message. */
    private static class CoprError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CoprError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The login check failed. */
    private static final class LoginInvalid extends CoprError {
        private static final long serialVersionUID = 1L;

        LoginInvalid() {
            super(401, "Login invalid/expired.");
        }
    }

    private static final class User {
        private final String login;
        private final String token;
        private final String username;
        private final int id;
        private boolean expired;

        User(String login, String token, String username, int id) {
            this.login = login;
            this.token = token;
            this.username = username;
            this.id = id;
        }
    }

    private static final class Project {
        private final long id;
        private final String owner;
        private final String name;
        private final Set<String> chroots = new TreeSet<>();
        private String description;
        private String instructions;
        private List<String> additionalRepos = List.of();
        private boolean unlisted;
        private boolean enableNet;
        private boolean moduleHotfixes;
        private String bootstrap = "default";
        private String isolation = "default";
        private List<String> forgeProjects = List.of();
        private int deleteAfterDays = -1;

        Project(long id, String owner, String name) {
            this.id = id;
            this.owner = owner;
            this.name = name;
        }
    }

    private static final class Build {
        private final long id;
        private final Project project;
        private final BuildPlan plan;
        private final Instant submittedAt;
        private final String submitter;
        private final JsonNode request;
        private final String kind;
        private final List<String> chroots = new ArrayList<>();
        private boolean chrootsDecidedLater;
        private boolean background;
        private String dirname;
        private String sourceUrl;
        private Batch batch;
        private Instant canceledAt;

        Build(long id, Project project, BuildPlan plan, Instant submittedAt, String submitter, JsonNode request,
                String kind) {
            this.id = id;
            this.project = project;
            this.plan = plan;
            this.submittedAt = submittedAt;
            this.submitter = submitter;
            this.request = request;
            this.kind = kind;
        }
    }

    private static final class Batch {
        private final int id;
        private final Batch parent;
        private final List<Build> builds = new ArrayList<>();

        Batch(int id, Batch parent) {
            this.id = id;
            this.parent = parent;
        }
    }
}
