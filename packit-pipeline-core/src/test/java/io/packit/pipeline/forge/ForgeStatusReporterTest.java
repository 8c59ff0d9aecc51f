package io.packit.pipeline.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.packit.pipeline.engine.ChrootOutcome;
import io.packit.pipeline.engine.Engine;
import io.packit.pipeline.engine.EngineOptions;
import io.packit.pipeline.engine.NodeExecutors;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.PlanBuilder;
import io.packit.pipeline.engine.ReusedBuild;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.ScriptedExecutor;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.forge.ForgeStatus.Conclusion;
import io.packit.pipeline.forge.ForgeStatus.Phase;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The forge statuses of runs, against a recording publisher: every transition, skips with their reasons, order. */
class ForgeStatusReporterTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F40 = "fedora-40-x86_64";
    private static final String PAGE = "https://jenkins.example/job/hello/7/packit/";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final NodeId SRPM = NodeId.parse("srpm:hello:build1");
    private static final NodeId BUILD = NodeId.parse("copr_build:hello:build1");
    private static final NodeId TESTS41 = NodeId.parse("tests:hello:tests1@" + F41);
    // PlanBuilder gives every job an identifier, its label: Packit appends it to the name
    private static final String RPM41 = "rpm-build:" + F41 + ":build1";
    private static final String RPM40 = "rpm-build:" + F40 + ":build1";
    private static final String TF41 = "testing-farm:" + F41 + ":tests1";

    private final VirtualClock clock = new VirtualClock();
    private final RecordingPublisher forge = new RecordingPublisher();

    @Test
    void shouldPublishEveryTransitionOfTheBuildsChrootsAndTheTestsAsTheyHappen() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41, F40)
                .tests("hello", "tests1", "build1", F41).plan(), clock, false);
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, forge, Runnable::run);
        var expected = new ArrayList<Tuple>();
        expected.add(tuple(RPM41, Phase.QUEUED, Conclusion.NONE, "Waiting"));
        expected.add(tuple(RPM40, Phase.QUEUED, Conclusion.NONE, "Waiting"));
        expected.add(tuple(TF41, Phase.QUEUED, Conclusion.NONE, "Waiting for the RPM build"));
        assertPublished(expected);

        state.markRunning(SRPM);
        assertPublished(List.of(tuple(RPM41, Phase.IN_PROGRESS, Conclusion.NONE, "SRPM build running"),
                tuple(RPM40, Phase.IN_PROGRESS, Conclusion.NONE, "SRPM build running")));
        state.finish(SRPM, NodeState.SUCCEEDED, "");
        assertPublished(List.of(tuple(RPM41, Phase.IN_PROGRESS, Conclusion.NONE, "RPM build starting"),
                tuple(RPM40, Phase.IN_PROGRESS, Conclusion.NONE, "RPM build starting")));
        state.markRunning(BUILD);
        assertPublished(List.of(tuple(RPM41, Phase.IN_PROGRESS, Conclusion.NONE, "RPM build running"),
                tuple(RPM40, Phase.IN_PROGRESS, Conclusion.NONE, "RPM build running")));
        state.reportChroot(BUILD, F41, new ChrootOutcome(NodeState.SUCCEEDED, "", "https://copr.example/41"));
        assertPublished(List.of(tuple(RPM41, Phase.COMPLETED, Conclusion.SUCCESS, "RPM build succeeded")));
        state.markRunning(TESTS41);
        assertPublished(List.of(tuple(TF41, Phase.IN_PROGRESS, Conclusion.NONE, "Tests running")));
        state.recordRemote(TESTS41, TestingFarmExecutor.REQUEST_ID, "9e2f0c1a");
        assertPublished(List.of(tuple(TF41, Phase.IN_PROGRESS, Conclusion.NONE, "Tests running")));
        state.reportChroot(BUILD, F40, new ChrootOutcome(NodeState.FAILED, "", "https://copr.example/40"));
        assertPublished(List.of(tuple(RPM40, Phase.COMPLETED, Conclusion.FAILURE, "RPM build failed")));
        state.finish(BUILD, NodeState.FAILED, "failed on " + F40);
        assertPublished(List.of());
        state.finish(TESTS41, NodeState.SUCCEEDED, "");
        assertPublished(List.of(tuple(TF41, Phase.COMPLETED, Conclusion.SUCCESS, "Tests succeeded")));

        var shown = forge.shown();
        assertThat(shown).containsOnlyKeys(RPM41, RPM40, TF41);
        assertThat(shown.get(RPM40).summary()).isEqualTo("Copr build of hello on " + F40 + " failed");
        assertThat(shown.get(TF41).summary()).isEqualTo("Tests of hello on " + F41 + " succeeded");
        assertThat(shown.values()).allSatisfy(status -> assertThat(status.detailsUrl()).isEqualTo(PAGE));
        assertThat(shown.get(TF41).startedAt()).isEqualTo(VirtualClock.ORIGIN);
        assertThat(shown.get(TF41).completedAt()).isEqualTo(VirtualClock.ORIGIN);
    }

    @Test
    void shouldNameTheTestingFarmRequestWhileItRuns() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41)
                .tests("hello", "tests1", "build1", F41).plan(), clock, false);
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, forge, Runnable::run);
        state.markRunning(TESTS41);
        state.recordRemote(TESTS41, TestingFarmExecutor.REQUEST_ID, "9e2f0c1a");

        assertThat(forge.shown().get(TF41).summary())
                .isEqualTo("Tests of hello on " + F41 + " are running in Testing Farm (request 9e2f0c1a)");
    }

    @Test
    void shouldSkipTheTestsOfAFailedChrootWithTheRootCauseAndLeaveTheOthersSucceeded() {
        var plan = new PlanBuilder().build("hello", "build1", F41, F40).tests("hello", "tests1", "build1", F41, F40)
                .plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).fail("copr_build:hello:build1@" + F40);

        var shown = run(plan, executor);

        var tf40 = shown.get("testing-farm:" + F40 + ":tests1");
        assertThat(tf40).extracting(ForgeStatus::phase, ForgeStatus::conclusion, ForgeStatus::title)
                .containsExactly(Phase.COMPLETED, Conclusion.SKIPPED, "Skipped");
        assertThat(tf40.summary()).isEqualTo("Tests of hello on " + F40 + " did not run: copr_build:hello:build1 failed on "
                + F40);
        assertThat(shown.get(RPM40).conclusion()).isEqualTo(Conclusion.FAILURE);
        assertThat(shown.get(RPM41).conclusion()).isEqualTo(Conclusion.SUCCESS);
        assertThat(shown.get(TF41).conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void shouldFailEveryChrootOfABuildWhoseSrpmFailedAndSkipWhatDependsOnIt() {
        var plan = new PlanBuilder().build("hello", "build1", F41, F40).tests("hello", "tests1", "build1", F41)
                .plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).fail("srpm:hello:build1");

        var shown = run(plan, executor);

        assertThat(List.of(shown.get(RPM41), shown.get(RPM40)))
                .extracting(ForgeStatus::conclusion, ForgeStatus::title)
                .containsOnly(tuple(Conclusion.FAILURE, "SRPM build failed"));
        assertThat(shown.get(RPM41).summary()).startsWith("The SRPM of hello failed to build: ");
        assertThat(shown.get(TF41)).extracting(ForgeStatus::conclusion, ForgeStatus::summary)
                .containsExactly(Conclusion.SKIPPED, "Tests of hello on " + F41 + " did not run: srpm:hello:build1 failed");
        assertThat(shown).containsOnlyKeys(RPM41, RPM40, TF41);
    }

    @Test
    void shouldShowNodesThePlanDoesNotRunAsNeutralWithThePlansReason() {
        var plan = new PlanBuilder().build("hello", "build1", F41).tests("hello", "tests1", "build1", F41)
                .skip("tests:hello:tests1@" + F41, "manual job not requested").plan();

        var shown = run(plan, new ScriptedExecutor(MINUTE, Duration.ZERO));

        assertThat(shown.get(TF41)).extracting(ForgeStatus::phase, ForgeStatus::conclusion, ForgeStatus::summary)
                .containsExactly(Phase.COMPLETED, Conclusion.NEUTRAL,
                        "Tests of hello on " + F41 + " not run for this event: manual job not requested");
        assertThat(forge.of(TF41)).hasSize(1);
        assertThat(shown.get(RPM41).conclusion()).isEqualTo(Conclusion.SUCCESS);
    }

    @Test
    void shouldShowAReusedChrootAsASuccessNamingTheBuildTaken() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41).plan(), clock, false);
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, forge, Runnable::run);
        state.markRunning(BUILD);
        state.reportChroot(BUILD, F41, ChrootOutcome.reused(new ReusedBuild(4711, "jdoe", "hello-1", "9f1c2e7d",
                ReusedBuild.Origin.THIS_COMMIT), ""));

        assertThat(forge.shown().get(RPM41)).extracting(ForgeStatus::conclusion, ForgeStatus::title,
                ForgeStatus::summary).containsExactly(Conclusion.SUCCESS, "RPM build reused",
                        "Copr build of hello on " + F41 + " reused: Copr build 4711 of this commit in jdoe/hello-1");
    }

    @Test
    void shouldCancelWhatWasCancelled() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41)
                .tests("hello", "tests1", "build1", F41).plan(), clock, false);
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, forge, Runnable::run);
        state.markRunning(SRPM);
        state.finish(SRPM, NodeState.CANCELLED, "the build was aborted");
        state.finish(BUILD, NodeState.CANCELLED, "the build was aborted");
        state.finish(TESTS41, NodeState.CANCELLED, "the build was aborted");

        assertThat(forge.shown().values()).extracting(ForgeStatus::conclusion, ForgeStatus::summary).containsExactly(
                tuple(Conclusion.CANCELLED, "Copr build of hello on " + F41 + " cancelled: the build was aborted"),
                tuple(Conclusion.CANCELLED, "Tests of hello on " + F41 + " cancelled: the build was aborted"));
    }

    @Test
    void shouldPublishOnTheExecutorInOrderAndOnlyTheLatestFormOfAStatusThatChangedMeanwhile() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41).plan(), clock, false);
        var queued = new ArrayList<Runnable>();
        Executor later = queued::add;
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, forge, later);
        state.markRunning(SRPM);
        state.finish(SRPM, NodeState.SUCCEEDED, "");
        state.markRunning(BUILD);

        assertThat(forge.published()).isEmpty();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(forge.published()).extracting(ForgeStatus::name, ForgeStatus::title)
                .containsExactly(tuple(RPM41, "RPM build running"));

        state.reportChroot(BUILD, F41, ChrootOutcome.of(NodeState.SUCCEEDED));
        assertThat(queued).hasSize(2);
        queued.get(1).run();
        assertThat(forge.published()).extracting(ForgeStatus::title).containsExactly("RPM build running",
                "RPM build succeeded");
    }

    @Test
    void shouldGoOnPublishingWhenThePublisherFails() {
        var state = new RunState(new PlanBuilder().build("hello", "build1", F41, F40).plan(), clock, false);
        var failed = new ArrayList<String>();
        ForgeStatusReporter.attach(state, names(state.plan()), PAGE, new ForgeStatusPublisher() {
            @Override
            public void publish(ForgeStatus status) {
                if (status.name().equals(RPM41)) {
                    throw new IllegalStateException("the forge said no");
                }
                forge.publish(status);
            }

            @Override
            public void failed(ForgeStatus status, RuntimeException failure) {
                failed.add(status.name() + ": " + failure.getMessage());
            }
        }, Runnable::run);

        assertThat(failed).containsExactly(RPM41 + ": the forge said no");
        assertThat(forge.shown()).containsOnlyKeys(RPM40);
    }

    @Test
    void shouldKeepEverySummaryOnOneLineAndEscapeMarkupForMarkdown() {
        var status = new ForgeStatus("rpm-build:" + F41, Phase.COMPLETED, Conclusion.FAILURE, "RPM build failed",
                "Copr said:\n[click](https://evil.example) <img src=x> *boom*", PAGE, null, null);

        assertThat(status.summary()).isEqualTo("Copr said: [click](https://evil.example) <img src=x> *boom*");
        assertThat(status.summaryMarkdown()).doesNotContain("<img", "](", "*boom*")
                .isEqualTo("Copr said\\: \\[click\\]\\(https\\://evil\\.example\\) &lt;img src\\=x&gt; \\*boom\\*");
        assertThat(new ForgeStatus("n", Phase.QUEUED, Conclusion.NONE, "t", "x".repeat(1000), "", null, null).summary())
                .hasSize(ForgeStatus.MAX_SUMMARY).endsWith("…");
    }

    private Map<String, ForgeStatus> run(Plan plan, ScriptedExecutor executor) {
        var state = new RunState(plan, clock, false);
        ForgeStatusReporter.attach(state, names(plan), PAGE, forge, Runnable::run);
        new Engine(state, NodeExecutors.all(executor), new EngineOptions(4, clock)).run();
        return forge.shown();
    }

    private void assertPublished(List<Tuple> expected) {
        assertThat(forge.published()).extracting(ForgeStatus::name, ForgeStatus::phase, ForgeStatus::conclusion,
                ForgeStatus::title).containsExactlyElementsOf(expected);
        forge.clear();
    }

    private static StatusNames names(Plan plan) {
        return StatusNames.of(plan.config(), plan.event());
    }
}
