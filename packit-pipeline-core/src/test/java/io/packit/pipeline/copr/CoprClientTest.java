package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.http.fake.Fault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoprClientTest {
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("apilogin:" + CoprTestbed.TOKEN).getBytes(StandardCharsets.UTF_8));

    private final CoprTestbed bed = new CoprTestbed();

    @AfterEach
    void close() {
        bed.close();
    }

    private RecordedRequest only() {
        assertThat(bed.fake.requests()).hasSize(1);
        return bed.fake.requests().get(0);
    }

    @Test
    void shouldReadTheApiRootAnonymouslyAndCheckTheLogin() {
        assertThat(bed.client.apiVersion()).isEqualTo(3);
        RecordedRequest root = only();
        assertThat(root.getTarget()).isEqualTo("/api_3/");
        assertThat(root.getHeaders().get("Authorization")).isNull();
        bed.fake.clearRequests();

        assertThat(bed.client.whoAmI()).isEqualTo("jdoe");
        RecordedRequest check = only();
        assertThat(check.getMethod()).isEqualTo("GET");
        assertThat(check.getTarget()).isEqualTo("/api_3/auth-check");
        assertThat(check.getHeaders().get("Authorization")).isEqualTo(BASIC);
    }

    @Test
    void shouldListMockChroots() {
        assertThat(bed.client.mockChroots()).containsOnlyKeys("epel-9-aarch64", "epel-9-x86_64", "fedora-40-x86_64",
                "fedora-41-aarch64", "fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64", "fedora-rawhide-x86_64");
        assertThat(only().getTarget()).isEqualTo("/api_3/mock-chroots/list");
    }

    @Test
    void shouldCreateAProjectWithPackitDefaultsInOneCall() {
        ProjectSpec spec = new ProjectSpec("jdoe", "ci-hello", List.of("fedora-41-x86_64", "epel-9-x86_64"),
                "CI builds", null, List.of("copr://jdoe/ci-deps"), false, "default", true,
                List.of("github.com/acme/hello"), false, false);

        CoprProject project = bed.client.ensureProject(spec);

        RecordedRequest add = only();
        assertThat(add.getMethod()).isEqualTo("POST");
        assertThat(add.getTarget()).isEqualTo("/api_3/project/add/jdoe?exist_ok=True");
        assertThat(add.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(add.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(add.getBody().utf8()).isEqualTo("{\"name\":\"ci-hello\",\"chroots\":[\"fedora-41-x86_64\","
                + "\"epel-9-x86_64\"],\"description\":\"CI builds\",\"additional_repos\":[\"copr://jdoe/ci-deps\"],"
                + "\"unlisted_on_hp\":true,\"enable_net\":true,\"delete_after_days\":60,\"module_hotfixes\":false,"
                + "\"bootstrap\":\"default\",\"packit_forge_projects_allowed\":[\"github.com/acme/hello\"]}");
        assertThat(project.fullName()).isEqualTo("jdoe/ci-hello");
        assertThat(project.chroots()).containsExactly("epel-9-x86_64", "fedora-41-x86_64");
        assertThat(project.unlistedOnHp()).isTrue();
        assertThat(project.chrootRepos()).containsEntry("epel-9-x86_64",
                bed.fake.url() + "/results/jdoe/ci-hello/epel-9-x86_64/");
    }

    @Test
    void shouldKeepAPreservedListedProjectWithoutDeleteAfterDays() {
        ProjectSpec spec = new ProjectSpec("jdoe", "keep", List.of("fedora-41-x86_64"), null, null, List.of(), null,
                null, null, List.of(), true, true);

        bed.client.ensureProject(spec);

        assertThat(only().getBody().utf8())
                .isEqualTo("{\"name\":\"keep\",\"chroots\":[\"fedora-41-x86_64\"],\"unlisted_on_hp\":false}");
    }

    @Test
    void shouldEditOnlyWhatDiffersAndAddChrootsAsAUnion() {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-40-x86_64"));
        ProjectSpec spec = new ProjectSpec("jdoe", "ci-hello", List.of("fedora-41-x86_64"), "new", null, List.of(),
                null, "default", null, List.of(), false, false);

        CoprProject project = bed.client.ensureProject(spec);

        List<RecordedRequest> requests = bed.fake.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getTarget()).isEqualTo("/api_3/project/add/jdoe?exist_ok=True");
        RecordedRequest edit = requests.get(1);
        assertThat(edit.getMethod()).isEqualTo("PUT");
        assertThat(edit.getTarget()).isEqualTo("/api_3/project/edit/jdoe/ci-hello");
        assertThat(edit.getBody().utf8()).isEqualTo(
                "{\"chroots\":[\"fedora-40-x86_64\",\"fedora-41-x86_64\"],\"description\":\"new\",\"unlisted_on_hp\":true}");
        assertThat(project.chroots()).containsExactly("fedora-40-x86_64", "fedora-41-x86_64");
        assertThat(project.description()).isEqualTo("new");
    }

    @Test
    void shouldNotEditAProjectThatAlreadyMatches() {
        ProjectSpec spec = ProjectSpec.of("jdoe", "same", List.of("fedora-41-x86_64"));
        bed.client.ensureProject(spec);
        bed.fake.clearRequests();

        bed.client.ensureProject(spec);

        assertThat(only().getTarget()).isEqualTo("/api_3/project/add/jdoe?exist_ok=True");
    }

    @Test
    void shouldRetryTheIdempotentProjectAddWhenItsAnswerWasLost() {
        bed.fake.inject(new Fault("POST", "/api_3/project/add", Fault.Kind.PROCESS_THEN_STALL, 0));

        CoprProject project = bed.client.ensureProject(ProjectSpec.of("jdoe", "lost", List.of("fedora-41-x86_64")));

        assertThat(project.name()).isEqualTo("lost");
        assertThat(bed.fake.requests()).hasSize(2)
                .allSatisfy(r -> assertThat(r.getTarget()).isEqualTo("/api_3/project/add/jdoe?exist_ok=True"));
    }

    @Test
    void shouldSubmitAnScmBuildWithEveryOption() {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-41-x86_64", "epel-9-x86_64"));
        BuildOptions options = BuildOptions.chroots(List.of("fedora-41-x86_64")).withTimeout(18000)
                .withEnvironment(true, "on", "nspawn", false).inDir("ci-hello:pr:7", "github.com/acme/hello");

        CoprBuild build = bed.client.submit("jdoe", "ci-hello",
                new BuildSource.Scm("https://github.com/acme/hello.git", "9f1c2e7", "pkg", "hello.spec", "git", "rpkg"),
                options);

        RecordedRequest create = only();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getTarget()).isEqualTo("/api_3/build/create/scm");
        assertThat(create.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(create.getBody().utf8()).isEqualTo("{\"ownername\":\"jdoe\",\"projectname\":\"ci-hello\","
                + "\"project_dirname\":\"ci-hello:pr:7\",\"chroots\":[\"fedora-41-x86_64\"],\"timeout\":18000,"
                + "\"background\":true,\"bootstrap\":\"on\",\"isolation\":\"nspawn\",\"enable_net\":false,"
                + "\"packit_forge_project\":\"github.com/acme/hello\",\"clone_url\":\"https://github.com/acme/hello.git\","
                + "\"committish\":\"9f1c2e7\",\"subdirectory\":\"pkg\",\"spec\":\"hello.spec\",\"scm_type\":\"git\","
                + "\"source_build_method\":\"rpkg\"}");
        assertThat(build.id()).isEqualTo(8123456);
        assertThat(build.state()).isEqualTo(CoprState.PENDING);
        assertThat(build.chroots()).containsExactly("fedora-41-x86_64");
        assertThat(build.background()).isTrue();
        assertThat(build.projectDirname()).isEqualTo("ci-hello:pr:7");
        assertThat(bed.fake.chrootState(build.id(), "fedora-41-x86_64")).isEqualTo("waiting");
    }

    @Test
    void shouldSubmitAnSrpmUrlAndUnwrapTheItemsList() {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-41-x86_64"));

        CoprBuild build = bed.client.submit("jdoe", "ci-hello",
                new BuildSource.SrpmUrl("https://example.org/srpms/hello-2.12-1.fc41.src.rpm"),
                BuildOptions.chroots(List.of()).after(8000000L).withoutBatch());

        assertThat(only().getBody().utf8()).isEqualTo("{\"ownername\":\"jdoe\",\"projectname\":\"ci-hello\","
                + "\"pkgs\":[\"https://example.org/srpms/hello-2.12-1.fc41.src.rpm\"]}");
        assertThat(build.sourcePackage().url()).isEqualTo("https://example.org/srpms/hello-2.12-1.fc41.src.rpm");
        assertThat(build.chroots()).isEmpty();
    }

    @Test
    void shouldUploadAnSrpmAsMultipartAfterTheCheck(@TempDir Path dir) throws Exception {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-41-x86_64"));
        Path srpm = dir.resolve("hello-2.12-1.fc41.src.rpm");
        Files.write(srpm, new byte[] {(byte) 0xed, (byte) 0xab, (byte) 0xee, (byte) 0xdb, 3, 0});

        CoprBuild build = bed.client.submit("jdoe", "ci-hello", new BuildSource.SrpmUpload(srpm),
                BuildOptions.chroots(List.of("fedora-41-x86_64")).with(8000001L).withoutBatch());

        List<RecordedRequest> requests = bed.fake.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).getTarget()).isEqualTo("/api_3/build/check-before-build");
        assertThat(requests.get(0).getBody().utf8())
                .isEqualTo("{\"ownername\":\"jdoe\",\"projectname\":\"ci-hello\",\"chroots\":[\"fedora-41-x86_64\"]}");
        RecordedRequest upload = requests.get(1);
        assertThat(upload.getTarget()).isEqualTo("/api_3/build/create/upload");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo(BASIC);
        String contentType = upload.getHeaders().get("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        String body = new String(upload.getBody().toByteArray(), StandardCharsets.ISO_8859_1);
        assertThat(body).isEqualTo("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"json\"; filename=\"json\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"ownername\":\"jdoe\",\"projectname\":\"ci-hello\",\"chroots\":[\"fedora-41-x86_64\"]}\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"pkgs\"; filename=\"hello-2.12-1.fc41.src.rpm\"\r\n"
                + "Content-Type: application/x-rpm\r\n\r\n"
                + "\u00ed\u00ab\u00ee\u00db\u0003\u0000\r\n"
                + "--" + boundary + "--\r\n");
        assertThat(build.sourcePackage().url())
                .isEqualTo(bed.fake.url() + "/tmp/tmp8123456/hello-2.12-1.fc41.src.rpm");
    }

    @Test
    void shouldSubmitPackitsPrepareSourcesScriptWithQuotedValues() {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-41-x86_64"));
        BuildSource.CustomScript script = BuildSource.CustomScript.packitPrepareSources(
                "https://github.com/acme/hello.git", "abc123", "hello-lib", 42, "main; rm -rf /", true, 1,
                List.of("python3-setuptools_scm"), "fedora-41-x86_64");

        bed.client.submit("jdoe", "ci-hello", script, BuildOptions.chroots(List.of("fedora-41-x86_64")));

        assertThat(only().getTarget()).isEqualTo("/api_3/build/create/custom");
        assertThat(bed.fake.buildRequest(8123456).toString()).isEqualTo("{\"ownername\":\"jdoe\","
                + "\"projectname\":\"ci-hello\",\"chroots\":[\"fedora-41-x86_64\"],\"script\":\"#!/bin/sh\\nset -eu\\n"
                + "packit -d prepare-sources -p hello-lib --result-dir packit-srpm --ref abc123 --pr-id 42 --merge-pr"
                + " --target-branch 'main; rm -rf /' --job-config-index 1 --no-create-symlinks"
                + " https://github.com/acme/hello.git\\n\",\"chroot\":\"fedora-41-x86_64\","
                + "\"builddeps\":[\"packit\",\"python3-setuptools_scm\"],\"resultdir\":\"packit-srpm\","
                + "\"repos\":[\"copr://packit/packit-stable\"]}");
    }

    @Test
    void shouldReadBackWhatACustomBuildWasMadeFromAndTheSourceOfOtherMethods() {
        bed.fake.seedProject("jdoe", "ci-hello", List.of("fedora-41-x86_64"));
        BuildSource.CustomScript script = BuildSource.CustomScript.packitPrepareSources(
                "https://github.com/acme/hello.git", "abc123", "hello lib", 42, "main", true, 3,
                List.of("python3-setuptools_scm"), null);
        long custom = bed.client.submit("jdoe", "ci-hello", script, BuildOptions.chroots(List.of("fedora-41-x86_64"))).id();
        long scm = bed.client.submit("jdoe", "ci-hello", BuildSource.Scm.git("https://x/y.git", "v1"),
                BuildOptions.chroots(List.of("fedora-41-x86_64"))).id();
        bed.fake.clearRequests();

        SourceBuildConfig config = bed.client.sourceBuildConfig(custom);

        assertThat(only().getTarget()).isEqualTo("/api_3/build/source-build-config/" + custom);
        assertThat(config.sourceType()).isEqualTo("custom");
        assertThat(config.sourceDict()).containsEntry("builddeps", "packit python3-setuptools_scm")
                .containsEntry("chroot", "fedora-latest-x86_64").containsEntry("resultdir", "packit-srpm")
                .containsEntry("repos", "copr://packit/packit-stable");
        assertThat(config.script()).hasValue(script.script());
        assertThat(config.script().flatMap(PrepareSourcesCall::read))
                .hasValue(new PrepareSourcesCall("hello lib", "abc123", 3, 42));
        var other = bed.client.sourceBuildConfig(scm);
        assertThat(other.sourceType()).isEqualTo("scm");
        assertThat(other.sourceDict()).containsEntry("clone_url", "https://x/y.git").containsEntry("committish", "v1");
        assertThat(other.script()).isEmpty();
        assertThatThrownBy(() -> bed.client.sourceBuildConfig(99999999)).isInstanceOf(CoprApiException.class)
                .satisfies(e -> assertThat(((CoprApiException) e).status()).isEqualTo(404));
    }

    @Test
    void shouldNameMethodUrlStatusAndCoprErrorOnFailure() {
        assertThatThrownBy(() -> bed.client.getBuild(99999999))
                .isInstanceOf(CoprApiException.class)
                .hasMessage("GET " + bed.fake.url() + "/api_3/build/99999999 → HTTP 404 Not Found: "
                        + "\"Build 99999999 does not exist.\"");
        assertThatThrownBy(() -> bed.client.getProject("jdoe", "nope"))
                .hasMessage("GET " + bed.fake.url() + "/api_3/project?ownername=jdoe&projectname=nope → HTTP 404 "
                        + "Not Found: \"Project jdoe/nope does not exist.\"");
    }

    @Test
    void shouldRefuseBuildsInSomeoneElsesProject() {
        bed.fake.seedProject("alice", "hers", List.of("fedora-41-x86_64"));

        assertThatThrownBy(() -> bed.client.submit("alice", "hers", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of())))
                .isInstanceOfSatisfying(CoprApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.errorText()).isEqualTo("User jdoe is not allowed to build in the copr: alice/hers");
                });
    }

    @Test
    void shouldReportABadChrootAsCoprDoes() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));

        assertThatThrownBy(() -> bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-9-x86_64"))))
                .hasMessageEndingWith("→ HTTP 400 Bad Request: \"Bad request parameters: {'chroots': "
                        + "[\"'fedora-9-x86_64' is not a valid choice for this field.\"]}\"");
    }

    @Test
    void shouldReportAnExpiredTokenWithoutShowingIt() {
        bed.fake.expireToken("apilogin");

        assertThatThrownBy(() -> bed.client.ensureProject(ProjectSpec.of("jdoe", "p", List.of("fedora-41-x86_64"))))
                .isInstanceOfSatisfying(CoprApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.errorText()).startsWith("Login invalid/expired. Please visit ");
                    assertThat(e.getMessage()).doesNotContain(CoprTestbed.TOKEN);
                });
        assertThat(bed.config.toString()).doesNotContain(CoprTestbed.TOKEN).doesNotContain("apilogin");
        assertThat(bed.client.toString()).doesNotContain(CoprTestbed.TOKEN);
    }

    @Test
    void shouldInjectAnExpiredTokenFaultAsCoprAnswersIt() {
        bed.fake.inject(new Fault("GET", "/api_3/auth-check", Fault.Kind.EXPIRED_TOKEN, 0));

        assertThatThrownBy(bed.client::whoAmI).isInstanceOfSatisfying(CoprApiException.class,
                e -> assertThat(e.errorText()).isEqualTo("Login invalid/expired. Please visit " + bed.fake.url()
                        + "/api to get or renew your API token."));
        assertThat(bed.fake.requestCount()).isEqualTo(1);
    }

    @Test
    void shouldReadAnonymouslyAndRefuseWritesWithoutCredentials() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        CoprClient anonymous = bed.anonymous();

        assertThat(anonymous.getProject("jdoe", "p").name()).isEqualTo("p");
        assertThat(bed.fake.requests().get(0).getHeaders().get("Authorization")).isNull();
        assertThatThrownBy(() -> anonymous.cancel(1))
                .hasMessage("cannot cancel build 1: the Copr config has no login and token");
    }

    @Test
    void shouldCancelAndTreatAlreadyFinishedAsNoError() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        CoprBuild build = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-41-x86_64")));
        bed.fake.clearRequests();

        assertThat(bed.client.cancel(build.id())).isEqualTo(CancelOutcome.CANCELED);
        RecordedRequest cancel = only();
        assertThat(cancel.getMethod()).isEqualTo("PUT");
        assertThat(cancel.getTarget()).isEqualTo("/api_3/build/cancel/" + build.id());
        assertThat(cancel.getHeaders().get("Authorization")).isEqualTo(BASIC);
        assertThat(bed.fake.build(build.id()).get("state").asText()).isEqualTo("canceled");

        assertThat(bed.client.cancel(build.id())).isEqualTo(CancelOutcome.ALREADY_FINISHED);
        assertThat(bed.fake.requests().get(1).getTarget()).isEqualTo("/api_3/build/cancel/" + build.id());
    }

    @Test
    void shouldCancelLeavesBeforeTheirParents() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                    BuildOptions.chroots(List.of("fedora-41-x86_64"))).id();
        }
        bed.fake.clearRequests();

        Map<Long, CancelOutcome> outcomes = bed.client.cancelLeavesFirst(List.of(List.of(ids[0]), List.of(ids[1],
                ids[2])));

        assertThat(bed.fake.requests()).extracting(RecordedRequest::getTarget).containsExactly(
                "/api_3/build/cancel/" + ids[1], "/api_3/build/cancel/" + ids[2], "/api_3/build/cancel/" + ids[0]);
        assertThat(outcomes).containsOnlyKeys(ids[0], ids[1], ids[2]);
    }

    @Test
    void shouldNotCreateASecondBuildWhenTheCreateTimesOutAfterBeingSent() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        bed.fake.inject(new Fault("POST", "/api_3/build/create/scm", Fault.Kind.PROCESS_THEN_STALL, 0));

        assertThatThrownBy(() -> bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-41-x86_64"))))
                .isInstanceOfSatisfying(CoprApiException.class, e -> {
                    assertThat(e.isOutcomeUnknown()).isTrue();
                    assertThat(e.status()).isEqualTo(-1);
                    assertThat(e.getMessage()).startsWith("POST " + bed.fake.url()
                            + "/api_3/build/create/scm → no response: \"timed out: ");
                });
        assertThat(bed.fake.buildIds()).hasSize(1);
        assertThat(bed.fake.requests()).hasSize(1);
    }

    @Test
    void shouldRetryReadsThrough5xx429DroppedConnectionsSlowBodiesAndGatewayTimeouts() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        long id = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-41-x86_64"))).id();
        bed.fake.clearRequests();
        bed.fake.inject(new Fault("GET", "/api_3/build/", Fault.Kind.STATUS, 502));
        bed.fake.inject(new Fault("GET", "/api_3/build/", Fault.Kind.RETRY_AFTER, 5));
        bed.fake.inject(new Fault("GET", "/api_3/build/", Fault.Kind.DROP_CONNECTION, 0));
        bed.fake.inject(new Fault("GET", "/api_3/build/", Fault.Kind.SLOW_BODY, 0));

        assertThat(bed.client.getBuild(id).id()).isEqualTo(id);

        assertThat(bed.fake.requests()).hasSize(5)
                .allSatisfy(r -> assertThat(r.getTarget()).isEqualTo("/api_3/build/" + id));
        // our backoff waits after the 502, the 429 (Retry-After: 5) and the slow body; OkHttp itself repeats a GET
        // whose connection dropped
        assertThat(bed.clock.sleeps()).hasSizeBetween(3, 4).contains(Duration.ofSeconds(5));

        bed.fake.inject(new Fault("GET", "/api_3/build/", Fault.Kind.GATEWAY_TIMEOUT, 0));
        assertThat(bed.client.getBuild(id).id()).isEqualTo(id);
    }

    @Test
    void shouldGiveUpOnReadsAfterFourAttempts() {
        for (int i = 0; i < 4; i++) {
            bed.fake.inject(new Fault("GET", "/api_3/mock-chroots", Fault.Kind.STATUS, 503));
        }

        assertThatThrownBy(bed.client::mockChroots).hasMessage("GET " + bed.fake.url()
                + "/api_3/mock-chroots/list → HTTP 503 Service Unavailable: "
                + "\"Request wasn't successful, there is probably a bug in the Copr code.\"");
        assertThat(bed.fake.requestCount()).isEqualTo(4);
    }

    @Test
    void shouldReportMalformedJson() {
        bed.fake.inject(new Fault("GET", "/api_3/mock-chroots", Fault.Kind.MALFORMED_JSON, 0));

        assertThatThrownBy(bed.client::mockChroots).isInstanceOfSatisfying(CoprApiException.class, e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.errorText()).startsWith("malformed JSON in response:");
        });
    }

    @Test
    void shouldReadChrootsSourceChrootAndBuildListOfABuild() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64", "epel-9-x86_64"));
        CoprBuild build = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-41-x86_64", "epel-9-x86_64")));
        bed.clock.advance(Duration.ofSeconds(60 + 120 + 30 + 60 + 10));

        List<CoprBuildChroot> chroots = bed.client.buildChroots(build.id());
        SourceChroot srpm = bed.client.sourceChroot(build.id());
        List<CoprBuild> listed = bed.client.listBuilds("jdoe", "p", 10, 0);

        assertThat(chroots).extracting(CoprBuildChroot::name, CoprBuildChroot::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fedora-41-x86_64", CoprState.RUNNING),
                org.assertj.core.groups.Tuple.tuple("epel-9-x86_64", CoprState.RUNNING));
        assertThat(chroots.get(0).resultUrl()).isEqualTo(bed.fake.url()
                + "/results/jdoe/p/fedora-41-x86_64/08123456-hello/");
        assertThat(srpm.state()).isEqualTo(CoprState.SUCCEEDED);
        assertThat(srpm.resultUrl()).isEqualTo(bed.fake.url() + "/results/jdoe/p/srpm-builds/08123456");
        assertThat(listed).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo(CoprState.RUNNING);
            assertThat(b.sourcePackage().name()).isEqualTo("hello");
        });
        assertThat(bed.fake.requests()).extracting(RecordedRequest::getTarget).containsSubsequence(
                "/api_3/build-chroot/list?build_id=8123456", "/api_3/build/source-chroot/8123456",
                "/api_3/build/list?ownername=jdoe&projectname=p&limit=10&offset=0&order=id&order_type=DESC");
    }

    @Test
    void shouldReadTheProjectMonitorWithBuildLogUrlsInOneCall() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64", "epel-9-x86_64"));
        CoprBuild build = bed.client.submit("jdoe", "p", BuildSource.Scm.git("https://x/y.git", "main"),
                BuildOptions.chroots(List.of("fedora-41-x86_64", "epel-9-x86_64")));
        bed.clock.advance(Duration.ofSeconds(60 + 120 + 30 + 60 + 10));
        bed.fake.clearRequests();

        List<MonitoredPackage> packages = bed.client.monitor("jdoe", "p", null);
        List<MonitoredPackage> inDir = bed.client.monitor("jdoe", "p", "p");

        assertThat(bed.fake.requests()).extracting(RecordedRequest::getTarget).containsExactly(
                "/api_3/monitor?ownername=jdoe&projectname=p&additional_fields%5B%5D=url_build_log",
                "/api_3/monitor?ownername=jdoe&projectname=p&project_dirname=p&additional_fields%5B%5D=url_build_log");
        assertThat(inDir).isEqualTo(packages);
        assertThat(packages).singleElement().satisfies(pkg -> {
            assertThat(pkg.name()).isEqualTo("hello");
            assertThat(pkg.chroots()).containsOnlyKeys("fedora-41-x86_64", "epel-9-x86_64");
            MonitoredPackage.LatestChroot f41 = pkg.chroots().get("fedora-41-x86_64");
            assertThat(f41.buildId()).isEqualTo(build.id());
            assertThat(f41.state()).isEqualTo(CoprState.RUNNING);
            assertThat(f41.status()).isEqualTo(3);
            assertThat(f41.pkgVersion()).isEqualTo("2.12-1");
            String dir = bed.fake.url() + "/results/jdoe/p/fedora-41-x86_64/08123456-hello/";
            assertThat(f41.buildLogUrl()).isEqualTo(dir + "builder-live.log");
            assertThat(f41.resultUrl()).isEqualTo(dir);
        });
    }

    @Test
    void shouldReportATruncatedMonitorStreamAsAnErrorWithoutRetrying() {
        bed.fake.seedProject("jdoe", "p", List.of("fedora-41-x86_64"));
        bed.fake.inject(new Fault("GET", "/api_3/monitor", Fault.Kind.MALFORMED_JSON, 0));

        assertThatThrownBy(() -> bed.client.monitor("jdoe", "p", null)).isInstanceOf(CoprApiException.class)
                .hasMessageContaining("malformed JSON");
        assertThat(bed.fake.requestCount()).isEqualTo(1);
        assertThat(bed.client.monitor("jdoe", "p", null)).isEmpty();
    }
}
