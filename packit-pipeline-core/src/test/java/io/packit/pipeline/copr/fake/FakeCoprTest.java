package io.packit.pipeline.copr.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.http.VirtualSleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's own contract where the client has no method: Copr's quirks a later client may rely on. */
class FakeCoprTest {
    private final VirtualSleeper clock = new VirtualSleeper();
    private final FakeCopr copr = new FakeCopr(clock).user("l", "t", "jdoe");
    private final OkHttpClient http = new OkHttpClient();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("l:t".getBytes(StandardCharsets.UTF_8));

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
            return new String[] {Integer.toString(response.code()), response.body().string(),
                String.valueOf(response.header("Warning"))};
        }
    }

    private long scmBuild() throws IOException {
        String[] created = call("POST", "/api_3/build/create/scm", "{\"ownername\":\"jdoe\",\"projectname\":\"p\","
                + "\"clone_url\":\"https://x/y.git\",\"chroots\":[\"fedora-41-*\"]}");
        assertThat(created[0]).isEqualTo("200");
        return copr.buildIds().get(copr.buildIds().size() - 1);
    }

    @Test
    void shouldServeAProjectWithItsChrootsAsTheKeysOfChrootReposAndAnUnknownOneAs404() throws IOException {
        copr.seedProject("@acme", "nightly", List.of("fedora-42-x86_64", "epel-9-x86_64"));

        String[] found = call("GET", "/api_3/project?ownername=@acme&projectname=nightly", null);
        String[] missing = call("GET", "/api_3/project?ownername=@acme&projectname=none", null);

        // reference §1.5 "Project response": the exact key set, chroot_repos chroot → repo base URL with a trailing /
        assertThat(found[0]).isEqualTo("200");
        var json = new ObjectMapper().readTree(found[1]);
        assertThat(json.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "name",
                "ownername", "full_name", "homepage", "contact", "description", "instructions", "devel_mode",
                "unlisted_on_hp", "auto_prune", "enable_net", "bootstrap", "isolation", "module_hotfixes", "appstream",
                "packit_forge_projects_allowed", "follow_fedora_branching", "repo_priority", "persistent",
                "additional_repos", "storage", "chroot_repos");
        assertThat(json.path("chroot_repos").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("fedora-42-x86_64", "epel-9-x86_64");
        assertThat(json.path("chroot_repos").path("epel-9-x86_64").asText())
                .isEqualTo(copr.url() + "/results/@acme/nightly/epel-9-x86_64/");
        assertThat(missing[0]).isEqualTo("404");
        assertThat(missing[1]).isEqualTo("{\"error\":\"Project @acme/none does not exist.\"}");
    }

    @Test
    void shouldTreatExistOkOnlyAsTheLiteralTrue() throws IOException {
        copr.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));

        String[] lower = call("POST", "/api_3/project/add/jdoe?exist_ok=true", "{\"name\":\"p\",\"chroots\":[\"fedora-41-x86_64\"]}");

        assertThat(lower[0]).isEqualTo("400");
        assertThat(lower[1]).isEqualTo("{\"error\":\"name: You already have a project named 'p'.\"}");
    }

    @Test
    void shouldIgnoreTrailingSlashesAndWarnOnDeprecatedVerbs() throws IOException {
        copr.seedProject("jdoe", "p", List.of("fedora-41-x86_64", "fedora-41-aarch64"));
        long id = scmBuild();

        assertThat(call("GET", "/api_3/build/" + id + "/", null)[0]).isEqualTo("200");
        assertThat(copr.chrootsOf(id)).containsExactly("fedora-41-aarch64", "fedora-41-x86_64");
        String[] cancel = call("POST", "/api_3/build/cancel/" + id, null);
        assertThat(cancel[0]).isEqualTo("200");
        assertThat(cancel[2]).isEqualTo("This method is deprecated: Use PUT method instead of POST");
        assertThat(call("PUT", "/api_3/build/cancel/" + id, null)[1])
                .isEqualTo("{\"error\":\"Cannot cancel build " + id + "\"}");
    }

    @Test
    void shouldServeSingleBuildChrootsAndBuiltPackages() throws IOException {
        copr.seedProject("jdoe", "p", List.of("fedora-41-x86_64", "epel-9-x86_64"));
        long id = scmBuild();
        clock.advance(Duration.ofHours(1));

        String[] chroot = call("GET", "/api_3/build-chroot?build_id=" + id + "&chrootname=fedora-41-x86_64", null);
        String[] missing = call("GET", "/api_3/build-chroot?build_id=" + id + "&chrootname=epel-9-x86_64", null);
        String[] packages = call("GET", "/api_3/build-chroot/built-packages?build_id=" + id
                + "&chrootname=fedora-41-x86_64", null);

        assertThat(chroot[1]).contains("\"state\":\"succeeded\"");
        assertThat(missing[0]).isEqualTo("404");
        assertThat(missing[1]).isEqualTo("{\"error\":\"Build " + id + " was not submitted to epel-9-x86_64 chroot.\"}");
        assertThat(packages[1]).isEqualTo("{\"packages\":[{\"name\":\"hello\",\"epoch\":0,\"version\":\"2.12\","
                + "\"release\":\"1\",\"arch\":\"src\"},{\"name\":\"hello\",\"epoch\":0,\"version\":\"2.12\","
                + "\"release\":\"1\",\"arch\":\"x86_64\"}]}");
    }

    @Test
    void shouldAnswerUnknownRoutesMissingArgumentsAndBothBatchOptionsAsCoprDoes() throws IOException {
        copr.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));

        assertThat(call("GET", "/api_3/nothing", null)[1]).isEqualTo("{\"error\":\"Such API endpoint doesn't exist\"}");
        assertThat(call("GET", "/api_3/build-chroot/list", null)[1]).isEqualTo("{\"error\":\"Missing argument build_id\"}");
        assertThat(call("POST", "/api_3/build/create/scm", "{\"ownername\":\"jdoe\",\"projectname\":\"p\","
                + "\"clone_url\":\"https://x/y.git\",\"after_build_id\":1,\"with_build_id\":2}")[1])
                .isEqualTo("{\"error\":\"Bad request parameters: {'with_build_id': ['Only one batch option can be "
                        + "specified']}\"}");
        String[] anonymous = new String[1];
        try (Response response = http.newCall(new Request.Builder().url(copr.url() + "/api_3/auth-check").build())
                .execute()) {
            anonymous[0] = response.code() + " " + response.body().string();
        }
        assertThat(anonymous[0]).isEqualTo("401 {\"output\":\"notok\",\"error\":\"Login invalid/expired. Please visit "
                + copr.url() + "/api to get or renew your API token.\"}");
    }
}
