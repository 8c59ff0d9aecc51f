package io.packit.pipeline.copr;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;
import io.packit.pipeline.http.JsonHttp;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.ServiceErrors;
import io.packit.pipeline.http.Sleeper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * Copr API v3 client (reference Part 1): ensures projects, submits builds by every method Packit uses, reads builds,
 * their chroots and the project monitor, cancels. Reads are anonymous and retried; writes carry HTTP Basic {@code login:token} and are
 * never repeated once they may have reached Copr. Waiting on many builds is {@link BuildWaiter}; dependency-ordered
 * batches are {@link BatchSubmitter}.
 */
public final class CoprClient {
    private static final MediaType RPM = MediaType.get("application/x-rpm");
    private static final int PROJECT_ADD_RACE_TRIES = 5;

    private final CoprConfig config;
    private final JsonHttp http;
    private final ObjectMapper mapper;
    private final Sleeper sleeper;

    /**
     * Creates a client.
     *
     * @param client the shared OkHttp client
     * @param config URL and credentials
     * @param retryPolicy retries of reads
     * @param sleeper the clock for backoff and waiting
     */
    public CoprClient(OkHttpClient client, CoprConfig config, RetryPolicy retryPolicy, Sleeper sleeper) {
        this.config = Objects.requireNonNull(config, "config");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.mapper = new ObjectMapper()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        HttpUrl base = HttpUrl.get(config.coprUrl()).newBuilder().addPathSegment("api_3").addPathSegment("").build();
        this.http = new JsonHttp(client, base, mapper, config.auth(), retryPolicy, sleeper, new CoprErrors());
    }

    /**
     * Creates a client on the wall clock with the standard retry policy.
     *
     * @param client the shared OkHttp client
     * @param config URL and credentials
     * @return the client
     */
    public static CoprClient create(OkHttpClient client, CoprConfig config) {
        return new CoprClient(client, config, RetryPolicy.standard(), Sleeper.system());
    }

    /**
     * Creates a client with its own OkHttp client (connect 15 s, read 60 s, write 10 min for uploads), on the wall
     * clock with the standard retry policy: for callers that hold no OkHttp client, such as the command line.
     *
     * @param config URL and credentials
     * @return the client
     */
    public static CoprClient connect(CoprConfig config) {
        OkHttpClient client = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(15))
                .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofMinutes(10)).build();
        return create(client, config);
    }

    /**
     * Returns the configuration.
     *
     * @return URL and credentials
     */
    public CoprConfig config() {
        return config;
    }

    /**
     * Returns the clock this client waits on.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * {@code GET /api_3/}.
     *
     * @return the API version (3)
     */
    public int apiVersion() {
        return http.get(Answers.ApiRoot.class, List.of(""), Map.of(), false).version();
    }

    /**
     * {@code GET /auth-check}: checks the credentials.
     *
     * @return the user name Copr knows the token by
     */
    public String whoAmI() {
        requireCredentials("GET auth-check");
        return http.get(Answers.User.class, List.of("auth-check"), Map.of(), true).name();
    }

    /**
     * {@code GET /mock-chroots/list}: the active chroots, without Copr's internal ones (names starting {@code _}).
     *
     * @return chroot name → comment, sorted
     */
    public Map<String, String> mockChroots() {
        List<String> path = List.of("mock-chroots", "list");
        Map<String, String> listed = http.bind(http.get(path, Map.of()),
                mapper.getTypeFactory().constructMapType(TreeMap.class, String.class, String.class), "GET",
                http.url(path, Map.of()));
        Map<String, String> chroots = new TreeMap<>();
        listed.forEach((name, comment) -> {
            if (!name.startsWith("_")) {
                chroots.put(name, comment == null ? "" : comment);
            }
        });
        return chroots;
    }

    /**
     * {@code GET /project}.
     *
     * @param owner the owner
     * @param project the project
     * @return the project
     * @throws CoprApiException 404 when it does not exist
     */
    public CoprProject getProject(String owner, String project) {
        return http.get(CoprProject.class, List.of("project"), ownerProject(owner, project), false);
    }

    /**
     * Makes sure a project exists with the given settings, as Packit does: create with {@code exist_ok=True}
     * (settings of an existing project are kept), compare, then edit only what differs; chroots are added as a union
     * because an edit replaces the set.
     *
     * @param spec the project wanted
     * @return the project after the edit (or unchanged)
     */
    public CoprProject ensureProject(ProjectSpec spec) {
        requireCredentials("ensure project " + spec.owner() + "/" + spec.name());
        CoprProject current = addProject(spec);
        Map<String, Object> edit = spec.editBody(current);
        if (edit.isEmpty()) {
            return current;
        }
        List<String> path = List.of("project", "edit", spec.owner(), spec.name());
        return bind(http.send("PUT", path, Map.of(), edit), CoprProject.class, "PUT", path);
    }

    private CoprProject addProject(ProjectSpec spec) {
        Map<String, String> query = Map.of("exist_ok", "True");
        List<String> path = List.of("project", "add", spec.owner());
        for (int attempt = 1; ; attempt++) {
            try {
                return bind(http.send("POST", path, query, spec.createBody()), CoprProject.class, "POST", path);
            } catch (CoprApiException e) {
                // exist_ok=True makes the add idempotent, so an unknown outcome or a creation race may be retried
                boolean race = e.status() == 400 && e.errorText().contains("already");
                if (attempt >= PROJECT_ADD_RACE_TRIES || !(race || e.isOutcomeUnknown())) {
                    throw e;
                }
                pause(Duration.ofSeconds(2L * attempt));
            }
        }
    }

    /**
     * Submits a build. An upload first asks {@code /build/check-before-build}, so a bad project or chroot fails
     * before the file is sent. A create is sent once: if the answer is lost, the exception says the outcome is
     * unknown and nothing is resubmitted.
     *
     * @param owner the owner
     * @param project the project
     * @param source where the sources come from
     * @param options build options
     * @return the new build (state {@code pending})
     */
    public CoprBuild submit(String owner, String project, BuildSource source, BuildOptions options) {
        requireCredentials("submit a build to " + owner + "/" + project);
        Map<String, Object> body = new LinkedHashMap<>(options.toJson(owner, project));
        body.putAll(source.fields());
        List<String> path = List.of("build", "create", source.method());
        if (source instanceof BuildSource.SrpmUpload upload) {
            http.send("POST", List.of("build", "check-before-build"), Map.of(), body);
            return bind(http.send("POST", path, Map.of(), multipart(body, upload)), CoprBuild.class, "POST", path);
        }
        JsonNode created = http.send("POST", path, Map.of(), body);
        if (source instanceof BuildSource.SrpmUrl) {
            // /build/create/url answers with the list wrapper, one build per URL (we send one)
            List<CoprBuild> builds = items(created, CoprBuild.class, "POST", path);
            if (builds.isEmpty()) {
                throw new CoprApiException(new ApiFailure("POST", http.url(path, Map.of()).toString(), 200,
                        "unexpected answer (Items): no build in 'items'", false), null);
            }
            return builds.get(0);
        }
        return bind(created, CoprBuild.class, "POST", path);
    }

    private RequestBody multipart(Map<String, Object> body, BuildSource.SrpmUpload upload) {
        byte[] json;
        byte[] file;
        try {
            json = mapper.writeValueAsBytes(body);
            file = Files.readAllBytes(upload.file());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise the build options " + body.keySet(), e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read the SRPM " + upload.file() + ": " + e.getMessage(), e);
        }
        return new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("json", "json", RequestBody.create(json, JsonHttp.JSON))
                .addFormDataPart("pkgs", String.valueOf(upload.file().getFileName()), RequestBody.create(file, RPM))
                .build();
    }

    /**
     * {@code GET /build/{id}}.
     *
     * @param buildId the build
     * @return the build
     */
    public CoprBuild getBuild(long buildId) {
        return http.get(CoprBuild.class, List.of("build", Long.toString(buildId)), Map.of(), false);
    }

    /**
     * {@code GET /build/list}, one page, newest first.
     *
     * @param owner the owner
     * @param project the project
     * @param limit page size
     * @param offset page start
     * @return the builds of the page
     */
    public List<CoprBuild> listBuilds(String owner, String project, int limit, int offset) {
        Map<String, String> query = ownerProject(owner, project);
        query.put("limit", Integer.toString(limit));
        query.put("offset", Integer.toString(offset));
        query.put("order", "id");
        query.put("order_type", "DESC");
        List<String> path = List.of("build", "list");
        return items(http.get(path, query), CoprBuild.class, "GET", path);
    }

    /**
     * {@code GET /build/source-build-config/{id}}: how the build's SRPM was made (for a custom build, its script),
     * anonymous; see {@link SourceBuildConfig} for the source lines.
     *
     * @param buildId the build
     * @return its source build config
     */
    public SourceBuildConfig sourceBuildConfig(long buildId) {
        return http.get(SourceBuildConfig.class, List.of("build", "source-build-config", Long.toString(buildId)), Map.of(),
                false);
    }

    /**
     * {@code GET /build-chroot/list?build_id=N}: every chroot of a build in one call.
     *
     * @param buildId the build
     * @return its chroots
     */
    public List<CoprBuildChroot> buildChroots(long buildId) {
        List<String> path = List.of("build-chroot", "list");
        return items(http.get(path, Map.of("build_id", Long.toString(buildId))), CoprBuildChroot.class, "GET", path);
    }

    /**
     * {@code GET /monitor?ownername=&projectname=[&project_dirname=]&additional_fields[]=url_build_log}: per package
     * of the project, per active chroot, the state of the package's newest build there, for the whole project in one
     * call (see {@link MonitoredPackage} for which builds it shows). Copr streams the answer
     * ({@code {"output": "ok", "message": "Project monitor request successful", "packages": [...]}}), so a failure
     * while streaming arrives as a 200 with truncated JSON, reported here as a malformed-JSON error. Wrong
     * {@code additional_fields[]} values are a 400 {@code Wrong additional_fields argument(s): ...}; an unknown
     * {@code project_dirname} a 404. Source: fedora-copr/copr 5d37cd838218ab0097d1da08b1682094b95b9ac6,
     * {@code frontend/coprs_frontend/coprs/views/apiv3_ns/apiv3_monitor.py} and {@code python/copr/v3/proxies/monitor.py}.
     *
     * @param owner the owner
     * @param project the project
     * @param projectDirname the CoprDir, null for the project's main directory
     * @return the packages, sorted by name as Copr sends them
     */
    public List<MonitoredPackage> monitor(String owner, String project, @CheckForNull String projectDirname) {
        Map<String, String> query = ownerProject(owner, project);
        if (projectDirname != null) {
            query.put("project_dirname", projectDirname);
        }
        query.put("additional_fields[]", "url_build_log");
        return http.get(Answers.Monitor.class, List.of("monitor"), query, false).packages();
    }

    /**
     * {@code GET /build/source-chroot/{id}}: the SRPM build.
     *
     * @param buildId the build
     * @return its SRPM build's state and result URL
     */
    public SourceChroot sourceChroot(long buildId) {
        return http.get(SourceChroot.class, List.of("build", "source-chroot", Long.toString(buildId)), Map.of(), false);
    }

    /**
     * {@code PUT /build/cancel/{id}}. A build that already finished (HTTP 409) is not an error.
     *
     * @param buildId the build
     * @return whether it was canceled or had already finished
     */
    public CancelOutcome cancel(long buildId) {
        requireCredentials("cancel build " + buildId);
        try {
            http.send("PUT", List.of("build", "cancel", Long.toString(buildId)), Map.of(), (RequestBody) null);
            return CancelOutcome.CANCELED;
        } catch (CoprApiException e) {
            if (e.status() == 409) {
                return CancelOutcome.ALREADY_FINISHED;
            }
            throw e;
        }
    }

    /**
     * Cancels a dependency-ordered set of builds leaves first: the last layer, then the one before, so that no
     * canceled parent unblocks a child that would then start (reference §1.7). Every build is tried even when one
     * cancel fails; the first failure is thrown at the end.
     *
     * @param layers build ids by layer, roots first
     * @return the outcome per build, in the order canceled
     */
    public Map<Long, CancelOutcome> cancelLeavesFirst(List<List<Long>> layers) {
        Map<Long, CancelOutcome> outcomes = new LinkedHashMap<>();
        CoprApiException first = null;
        for (int i = layers.size() - 1; i >= 0; i--) {
            for (long id : layers.get(i)) {
                try {
                    outcomes.put(id, cancel(id));
                } catch (CoprApiException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return outcomes;
    }

    private static Map<String, String> ownerProject(String owner, String project) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ownername", Objects.requireNonNull(owner, "owner"));
        query.put("projectname", Objects.requireNonNull(project, "project"));
        return query;
    }

    private void requireCredentials(String what) {
        if (!config.hasCredentials()) {
            throw new IllegalStateException("cannot " + what + ": the Copr config has no login and token");
        }
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a Copr request", e);
        }
    }

    private <T> T bind(JsonNode answer, Class<T> type, String method, List<String> path) {
        return http.bind(answer, mapper.constructType(type), method, http.url(path, Map.of()));
    }

    private <T> List<T> items(JsonNode answer, Class<T> type, String method, List<String> path) {
        Answers.Items<T> items = http.bind(answer,
                mapper.getTypeFactory().constructParametricType(Answers.Items.class, type), method,
                http.url(path, Map.of()));
        return items.items();
    }

    /** Copr's error dialect: {@code {"error": "..."}}. */
    private static final class CoprErrors implements ServiceErrors {
        @Override
        public String errorText(JsonNode body) {
            return body.hasNonNull("error") ? body.get("error").asText() : "";
        }

        @Override
        public ApiException exception(ApiFailure failure, @CheckForNull Throwable cause) {
            return new CoprApiException(failure, cause);
        }
    }
}
