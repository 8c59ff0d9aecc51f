package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepDriverTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final NodeId SRPM_A = NodeId.parse("srpm:A:build1");
    private static final NodeId BUILD_A = NodeId.parse("copr_build:A:build1");
    private static final NodeId TESTS_A41 = NodeId.parse("tests:A:tests1@" + F41);

    private final VirtualClock clock = new VirtualClock();

    @Test
    void shouldWaitForTheNeedsThenStartAndPollUntilTheNodeSucceeds() {
        var plan = new PlanBuilder().build("A", "build1", F41).tests("A", "tests1", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var steps = new NodeSteps(new RunState(plan, clock, false), NodeExecutors.all(executor));
        var tests = new StepDriver(steps, WAIT);
        var srpm = new StepDriver(steps, WAIT);

        assertThat(tests.advance(List.of(TESTS_A41)))
                .isEqualTo(new StepProgress.Pending(WAIT, List.of("tests:A:tests1@fedora-41-x86_64: waiting")));
        assertThat(executor.submissions(TESTS_A41.toString())).isZero();

        assertThat(srpm.advance(List.of(SRPM_A)))
                .isEqualTo(new StepProgress.Pending(MINUTE, List.of("srpm:A:build1: running")));
        clock.advanceTo(VirtualClock.ORIGIN.plus(MINUTE));
        assertThat(srpm.advance(List.of(SRPM_A)))
                .isEqualTo(new StepProgress.Done(NodeState.SUCCEEDED, "", List.of("srpm:A:build1: succeeded")));
        assertThat(executor.submissions(SRPM_A.toString())).isEqualTo(1);
    }

    @Test
    void shouldSkipANodeWhoseNeedFailedWithTheRootCause() {
        var plan = new PlanBuilder().build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41, F42).plan();
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(new ScriptedExecutor(MINUTE, Duration.ZERO)));
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.SUCCEEDED, "");
        state.markRunning(BUILD_A);
        state.reportChroot(BUILD_A, F41, ChrootOutcome.of(NodeState.FAILED));

        var progress = new StepDriver(steps, WAIT).advance(List.of(TESTS_A41));

        assertThat(progress).isEqualTo(new StepProgress.Done(NodeState.SKIPPED,
                "skipped: tests:A:tests1@fedora-41-x86_64: copr_build:A:build1 failed on fedora-41-x86_64",
                List.of("tests:A:tests1@fedora-41-x86_64: skipped (copr_build:A:build1 failed on fedora-41-x86_64)")));
    }

    @Test
    void shouldReportEachChrootOnceAsItEnds() {
        var plan = new PlanBuilder().build("A", "build1", F41, F42).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).chrootDuration("copr_build:A:build1", F42,
                MINUTE.multipliedBy(3));
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(executor));
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.SUCCEEDED, "");
        var driver = new StepDriver(steps, WAIT);

        assertThat(driver.advance(List.of(BUILD_A)).log()).containsExactly("copr_build:A:build1: running");
        clock.advanceTo(VirtualClock.ORIGIN.plus(MINUTE));
        assertThat(driver.advance(List.of(BUILD_A)).log())
                .containsExactly("copr_build:A:build1 fedora-41-x86_64: succeeded");
        assertThat(driver.advance(List.of(BUILD_A)).log()).isEmpty();
        clock.advanceTo(VirtualClock.ORIGIN.plus(MINUTE.multipliedBy(3)));
        assertThat(driver.advance(List.of(BUILD_A))).isEqualTo(new StepProgress.Done(NodeState.SUCCEEDED, "",
                List.of("copr_build:A:build1: succeeded", "copr_build:A:build1 fedora-42-x86_64: succeeded")));
    }

    @Test
    void shouldFailAGroupWhenOneNodeFailedAndNameIt() {
        var plan = new PlanBuilder().build("A", "build1", F41).build("B", "build1", F41).plan();
        var executor = new ScriptedExecutor(Duration.ZERO, Duration.ZERO).fail("srpm:B:build1");
        var steps = new NodeSteps(new RunState(plan, clock, false), NodeExecutors.all(executor));

        var progress = new StepDriver(steps, WAIT).advance(List.of(SRPM_A, NodeId.parse("srpm:B:build1")));

        assertThat(progress).isInstanceOf(StepProgress.Done.class);
        var done = (StepProgress.Done) progress;
        assertThat(done.state()).isEqualTo(NodeState.FAILED);
        assertThat(done.message()).isEqualTo("failed: srpm:B:build1: scripted failure");
    }

    @Test
    void shouldSucceedAGroupWhoseNodesSucceededOrWereSkipped() {
        var plan = new PlanBuilder().build("A", "build1", F41).build("B", "build1", F41)
                .skip("srpm:B:build1", "unchanged").plan();
        var steps = new NodeSteps(new RunState(plan, clock, false),
                NodeExecutors.all(new ScriptedExecutor(Duration.ZERO, Duration.ZERO)));

        var done = (StepProgress.Done) new StepDriver(steps, WAIT)
                .advance(List.of(SRPM_A, NodeId.parse("srpm:B:build1")));

        assertThat(done.state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(done.message()).isEqualTo("skipped: srpm:B:build1: unchanged");
    }

    @Test
    void shouldSucceedAStepWhoseNodesWereReusedAndNameTheBuildsTaken() {
        var plan = new PlanBuilder().build("A", "build1", F41).plan();
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(new ScriptedExecutor(MINUTE, Duration.ZERO)));
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.REUSED, "reuses Copr build 8123401 of this commit in jdoe/hello-1");

        var progress = new StepDriver(steps, WAIT).advance(List.of(SRPM_A));

        assertThat(progress).isEqualTo(new StepProgress.Done(NodeState.SUCCEEDED,
                "reused: srpm:A:build1: reuses Copr build 8123401 of this commit in jdoe/hello-1",
                List.of("srpm:A:build1: reused (reuses Copr build 8123401 of this commit in jdoe/hello-1)")));
    }

    @Test
    void shouldCancelTheRemoteWorkOfRunningNodesLaterOnesFirst() {
        var plan = new PlanBuilder().build("A", "build1", F41).build("B", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var state = new RunState(plan, clock, false);
        var driver = new StepDriver(new NodeSteps(state, NodeExecutors.all(executor)), WAIT);
        var srpmB = NodeId.parse("srpm:B:build1");
        driver.advance(List.of(SRPM_A, srpmB));

        var log = driver.cancel(List.of(SRPM_A, srpmB), "aborted by the user");

        assertThat(executor.cancelOrder()).containsExactly(srpmB, SRPM_A);
        assertThat(state.status(SRPM_A).state()).isEqualTo(NodeState.CANCELLED);
        assertThat(log).containsExactly("srpm:B:build1: cancelled (aborted by the user)",
                "srpm:A:build1: cancelled (aborted by the user)");
    }

    @Test
    void shouldSettleANodeWhoseNeedHadFailedWithoutCallingAnyService() {
        var plan = new PlanBuilder().build("A", "build1", F41).tests("A", "tests1", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(executor));
        state.markRunning(SRPM_A);
        state.finish(SRPM_A, NodeState.FAILED, "no spec file");

        var driver = new StepDriver(steps, WAIT);

        assertThat(driver.settle(List.of(TESTS_A41))).as("its need has not ended yet").isEmpty();
        assertThat(driver.settle(List.of(BUILD_A))).contains(new StepProgress.Done(NodeState.SKIPPED,
                "skipped: copr_build:A:build1: srpm:A:build1 failed",
                List.of("copr_build:A:build1: skipped (srpm:A:build1 failed)")));
        assertThat(driver.settle(List.of(TESTS_A41))).isPresent();
        assertThat(executor.totalSubmissions()).isZero();
    }

    @Test
    void shouldLeaveANodeToItsRoundsWhenItsNeedHasNotEndedOrSucceeded() {
        var plan = new PlanBuilder().build("A", "build1", F41).tests("A", "tests1", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var state = new RunState(plan, clock, false);
        var driver = new StepDriver(new NodeSteps(state, NodeExecutors.all(executor)), WAIT);

        assertThat(driver.settle(List.of(SRPM_A))).isEmpty();
        assertThat(driver.settle(List.of(BUILD_A))).isEmpty();

        assertThat(state.status(SRPM_A).state()).isEqualTo(NodeState.WAITING);
        assertThat(state.status(BUILD_A).state()).isEqualTo(NodeState.WAITING);
        assertThat(executor.totalSubmissions()).isZero();
        assertThat(driver.advance(List.of(SRPM_A)).log()).containsExactly("srpm:A:build1: running");
    }

    @Test
    void shouldCancelWhatASubmissionInFlightCreatedWhenTheCancelComesDuringIt() throws Exception {
        var plan = new PlanBuilder().build("A", "build1", F41).plan();
        var executor = new SlowSubmission();
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(executor));
        var round = new Thread(() -> new StepDriver(steps, WAIT).advance(List.of(SRPM_A)));
        var stop = new Thread(() -> new StepDriver(steps, WAIT).cancel(List.of(SRPM_A), "the build was aborted"));

        round.start();
        assertThat(executor.submitting.await(10, TimeUnit.SECONDS)).isTrue();
        stop.start();
        stop.join(300);
        assertThat(stop.isAlive()).as("the cancel waits for the submission in flight").isTrue();
        executor.release.countDown();
        round.join(10_000);
        stop.join(10_000);

        assertThat(executor.events).containsExactly("submitted job 7", "cancelled job 7");
        assertThat(state.status(SRPM_A).state()).isEqualTo(NodeState.CANCELLED);
    }

    @Test
    void shouldNeverSubmitANodeCancelledBeforeItsRound() {
        var plan = new PlanBuilder().build("A", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(executor));

        new StepDriver(steps, WAIT).cancel(List.of(SRPM_A), "the build was aborted");
        var progress = new StepDriver(steps, WAIT).advance(List.of(SRPM_A));

        assertThat(executor.totalSubmissions()).isZero();
        assertThat(steps.start(SRPM_A)).isEqualTo(new Progress.Done(NodeState.CANCELLED, "the build was aborted"));
        assertThat(executor.totalSubmissions()).isZero();
        assertThat(progress).isEqualTo(new StepProgress.Done(NodeState.FAILED,
                "failed: srpm:A:build1 was cancelled: the build was aborted",
                List.of("srpm:A:build1: cancelled (the build was aborted)")));
    }

    /** An executor whose submission takes until the test releases it; it records what it submitted and cancelled. */
    private static final class SlowSubmission implements NodeExecutor {
        final CountDownLatch submitting = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Progress start(NodeRun run) {
            submitting.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            run.recordRemote("job", "7");
            events.add("submitted job 7");
            return Progress.pollIn(MINUTE);
        }

        @Override
        public Progress poll(NodeRun run) {
            return Progress.pollIn(MINUTE);
        }

        @Override
        public void cancel(NodeRun run) {
            events.add("cancelled job " + run.remote("job").orElse("(none)"));
        }
    }
}
