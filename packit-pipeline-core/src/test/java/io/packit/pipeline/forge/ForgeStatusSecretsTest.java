package io.packit.pipeline.forge;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.Engine;
import io.packit.pipeline.engine.EngineClock;
import io.packit.pipeline.engine.EngineOptions;
import io.packit.pipeline.engine.FakeServices;
import io.packit.pipeline.engine.NodeExecutors;
import io.packit.pipeline.engine.PlanBuilder;
import io.packit.pipeline.engine.Polling;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.forge.ForgeStatus.Conclusion;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.http.fake.Fault;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run with the real Copr and Testing Farm executors against the loopback fakes, with failures and an expired
 * key: no text of any status published carries the Copr token or the Testing Farm key.
 */
class ForgeStatusSecretsTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F40 = "fedora-40-x86_64";

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldPutNoSecretIntoAnyStatusWhateverTheServicesAnswer() {
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(50), Duration.ofMillis(100))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(100), "failed")));
        services.copr().inject(new Fault("GET", "/api_3/build-chroot/list", Fault.Kind.STATUS, 503));
        services.farm().failNext("POST", "/v0.1/requests", Fault.of(Fault.Kind.EXPIRED_TOKEN));
        var plan = new PlanBuilder().build("hello", "build1", F41, F40).tests("hello", "tests1", "build1", F41, F40)
                .plan();
        var settings = new RunSettings("https://github.com/acme/hello", "9f1c2e7d", "hello", "jdoe",
                Polling.every(Duration.ofMillis(20)), false);
        var copr = new CoprBuildExecutor(services.coprClient(), settings);
        var executors = new NodeExecutors(Map.of(NodeKind.SRPM, copr, NodeKind.COPR_BUILD, copr, NodeKind.TESTS,
                new TestingFarmExecutor(services.farmClient(), settings)));
        var state = new RunState(plan, EngineClock.system(), false);
        var forge = new RecordingPublisher();
        ForgeStatusReporter.attach(state, StatusNames.of(plan.config(), plan.event()), "https://jenkins.example/job/7/packit/",
                forge, Runnable::run);

        new Engine(state, executors, new EngineOptions(4, EngineClock.system())).run();

        var shown = forge.shown();
        assertThat(shown.get("testing-farm:" + F41 + ":tests1").conclusion()).isEqualTo(Conclusion.FAILURE);
        assertThat(shown.get("rpm-build:" + F40 + ":build1").conclusion()).isEqualTo(Conclusion.FAILURE);
        assertThat(shown.get("testing-farm:" + F40 + ":tests1").conclusion()).isEqualTo(Conclusion.SKIPPED);
        assertThat(forge.published()).isNotEmpty().allSatisfy(status -> assertThat(Stream.of(status.name(),
                status.title(), status.summary(), status.summaryMarkdown(), status.detailsUrl(), status.toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(FakeServices.TOKEN, FakeServices.TF_KEY)));
    }
}
