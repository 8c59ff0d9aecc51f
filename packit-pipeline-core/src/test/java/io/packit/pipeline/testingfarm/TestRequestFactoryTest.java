package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestRequestFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FmfSource HELLO = FmfSource.of("https://github.com/acme/hello", "9f1c2e7d0b6a4c3e2f1a0b9c8d7e6f5a4b3c2d1e");

    private final TestRequestFactory factory = TestRequestFactory.offline();

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource({
        // the reference's table (copr-tf-api.md §2.9) and packit-config.md §2.3, public ranch
        "fedora-40-x86_64,        Fedora-40,        x86_64,  fedora-40",
        "fedora-41-x86_64,        Fedora-41,        x86_64,  fedora-41",
        "fedora-rawhide-aarch64,  Fedora-Rawhide,   aarch64, fedora-rawhide",
        "epel-8-x86_64,           CentOS-Stream-8,  x86_64,  centos-stream-8",
        "epel-9-x86_64,           CentOS-Stream-9,  x86_64,  centos-stream-9",
        "epel-10-x86_64,          CentOS-Stream-10, x86_64,  centos-stream-10",
        "epel-10.1-aarch64,       CentOS-Stream-10, aarch64, centos-stream-10",
        "epel-7-x86_64,           CentOS-7,         x86_64,  centos-7",
        "centos-stream-9-aarch64, CentOS-Stream-9,  aarch64, centos-stream-9",
        "centos-stream-10-x86_64, CentOS-Stream-10, x86_64,  centos-stream-10",
        "fedora-eln-x86_64,       Fedora-eln,       x86_64,  fedora-eln",
    })
    void shouldMapChrootToComposeArchAndContextOnThePublicRanch(String chroot, String compose, String arch, String distro) {
        TestRequest request = only(factory.requests(spec(chroot).build()));

        JsonNode environment = request.payload().get("environments").get(0);
        assertThat(request.compose()).isEqualTo(compose);
        assertThat(environment.get("arch").asText()).isEqualTo(arch);
        assertThat(environment.at("/os/compose").asText()).isEqualTo(compose);
        assertThat(environment.at("/tmt/context")).isEqualTo(json(
                "{\"distro\": \"" + distro + "\", \"arch\": \"" + arch + "\", \"trigger\": \"commit\", \"initiator\": \"packit\"}"));
        assertThat(environment.get("artifacts")).isEqualTo(json(
                "[{\"id\": \"8123456:" + chroot + "\", \"type\": \"fedora-copr-build\"}]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "fedora-41-x86_64,       Fedora-41-Updated,      fedora-41",
        "fedora-rawhide-s390x,   Fedora-Rawhide-Nightly, fedora-rawhide",
        "epel-8-ppc64le,         RHEL-8.5.0-Nightly,     rhel-8",
        "epel-7-x86_64,          RHEL-7-LatestReleased,  rhel-7",
        "epel-9-x86_64,          CentOS-Stream-9,        centos-stream-9",
        "epel-10.1-x86_64,       RHEL-10.1-Nightly,      rhel-10.1-nightly",
    })
    void shouldMapChrootToComposeOnTheRedHatRanch(String chroot, String compose, String distro) {
        TestRequest request = only(factory.requests(spec(chroot).ranch(Ranch.REDHAT).build()));

        assertThat(request.compose()).isEqualTo(compose);
        assertThat(request.target().distro()).isEqualTo(distro);
    }

    @Test
    void shouldBuildTheReferenceExampleRequest() {
        // copr-tf-api.md §2.10: a build of hello that depends on a build of libhello, with a secret and a timeout
        var spec = TestRequestSpec.builder("epel-9-x86_64", HELLO.withPlan("/plans/smoke"))
                .build(new CoprBuildArtifact(8123450, "epel-9-x86_64", "jdoe/ci-hello", List.of("libhello-1.4-2.el9.x86_64")))
                .build(new CoprBuildArtifact(8123456, "epel-9-x86_64", "jdoe/ci-hello", List.of("hello-2.12-1.el9.x86_64")))
                .variable("COPR_PROJECT", "jdoe/ci-hello")
                .variable("COPR_BUILD_ID", "8123456")
                .secrets(Map.of("QUAY_TOKEN", "s3cr3t"))
                .initiator("jenkins")
                .extraParams(Map.of("settings", Map.of("pipeline", Map.of("timeout", 180))))
                .build();

        TestRequest request = only(factory.requests(spec));

        assertThat(request.payload()).isEqualTo(json("""
                {
                  "test": {"tmt": {"url": "https://github.com/acme/hello", "ref": "9f1c2e7d0b6a4c3e2f1a0b9c8d7e6f5a4b3c2d1e",
                                   "path": ".", "name": "/plans/smoke"}},
                  "environments": [{
                    "arch": "x86_64",
                    "os": {"compose": "CentOS-Stream-9"},
                    "tmt": {"context": {"distro": "centos-stream-9", "arch": "x86_64", "trigger": "commit", "initiator": "jenkins"}},
                    "variables": {"PACKIT_COPR_PROJECT": "jdoe/ci-hello",
                                  "PACKIT_COPR_RPMS": "libhello-1.4-2.el9.x86_64 hello-2.12-1.el9.x86_64",
                                  "COPR_PROJECT": "jdoe/ci-hello", "COPR_BUILD_ID": "8123456"},
                    "secrets": {"QUAY_TOKEN": "s3cr3t"},
                    "artifacts": [
                      {"id": "8123450:epel-9-x86_64", "type": "fedora-copr-build", "packages": ["libhello-1.4-2.el9.x86_64"]},
                      {"id": "8123456:epel-9-x86_64", "type": "fedora-copr-build", "packages": ["hello-2.12-1.el9.x86_64"]}
                    ]
                  }],
                  "settings": {"pipeline": {"timeout": 180}}
                }"""));
    }

    @Test
    void shouldMakeOneRequestPerConfiguredDistro() {
        // targets: {epel-9-x86_64: {distros: [centos-stream-9, almalinux-9]}}
        var spec = spec("epel-9-aarch64").distros(List.of("centos-stream-9", "almalinux-9")).build();

        List<TestRequest> requests = factory.requests(spec);

        assertThat(requests).extracting(TestRequest::compose).containsExactly("CentOS-Stream-9", "Almalinux-9");
        assertThat(requests).extracting(request -> request.target().toString())
                .containsExactly("centos-stream-9-aarch64", "almalinux-9-aarch64");
        assertThat(requests).allSatisfy(request -> assertThat(request.payload().at("/environments/0/artifacts/0/id").asText())
                .as("the artifact keeps the Copr build chroot").isEqualTo("8123456:epel-9-aarch64"));
    }

    @Test
    void shouldUseADistroVerbatimWhenItNamesAnAvailableCompose() {
        var checking = TestRequestFactory.checkingAgainst(new AvailableComposes(
                List.of("Fedora-41", "CentOS-Stream-9", "RHEL-9.6.0-Nightly", "Fedora-4[0-9]-Updated")));
        var spec = spec("epel-9-x86_64").distros(List.of("RHEL-9.6.0-Nightly", "Fedora-42-Updated", "centos-stream-9")).build();

        assertThat(checking.requests(spec)).extracting(TestRequest::compose)
                .containsExactly("RHEL-9.6.0-Nightly", "Fedora-42-Updated", "CentOS-Stream-9");
    }

    @Test
    void shouldRejectAComposeTheRanchDoesNotOffer() {
        var checking = TestRequestFactory.checkingAgainst(new AvailableComposes(List.of("Fedora-41", "CentOS-Stream-9")));

        assertThatThrownBy(() -> checking.requests(spec("epel-8-x86_64").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the compose CentOS-Stream-8 (for distro centos-stream-8) is not available in the public "
                        + "Testing Farm infrastructure");
    }

    @Test
    void shouldRejectAnArchThePublicRanchDoesNotOfferBeforeAnyCall() {
        assertThatThrownBy(() -> factory.requests(spec("fedora-41-ppc64le").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the architecture ppc64le (of fedora-41-ppc64le) is not available in the public Testing Farm "
                        + "infrastructure (available: x86_64, aarch64)");
        assertThat(factory.requests(spec("fedora-41-ppc64le").ranch(Ranch.REDHAT).build())).hasSize(1);
    }

    @Test
    void shouldMergeExtraParamsIntoEnvironmentsTestAndSettingsOnly() {
        Map<String, Object> extra = Map.of(
                "environments", List.of(Map.of(
                        "hardware", Map.of("memory", ">= 8 GB"),
                        "tmt", Map.of("context", Map.of("trigger", "release", "how", "full")),
                        "variables", Map.of("EXTRA", "1"),
                        "artifacts", List.of(Map.of("type", "repository-file", "id", "https://example.org/x.repo")))),
                "test", Map.of("tmt", Map.of("name", "/plans/full", "path", "tests")),
                "settings", Map.of("pipeline", Map.of("type", "tmt-multihost")),
                "notification", Map.of("webhook", Map.of("url", "https://evil.example.org")),
                "api_key", "stolen");
        var spec = spec("fedora-41-x86_64").extraParams(extra).build();

        JsonNode payload = only(factory.requests(spec)).payload();

        assertThat(payload.at("/environments/0/hardware")).isEqualTo(json("{\"memory\": \">= 8 GB\"}"));
        assertThat(payload.at("/environments/0/tmt/context")).isEqualTo(json(
                "{\"distro\": \"fedora-41\", \"arch\": \"x86_64\", \"trigger\": \"release\", \"initiator\": \"packit\", \"how\": \"full\"}"));
        assertThat(payload.at("/environments/0/variables/EXTRA").asText()).isEqualTo("1");
        assertThat(payload.at("/environments/0/artifacts")).as("artifacts are appended, not replaced").isEqualTo(json("""
                [{"id": "8123456:fedora-41-x86_64", "type": "fedora-copr-build"},
                 {"type": "repository-file", "id": "https://example.org/x.repo"}]"""));
        assertThat(payload.at("/test/tmt")).isEqualTo(json("""
                {"url": "https://github.com/acme/hello", "ref": "9f1c2e7d0b6a4c3e2f1a0b9c8d7e6f5a4b3c2d1e",
                 "path": "tests", "name": "/plans/full"}"""));
        assertThat(payload.get("settings")).isEqualTo(json("{\"pipeline\": {\"type\": \"tmt-multihost\"}}"));
        assertThat(payload.has("notification")).isFalse();
        assertThat(payload.has("api_key")).isFalse();
    }

    @Test
    void shouldIgnoreExtraParamsOfTheWrongShape() {
        Map<String, Object> extra = Map.of(
                "environments", Map.of("arch", "s390x"),
                "test", Map.of("tmt", "not an object"));
        JsonNode payload = only(factory.requests(spec("fedora-41-x86_64").extraParams(extra).build())).payload();

        assertThat(payload.at("/environments/0/arch").asText()).isEqualTo("x86_64");
        assertThat(payload.at("/test/tmt")).as("a scalar replaces, as in Packit").isEqualTo(json("\"not an object\""));
    }

    @Test
    void shouldSendSecretsButNeverShowThem() {
        var spec = spec("fedora-41-x86_64").secrets(Map.of("QUAY_TOKEN", "s3cr3t", "GPG_KEY", "p4ss")).build();

        TestRequest request = only(factory.requests(spec));

        assertThat(request.payload().at("/environments/0/secrets")).isEqualTo(json("{\"QUAY_TOKEN\": \"s3cr3t\", \"GPG_KEY\": \"p4ss\"}"));
        assertThat(request.redacted().at("/environments/0/secrets")).isEqualTo(json("{\"QUAY_TOKEN\": \"hidden\", \"GPG_KEY\": \"hidden\"}"));
        assertThat(request.toString()).doesNotContain("s3cr3t", "p4ss").contains("QUAY_TOKEN");
        assertThat(request.redactedJson()).doesNotContain("s3cr3t", "p4ss");
        assertThat(spec.toString()).doesNotContain("s3cr3t", "p4ss").contains("QUAY_TOKEN");
    }

    @Test
    void shouldHideSecretsThatExtraParamsAdd() {
        var spec = spec("fedora-41-x86_64")
                .extraParams(Map.of("environments", List.of(Map.of("secrets", Map.of("EXTRA_SECRET", "xyzzy")))))
                .build();

        assertThat(only(factory.requests(spec)).toString()).doesNotContain("xyzzy").contains("EXTRA_SECRET");
    }

    @Test
    void shouldLetUserEnvOverridePredefinedVariables() {
        var spec = TestRequestSpec.builder("fedora-41-x86_64", HELLO)
                .build(new CoprBuildArtifact(8123456, "fedora-41-x86_64", "jdoe/hello", List.of("hello-2.12-1.fc41.x86_64")))
                .variable("PACKIT_COMMIT_SHA", "abc")
                .env(Map.of("PACKIT_COPR_RPMS", "mine", "DEBUG", "1"))
                .build();

        assertThat(only(factory.requests(spec)).payload().at("/environments/0/variables")).isEqualTo(json("""
                {"PACKIT_COPR_PROJECT": "jdoe/hello", "PACKIT_COPR_RPMS": "mine", "PACKIT_COMMIT_SHA": "abc", "DEBUG": "1"}"""));
    }

    @Test
    void shouldSetPostInstallScriptFmfPathAndMergeSha() {
        var fmf = new FmfSource("https://github.com/acme/tests", "main", "./tests/fmf/", "/plans/.*", "base123");
        var spec = TestRequestSpec.builder("fedora-41-x86_64", fmf)
                .build(CoprBuildArtifact.of(1, "fedora-41-x86_64"))
                .postInstallScript("#!/bin/sh\ndnf -y install jq")
                .build();

        JsonNode payload = only(factory.requests(spec)).payload();

        assertThat(payload.at("/test/tmt")).isEqualTo(json("""
                {"url": "https://github.com/acme/tests", "ref": "main", "merge_sha": "base123", "path": "tests/fmf",
                 "name": "/plans/.*"}"""));
        assertThat(payload.at("/environments/0/settings")).isEqualTo(json(
                "{\"provisioning\": {\"post_install_script\": \"#!/bin/sh\\ndnf -y install jq\"}}"));
    }

    @Test
    void shouldSendNoArtifactsForSkipBuild() {
        var spec = TestRequestSpec.builder("centos-stream-9-x86_64", FmfSource.of("https://github.com/acme/hello", null))
                .skipBuild(true)
                .build();

        JsonNode payload = only(factory.requests(spec)).payload();

        assertThat(payload.at("/environments/0").has("artifacts")).isFalse();
        assertThat(payload.at("/environments/0/variables")).isEqualTo(json("{}"));
        assertThat(payload.at("/test/tmt")).isEqualTo(json("{\"url\": \"https://github.com/acme/hello\", \"path\": \".\"}"));
    }

    @Test
    void shouldRejectBuildsForSkipBuildAndNoBuildOtherwise() {
        assertThatThrownBy(() -> spec("fedora-41-x86_64").skipBuild(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a skip_build test request for fedora-41-x86_64 takes no Copr builds, got [8123456:fedora-41-x86_64]");
        assertThatThrownBy(() -> TestRequestSpec.builder("fedora-41-x86_64", HELLO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the test request for fedora-41-x86_64 needs the Copr build to test (or skip_build: true to test without one)");
    }

    @Test
    void shouldTestOnAnExplicitCompose() {
        var spec = TestRequestSpec.builder("fedora-41-aarch64", HELLO).skipBuild(true).compose("Fedora-Rawhide").build();

        TestRequest request = only(TestRequestFactory.checkingAgainst(new AvailableComposes(List.of("Fedora-Rawhide")))
                .requests(spec));

        assertThat(request.compose()).isEqualTo("Fedora-Rawhide");
        assertThat(request.payload().at("/environments/0/tmt/context/distro").asText()).isEqualTo("fedora-rawhide");
        assertThat(request.arch()).isEqualTo("aarch64");
        assertThatThrownBy(() -> TestRequestFactory.checkingAgainst(new AvailableComposes(List.of("Fedora-41"))).requests(spec))
                .hasMessage("the compose Fedora-Rawhide is not available in the public Testing Farm infrastructure");
    }

    @ParameterizedTest
    @CsvSource({"/, .", "./, .", "., .", "./tests, tests", "/tests/, tests", "a/b, a/b"})
    void shouldNormaliseFmfPathAsPackitDoes(String given, String expected) {
        assertThat(FmfSource.normalisePath(given)).isEqualTo(expected);
    }

    @Test
    void shouldParseCommandLineBuilds() {
        assertThat(CoprBuildArtifact.parse("8123456:epel-9-x86_64").artifactId()).isEqualTo("8123456:epel-9-x86_64");
        assertThatThrownBy(() -> CoprBuildArtifact.parse("abc:epel-9-x86_64"))
                .hasMessage("'abc:epel-9-x86_64' is not a Copr build of the form <build id>:<chroot>: 'abc' is not a build id");
        assertThatThrownBy(() -> CoprBuildArtifact.parse("8123456"))
                .hasMessage("'8123456' is not a Copr build of the form <build id>:<chroot> (e.g. 8123456:fedora-41-x86_64)");
    }

    private static TestRequestSpec.Builder spec(String chroot) {
        return TestRequestSpec.builder(chroot, HELLO).build(CoprBuildArtifact.of(8123456, chroot));
    }

    private static TestRequest only(List<TestRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
