package io.packit.pipeline.bodhi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;
import io.packit.pipeline.http.HttpAuth;
import io.packit.pipeline.http.JsonHttp;
import io.packit.pipeline.http.RedactedUrl;
import io.packit.pipeline.http.RetryPolicy;
import io.packit.pipeline.http.ServiceErrors;
import io.packit.pipeline.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Reads Bodhi's active releases as Packit does (fedora-distro-aliases, which Packit's {@code get_aliases} calls):
 * {@code GET /releases/?state=current,pending,frozen&page=N} for every page up to {@code pages}, anonymous, retried
 * on connect errors, timeouts, 5xx and 429. An answer that is not Bodhi's documented shape ({@code releases},
 * {@code page}, {@code pages}, each release with string {@code name}, {@code long_name}, {@code version},
 * {@code id_prefix}, {@code branch}, {@code state}), or that holds no Fedora release, is a {@link BodhiApiException}.
 */
public final class BodhiClient {
    /** Fedora's Bodhi. */
    public static final String PUBLIC_URL = "https://bodhi.fedoraproject.org";
    /** The states Packit asks for; Bodhi's other two are {@code disabled} and {@code archived}. */
    static final String ACTIVE_STATES = "current,pending,frozen";
    /** More pages than this is not Bodhi (it holds about 200 releases, 20 a page). */
    static final int MAX_PAGES = 100;

    private final JsonHttp http;
    private final String url;

    /**
     * Creates a client.
     *
     * @param client the shared OkHttp client
     * @param bodhiUrl Bodhi's URL, e.g. {@link #PUBLIC_URL}
     * @param retryPolicy retries of each page
     * @param sleeper the clock for backoff
     * @throws IllegalArgumentException when {@code bodhiUrl} is not an http or https URL
     */
    public BodhiClient(OkHttpClient client, String bodhiUrl, RetryPolicy retryPolicy, Sleeper sleeper) {
        Objects.requireNonNull(bodhiUrl, "bodhiUrl");
        HttpUrl base = HttpUrl.parse(bodhiUrl);
        if (base == null) {
            throw new IllegalArgumentException("not an http or https URL: '" + bodhiUrl + "'");
        }
        this.url = bodhiUrl.endsWith("/") ? bodhiUrl.substring(0, bodhiUrl.length() - 1) : bodhiUrl;
        this.http = new JsonHttp(client, base, new ObjectMapper(), HttpAuth.none(), retryPolicy, sleeper,
                new BodhiErrors());
    }

    /**
     * Creates a client on the wall clock with the standard retry policy.
     *
     * @param client the shared OkHttp client
     * @param bodhiUrl Bodhi's URL
     * @return the client
     */
    public static BodhiClient create(OkHttpClient client, String bodhiUrl) {
        return new BodhiClient(client, bodhiUrl, RetryPolicy.standard(), Sleeper.system());
    }

    /**
     * Creates a client with its own OkHttp client (connect 10 s, read 30 s): for callers that hold none, such as
     * the command line.
     *
     * @param bodhiUrl Bodhi's URL
     * @return the client
     */
    public static BodhiClient connect(String bodhiUrl) {
        return create(new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30)).build(), bodhiUrl);
    }

    /**
     * Returns Bodhi's URL as given, without a trailing slash.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * Reads every page of Bodhi's releases in the states {@code current}, {@code pending} and {@code frozen}.
     *
     * @return the releases in Bodhi's order (by name) and how many pages they took
     * @throws BodhiApiException when a page failed after the retries, is not Bodhi's shape, or no Fedora release came
     */
    public Answer activeReleases() {
        var releases = new ArrayList<BodhiRelease>();
        int pages;
        int page = 0;
        do {
            page++;
            var query = new LinkedHashMap<String, String>();
            query.put("state", ACTIVE_STATES);
            query.put("page", Integer.toString(page));
            var pageUrl = http.url(List.of("releases", ""), query);
            JsonNode body = http.get(List.of("releases", ""), query);
            pages = readPage(body, page, pageUrl, releases);
        } while (page < pages);
        if (releases.stream().noneMatch(BodhiRelease::isAliasedFedora)) {
            throw malformed(http.url(List.of("releases", ""), Map.of("state", ACTIVE_STATES)),
                    "no Fedora release in the answer (" + releases.size() + " releases, none with id_prefix FEDORA "
                            + "other than ELN)");
        }
        return new Answer(url, List.copyOf(releases), Math.max(pages, 1));
    }

    private static int readPage(JsonNode body, int page, HttpUrl pageUrl, List<BodhiRelease> into) {
        if (!body.isObject() || !body.path("releases").isArray()) {
            throw malformed(pageUrl, "the answer has no 'releases' list");
        }
        if (!body.path("pages").canConvertToInt() || !body.path("pages").isIntegralNumber()) {
            throw malformed(pageUrl, "the answer has no integer 'pages'");
        }
        int pages = body.path("pages").intValue();
        if (pages < 0 || pages > MAX_PAGES) {
            throw malformed(pageUrl, "the answer says it has " + pages + " pages (at most " + MAX_PAGES + " expected)");
        }
        if (body.path("page").intValue() != page) {
            throw malformed(pageUrl, "asked for page " + page + ", the answer is page " + body.path("page").asText("?"));
        }
        int index = 0;
        for (JsonNode release : body.path("releases")) {
            into.add(release(release, index++, pageUrl));
        }
        return pages;
    }

    private static BodhiRelease release(JsonNode node, int index, HttpUrl pageUrl) {
        var missing = new StringJoiner(", ");
        var values = new LinkedHashMap<String, String>();
        for (String field : List.of("name", "long_name", "version", "id_prefix", "branch", "state", "dist_tag")) {
            JsonNode value = node.path(field);
            if (value.isTextual()) {
                values.put(field, value.textValue());
            } else if (!field.equals("dist_tag")) {
                missing.add(field);
            }
        }
        if (missing.length() > 0) {
            throw malformed(pageUrl, "releases[" + index + "] has no string " + missing);
        }
        return new BodhiRelease(values.get("name"), values.get("long_name"), values.get("version"),
                values.get("id_prefix"), values.get("branch"), values.get("state"), values.getOrDefault("dist_tag", ""));
    }

    private static BodhiApiException malformed(HttpUrl url, String what) {
        return new BodhiApiException(new ApiFailure("GET", RedactedUrl.of(url), 200, "malformed answer: " + what,
                false), null);
    }

    /**
     * What Bodhi answered.
     *
     * @param url      Bodhi's URL
     * @param releases every release of every page, in Bodhi's order
     * @param pages    how many pages were read
     */
    public record Answer(String url, List<BodhiRelease> releases, int pages) {
        public Answer {
            Objects.requireNonNull(url, "url");
            releases = List.copyOf(releases);
        }
    }

    /** Bodhi's errors are cornice's: {@code {"status": "error", "errors": [{"location", "name", "description"}]}}. */
    private static final class BodhiErrors implements ServiceErrors {
        @Override
        public String errorText(JsonNode body) {
            var text = new StringJoiner("; ");
            for (JsonNode error : body.path("errors")) {
                var name = error.path("name").asText("");
                var description = error.path("description").asText("");
                text.add(name.isEmpty() ? description : name + ": " + description);
            }
            return text.toString();
        }

        @Override
        public ApiException exception(ApiFailure failure, Throwable cause) {
            return new BodhiApiException(failure, cause);
        }
    }
}
