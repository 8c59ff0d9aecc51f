package io.packit.pipeline.copr.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.http.VirtualSleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's {@code GET /api_3/monitor} against what fedora-copr/copr 5d37cd8382 serves (apiv3_monitor.py,
 * BuildsMonitorLogic, test_monitor.py): body shape, which build each chroot shows, the optional fields, the errors.
 */
class FakeCoprMonitorTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String EPEL = "epel-9-x86_64";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VirtualSleeper clock = new VirtualSleeper();
    private final FakeCopr copr = new FakeCopr(clock).user("l", "t", "jdoe");
    private final OkHttpClient http = new OkHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("l:t".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void project() {
        copr.seedProject("jdoe", "p", List.of(F41, EPEL));
    }

    @AfterEach
    void close() {
        copr.close();
        http.connectionPool().evictAll();
    }

    private String[] call(String method, String path, String json) throws IOException {
        RequestBody body = method.equals("GET") ? null
                : RequestBody.create(json == null ? "" : json, MediaType.get("application/json"));
        Request request = new Request.Builder().url(copr.url() + path).method(method, body)
                .header("Authorization", auth).build();
        try (Response response = http.newCall(request).execute()) {
            return new String[] {Integer.toString(response.code()), response.body().string()};
        }
    }

    private long scmBuild(BuildPlan plan, String... chroots) throws IOException {
        copr.planNext(plan);
        String[] created = call("POST", "/api_3/build/create/scm", "{\"ownername\":\"jdoe\",\"projectname\":\"p\","
                + "\"clone_url\":\"https://x/y.git\",\"chroots\":" + JSON.writeValueAsString(List.of(chroots)) + "}");
        assertThat(created[0]).isEqualTo("200");
        return copr.buildIds().get(copr.buildIds().size() - 1);
    }

    private static BuildPlan.ChrootPlan chroot(int queue, int run, String outcome) {
        return new BuildPlan.ChrootPlan(Duration.ofSeconds(queue), Duration.ofSeconds(run), outcome);
    }

    private String dir(long id, String chroot) {
        return copr.url() + "/results/jdoe/p/" + chroot + "/" + String.format("%08d", id) + "-hello/";
    }

    @Test
    void shouldShowPerPackageAndChrootTheNewestBuildWhosePackageIsKnown() throws IOException {
        long a = scmBuild(BuildPlan.standard().withChroot(F41, chroot(60, 300, "succeeded"))
                .withChroot(EPEL, chroot(0, 100, "failed")), F41, EPEL);
        // a newer build of the same package whose SRPM is not built yet: Copr does not know its package
        long b = scmBuild(BuildPlan.standard().withSrpmQueue(Duration.ofSeconds(1000))
                .withChroot(F41, chroot(0, 100, "succeeded")), F41);
        long c = scmBuild(BuildPlan.standard().withPackage("abc").withChroot(F41, chroot(500, 100, "succeeded")), F41);
        clock.advance(Duration.ofSeconds(400));

        String[] both = call("GET", "/api_3/monitor?ownername=jdoe&projectname=p"
                + "&additional_fields%5B%5D=url_build_log&additional_fields%5B%5D=url_backend_log", null);

        assertThat(both[0]).isEqualTo("200");
        assertThat(JSON.readTree(both[1])).isEqualTo(JSON.readTree("""
                {"output": "ok", "message": "Project monitor request successful", "packages": [
                  {"name": "abc", "chroots": {
                    "fedora-41-x86_64": {"state": "pending", "status": 4, "build_id": %d,
                      "url_build_log": null, "url_backend_log": null, "pkg_version": "2.12-1"}}},
                  {"name": "hello", "chroots": {
                    "fedora-41-x86_64": {"state": "running", "status": 3, "build_id": %d,
                      "url_build_log": "%sbuilder-live.log", "url_backend_log": "%sbackend.log",
                      "pkg_version": "2.12-1"},
                    "epel-9-x86_64": {"state": "failed", "status": 0, "build_id": %d,
                      "url_build_log": "%sbuilder-live.log.gz", "url_backend_log": "%sbackend.log.gz",
                      "pkg_version": "2.12-1"}}}]}
                """.formatted(c, a, dir(a, F41), dir(a, F41), a, dir(a, EPEL), dir(a, EPEL))));

        clock.advance(Duration.ofSeconds(900));
        JsonNode later = JSON.readTree(call("GET", "/api_3/monitor?ownername=jdoe&projectname=p", null)[1]);

        // per chroot: the newer build where it has that chroot, the older one elsewhere; no optional fields unasked
        JsonNode hello = later.path("packages").path(1);
        assertThat(hello.path("name").asText()).isEqualTo("hello");
        assertThat(hello.path("chroots").path(F41)).isEqualTo(JSON.readTree(
                "{\"state\": \"succeeded\", \"status\": 1, \"build_id\": " + b + ", \"pkg_version\": \"2.12-1\"}"));
        assertThat(hello.path("chroots").path(EPEL).path("build_id").asLong()).isEqualTo(a);
        assertThat(later.path("packages").path(0).path("chroots").path(F41).path("state").asText())
                .isEqualTo("succeeded");
    }

    @Test
    void shouldLeaveOutBuildsBeforeTheirSrpmAndAcceptUrlBuildWithoutAddingIt() throws IOException {
        scmBuild(BuildPlan.standard(), F41);

        String[] early = call("GET", "/api_3/monitor?ownername=jdoe&projectname=p&additional_fields[]=url_build", null);
        clock.advance(Duration.ofSeconds(60 + 120 + 1));
        String[] importing = call("GET", "/api_3/monitor?ownername=jdoe&projectname=p"
                + "&additional_fields[]=url_build&project_dirname=", null);

        assertThat(early).containsExactly("200",
                "{\"output\":\"ok\",\"message\":\"Project monitor request successful\",\"packages\":[]}");
        assertThat(JSON.readTree(importing[1]).path("packages").path(0).path("chroots").path(F41).toString())
                .isEqualTo("{\"state\":\"waiting\",\"status\":9,\"build_id\":8123456,\"pkg_version\":\"2.12-1\"}");
    }

    @Test
    void shouldAnswerMissingArgumentsUnknownProjectsDirsAndFieldsAsCoprDoes() throws IOException {
        assertThat(call("GET", "/api_3/monitor?projectname=p", null))
                .containsExactly("400", "{\"error\":\"Missing argument ownername\"}");
        assertThat(call("GET", "/api_3/monitor?ownername=jdoe&projectname=nope", null))
                .containsExactly("404", "{\"error\":\"Project jdoe/nope does not exist.\"}");
        assertThat(call("GET", "/api_3/monitor?ownername=jdoe&projectname=p"
                + "&additional_fields[]=wrongarg2&additional_fields[]=url_build_log&additional_fields[]=wrongarg1", null))
                .containsExactly("400", "{\"error\":\"Wrong additional_fields argument(s): wrongarg1, wrongarg2\"}");
        assertThat(call("GET", "/api_3/monitor?ownername=jdoe&projectname=p&project_dirname=nonexistent", null))
                .containsExactly("404", "{\"error\":\"Dirname 'nonexistent' doesn't exist in 'jdoe/p' copr\"}");
    }
}
