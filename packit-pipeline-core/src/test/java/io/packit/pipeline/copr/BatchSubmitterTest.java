package io.packit.pipeline.copr;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.copr.fake.BuildPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchSubmitterTest {
    private static final String F41 = "fedora-41-x86_64";

    private final CoprTestbed bed = new CoprTestbed();

    @BeforeEach
    void project() {
        bed.fake.seedProject("jdoe", "p", List.of(F41));
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private static BatchSubmitter.Entry entry(String ref) {
        return new BatchSubmitter.Entry("jdoe", "p", BuildSource.Scm.git("https://x/y.git", ref),
                BuildOptions.chroots(List.of(F41)));
    }

    private String batchOptions(long id) {
        var request = bed.fake.buildRequest(id);
        return request.has("after_build_id") ? "after " + request.get("after_build_id").asLong()
                : request.has("with_build_id") ? "with " + request.get("with_build_id").asLong() : "none";
    }

    @Test
    void shouldSubmitLayersAsBatchesThatBlockUntilTheLayerBeforeFinished() {
        bed.fake.planNext(BuildPlan.standard());
        bed.fake.planNext(BuildPlan.standard().withChroot(F41,
                new BuildPlan.ChrootPlan(Duration.ofSeconds(60), Duration.ofSeconds(1200), "failed")));

        List<List<CoprBuild>> layers = new BatchSubmitter(bed.client).submit(List.of(
                List.of(entry("a"), entry("b")), List.of(entry("c"), entry("d")), List.of(entry("e"))));

        long a = layers.get(0).get(0).id();
        long b = layers.get(0).get(1).id();
        long c = layers.get(1).get(0).id();
        long d = layers.get(1).get(1).id();
        long e = layers.get(2).get(0).id();
        assertThat(Map.of(a, batchOptions(a), b, batchOptions(b), c, batchOptions(c), d, batchOptions(d), e,
                batchOptions(e))).isEqualTo(Map.of(a, "none", b, "with " + a, c, "after " + a, d, "with " + c, e,
                "after " + c));
        // a ends after 570 s; b (failing) after 1470 s: layer 2 is held back until then, failure or not
        bed.clock.advance(Duration.ofSeconds(1000));
        assertThat(bed.fake.build(a).get("state").asText()).isEqualTo("succeeded");
        assertThat(bed.fake.build(c).get("state").asText()).isEqualTo("pending");
        assertThat(bed.fake.chrootState(c, F41)).isEqualTo("waiting");
        bed.clock.advance(Duration.ofSeconds(480));
        assertThat(bed.fake.build(b).get("state").asText()).isEqualTo("failed");
        assertThat(bed.fake.build(c).get("state").asText()).isEqualTo("pending");
        bed.clock.advance(Duration.ofSeconds(65));
        assertThat(bed.fake.build(c).get("state").asText()).isEqualTo("running");
        assertThat(bed.fake.build(e).get("state").asText()).isEqualTo("pending");
    }

    @Test
    void shouldHandleTheRaceOfAFirstBuildThatFinishedBeforeTheOthersJoined() {
        BuildPlan instantFailure = new BuildPlan(Duration.ZERO, Duration.ZERO, false, Duration.ZERO, "x", "1-1",
                Map.of(), BuildPlan.standard().otherChroots());
        bed.fake.planNext(instantFailure);

        List<List<CoprBuild>> layers = new BatchSubmitter(bed.client).submit(List.of(
                List.of(entry("a"), entry("b"), entry("c")), List.of(entry("d"))));

        long a = layers.get(0).get(0).id();
        long b = layers.get(0).get(1).id();
        long c = layers.get(0).get(2).id();
        long d = layers.get(1).get(0).id();
        assertThat(bed.fake.buildIds()).containsExactly(a, b, c, d);
        // b's first try (with a) was refused: a had finished; b was sent alone and became the anchor
        assertThat(bed.fake.requests()).extracting(r -> r.getUrl().encodedPath()).containsExactly(
                "/api_3/build/create/scm", "/api_3/build/create/scm", "/api_3/build/create/scm",
                "/api_3/build/create/scm", "/api_3/build/create/scm");
        assertThat(List.of(batchOptions(b), batchOptions(c), batchOptions(d)))
                .containsExactly("none", "with " + b, "after " + b);
    }
}
