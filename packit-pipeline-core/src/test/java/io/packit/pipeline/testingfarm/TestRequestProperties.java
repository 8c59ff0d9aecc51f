package io.packit.pipeline.testingfarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class TestRequestProperties {
    private static final FmfSource HELLO = FmfSource.of("https://github.com/acme/hello", "main");

    @Property(tries = 200)
    void shouldNeverShowASecretValue(@ForAll @AlphaChars @StringLength(min = 8, max = 40) String secret,
            @ForAll @AlphaChars @StringLength(min = 8, max = 40) String extraSecret) {
        var spec = TestRequestSpec.builder("fedora-41-x86_64", HELLO)
                .build(CoprBuildArtifact.of(1, "fedora-41-x86_64"))
                .secrets(Map.of("TOKEN", "s-" + secret))
                .extraParams(Map.of("environments", List.of(Map.of("secrets", Map.of("OTHER", "x-" + extraSecret)))))
                .build();

        TestRequest request = TestRequestFactory.offline().requests(spec).get(0);

        assertThat(request.json()).contains("s-" + secret, "x-" + extraSecret);
        assertThat(request.toString() + request.redactedJson() + spec)
                .doesNotContain("s-" + secret)
                .doesNotContain("x-" + extraSecret);
    }

    @Property(tries = 200)
    void shouldKeepOurArtifactsAndNeverTakeNotificationFromExtraParams(
            @ForAll @StringLength(max = 20) String value, @ForAll @AlphaChars @StringLength(min = 1, max = 10) String key) {
        Map<String, Object> extra = Map.of(
                "environments", List.of(Map.of(key, value, "artifacts", List.of(Map.of("type", "repository", "id", value)))),
                "notification", Map.of("webhook", Map.of("url", value)),
                "api_key", value);
        var spec = TestRequestSpec.builder("fedora-41-x86_64", HELLO)
                .build(CoprBuildArtifact.of(1, "fedora-41-x86_64"))
                .extraParams(extra)
                .build();

        JsonNode payload = TestRequestFactory.offline().requests(spec).get(0).payload();

        assertThat(payload.has("notification")).isFalse();
        assertThat(payload.has("api_key")).isFalse();
        JsonNode artifacts = payload.at("/environments/0/artifacts");
        assertThat(artifacts.get(0).get("id").asText()).isEqualTo("1:fedora-41-x86_64");
        assertThat(artifacts.size()).isEqualTo(2);
    }
}
