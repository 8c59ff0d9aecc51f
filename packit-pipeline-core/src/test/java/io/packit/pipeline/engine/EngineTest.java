package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final VirtualClock clock = new VirtualClock();

    @Test
    void shouldStartTestsWhenTheirChrootEndsNotTheWholeBuild() {
        var plan = new PlanBuilder().build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41, F42).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO)
                .duration("srpm:A:build1", MINUTE.multipliedBy(2))
                .chrootDuration("copr_build:A:build1", F41, MINUTE.multipliedBy(10))
                .chrootDuration("copr_build:A:build1", F42, MINUTE.multipliedBy(60))
                .duration("tests:A:tests1@" + F41, MINUTE.multipliedBy(5))
                .duration("tests:A:tests1@" + F42, MINUTE.multipliedBy(5));

        var state = run(plan, executor);

        var test41 = state.status(NodeId.parse("tests:A:tests1@" + F41));
        var build = state.status(NodeId.parse("copr_build:A:build1"));
        assertThat(test41.state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(test41.startedAt()).isEqualTo(at(12));
        assertThat(test41.endedAt()).isEqualTo(at(17)).isBefore(build.endedAt());
        assertThat(build.endedAt()).isEqualTo(at(62));
        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F42)).endedAt()).isEqualTo(at(67));
    }

    @Test
    void shouldSkipDependentsWithTheRootCauseAndKeepIndependentBranchesRunning() {
        var plan = monorepo();
        var executor = new ScriptedExecutor(MINUTE, Duration.ofSeconds(30)).fail("copr_build:B:build1@" + F41);

        var state = run(plan, executor);

        var cause = "copr_build:B:build1 failed on " + F41;
        assertThat(state.status(NodeId.parse("copr_build:B:build1")).state()).isEqualTo(NodeState.FAILED);
        assertThat(state.status(NodeId.parse("copr_build:B:build1")).reason()).isEqualTo("failed on " + F41);
        assertThat(state.status(NodeId.parse("tests:B:tests1@" + F41)))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, cause);
        assertThat(state.status(NodeId.parse("tests:B:tests1@" + F42)).state()).isEqualTo(NodeState.SUCCEEDED);
        var buildA = state.status(NodeId.parse("copr_build:A:build1"));
        assertThat(buildA.chroots().get(F41)).isEqualTo(new ChrootOutcome(NodeState.SKIPPED, cause, ""));
        assertThat(buildA.chroots().get(F42).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(executor.submittedChroots()).contains("srpm:A:build1 -> [" + F42 + "]");
        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F41)))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, cause);
        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F42)).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(state.statuses()).filteredOn(status -> status.id().packageName().equals("C"))
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(RunOutcome.of(state.statuses(), false)).isEqualTo(RunOutcome.FAILED);
    }

    @Test
    void shouldSkipTheWholeDependentBuildWhenEveryChrootOfADependencyFailed() {
        var plan = monorepo();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).fail("srpm:B:build1");

        var state = run(plan, executor);

        assertThat(state.status(NodeId.parse("copr_build:B:build1")))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, "srpm:B:build1 failed");
        assertThat(state.status(NodeId.parse("srpm:A:build1")))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, "srpm:B:build1 failed");
        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F42)).reason()).isEqualTo("srpm:B:build1 failed");
        assertThat(executor.submissions("srpm:A:build1")).isZero();
        assertThat(state.status(NodeId.parse("tests:C:tests1@" + F42)).state()).isEqualTo(NodeState.SUCCEEDED);
    }

    @Test
    void shouldPropagateThePlansSkipReason() {
        var plan = new PlanBuilder().build("A", "build1", F41).tests("A", "tests1", "build1", F41)
                .build("B", "build1", F41).tests("B", "tests1", "build1", F41)
                .skip("srpm:A:build1", "unchanged").skip("copr_build:A:build1", "unchanged")
                .skip("tests:B:tests1@" + F41, "manual job not requested")
                .plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO);

        var state = run(plan, executor);

        assertThat(state.status(NodeId.parse("tests:A:tests1@" + F41)))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, "unchanged");
        assertThat(state.status(NodeId.parse("tests:B:tests1@" + F41)).reason()).isEqualTo("manual job not requested");
        assertThat(state.status(NodeId.parse("copr_build:B:build1")).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(executor.submissions("srpm:A:build1")).isZero();
        assertThat(RunOutcome.of(state.statuses(), false)).isEqualTo(RunOutcome.SUCCEEDED);
    }

    @Test
    void shouldCancelEveryRemoteJobDependentsFirst() {
        var plan = monorepo();
        var executor = new ScriptedExecutor(MINUTE.multipliedBy(10), Duration.ofSeconds(30))
                .duration("srpm:B:build1", MINUTE).duration("srpm:C:build1", MINUTE)
                .chrootDuration("copr_build:B:build1", F41, MINUTE)
                .chrootDuration("copr_build:B:build1", F42, MINUTE.multipliedBy(30))
                .chrootDuration("copr_build:C:build1", F41, MINUTE)
                .duration("tests:B:tests1@" + F41, MINUTE.multipliedBy(60));
        var state = new RunState(plan, clock, false);
        var engine = new Engine(state, NodeExecutors.all(executor), new EngineOptions(4, clock), Runnable::run);
        state.addListener((status, change) -> {
            if (clock.now().isAfter(at(5))) {
                engine.cancel();
            }
        });

        var outcome = engine.run();

        assertThat(outcome).isEqualTo(RunOutcome.CANCELLED);
        assertThat(executor.runningRemotely(clock.now())).isEmpty();
        var order = executor.cancelOrder();
        assertThat(order).contains(NodeId.parse("tests:B:tests1@" + F41), NodeId.parse("copr_build:B:build1"));
        assertThat(order.indexOf(NodeId.parse("tests:B:tests1@" + F41))).isLessThan(order.indexOf(NodeId.parse("copr_build:B:build1")));
        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state().isTerminal()).isTrue());
        assertThat(state.status(NodeId.parse("copr_build:A:build1")))
                .extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.CANCELLED, "cancelled before it started");
    }

    @Test
    void shouldNeverRunMoreStepsAtOnceThanTheLimit() {
        var builder = new PlanBuilder();
        for (int i = 0; i < 12; i++) {
            builder.build("P" + i, "build1", F41);
        }
        var inFlight = new AtomicInteger();
        var peak = new AtomicInteger();
        // the first three steps wait for each other, so three are in flight at once if the engine allows it
        var threeAtOnce = new CountDownLatch(3);
        var slow = new NodeExecutor() {
            @Override
            public Progress start(NodeRun run) {
                return step(run);
            }

            @Override
            public Progress poll(NodeRun run) {
                return step(run);
            }

            @Override
            public void cancel(NodeRun run) {
            }

            private Progress step(NodeRun run) {
                peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                threeAtOnce.countDown();
                await(threeAtOnce);
                inFlight.decrementAndGet();
                if (run.id().kind() == NodeKind.COPR_BUILD) {
                    run.reportChroot(F41, ChrootOutcome.of(NodeState.SUCCEEDED));
                }
                return Progress.succeeded();
            }
        };
        var state = new RunState(builder.plan(), EngineClock.system(), false);

        var outcome = new Engine(state, NodeExecutors.all(slow), new EngineOptions(3, EngineClock.system())).run();

        assertThat(outcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void shouldAnswerReadinessOneStepAtATimeAsAJenkinsStepWould() {
        var plan = new PlanBuilder().build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41).plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).chrootDuration("copr_build:A:build1", F42, MINUTE.multipliedBy(9));
        var state = new RunState(plan, clock, false);
        var steps = new NodeSteps(state, NodeExecutors.all(executor));
        var test = NodeId.parse("tests:A:tests1@" + F41);

        assertThat(state.readiness(test)).isEqualTo(new Readiness.Waiting(List.of("copr_build:A:build1@" + F41)));
        assertThat(steps.start(NodeId.parse("srpm:A:build1"))).isInstanceOf(Progress.Pending.class);
        clock.advanceTo(at(1));
        assertThat(steps.poll(NodeId.parse("srpm:A:build1"))).isEqualTo(Progress.succeeded());
        assertThat(steps.start(NodeId.parse("copr_build:A:build1"))).isInstanceOf(Progress.Pending.class);
        clock.advanceTo(at(2));
        assertThat(steps.poll(NodeId.parse("copr_build:A:build1"))).isInstanceOf(Progress.Pending.class);

        assertThat(state.readiness(test)).isEqualTo(new Readiness.Ready(List.of(F41), java.util.Map.of()));
        assertThat(state.status(NodeId.parse("copr_build:A:build1")).state()).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void shouldRunReleaseJobsAfterTheSameJobOfTheirDependencies() {
        var plan = new PlanBuilder().release(NodeKind.KOJI_BUILD, "B", "koji1")
                .release(NodeKind.KOJI_BUILD, "A", "koji1", "B").plan();
        var executor = new ScriptedExecutor(MINUTE, Duration.ZERO).fail("koji_build:B:koji1");

        var state = run(plan, executor);

        assertThat(state.status(NodeId.parse("koji_build:A:koji1")))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, "koji_build:B:koji1 failed");
    }

    @Test
    void shouldNotStartANodeTwiceWhileItsStartIsInFlight() {
        var plan = new PlanBuilder().build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41).plan();
        var starts = new AtomicInteger();
        var delayNextStep = new java.util.concurrent.atomic.AtomicBoolean();
        var holding = new java.util.concurrent.atomic.AtomicBoolean();
        var buildPollsWhileHeld = new CountDownLatch(5);
        var executor = new NodeExecutor() {
            private final long began = System.nanoTime();

            @Override
            public Progress start(NodeRun run) {
                if (run.id().kind() == NodeKind.TESTS) {
                    starts.incrementAndGet();
                    return Progress.pollIn(Duration.ofMillis(300));
                }
                return poll(run);
            }

            @Override
            public Progress poll(NodeRun run) {
                if (run.id().kind() != NodeKind.COPR_BUILD) {
                    return Progress.succeeded();
                }
                if (holding.get()) {
                    buildPollsWhileHeld.countDown();
                }
                if (run.status().chroot(F41).isEmpty()) {
                    // the next step dispatched is the test's start: hold it back a while
                    delayNextStep.set(true);
                }
                run.reportChroot(F41, ChrootOutcome.of(NodeState.SUCCEEDED));
                if (System.nanoTime() - began < 600_000_000L) {
                    // f42 still building: the build is polled again and again while the test starts
                    return Progress.pollIn(Duration.ofMillis(2));
                }
                run.reportChroot(F42, ChrootOutcome.of(NodeState.SUCCEEDED));
                return Progress.succeeded();
            }

            @Override
            public void cancel(NodeRun run) {
            }
        };
        var state = new RunState(plan, EngineClock.system(), false);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        // the test's start waits before it runs, as on a busy machine: a window in which the started node is still
        // WAITING on the board while its build keeps reporting (five polls of the build)
        java.util.concurrent.Executor slowPool = task -> {
            boolean delay = delayNextStep.getAndSet(false);
            pool.execute(() -> {
                if (delay) {
                    holding.set(true);
                    await(buildPollsWhileHeld);
                    holding.set(false);
                }
                task.run();
            });
        };

        RunOutcome outcome;
        try {
            outcome = new Engine(state, NodeExecutors.all(executor), new EngineOptions(4, EngineClock.system()), slowPool).run();
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(starts.get()).isEqualTo(1);
    }

    /** Waits for the latch, at most 10 s (a latch that never opens shows as a failed assertion, not a hang). */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Plan monorepo() {
        return new PlanBuilder()
                .build("B", "build1", F41, F42).tests("B", "tests1", "build1", F41, F42)
                .build("C", "build1", F41, F42).tests("C", "tests1", "build1", F41, F42)
                .build("A", "build1", F41, F42).tests("A", "tests1", "build1", F41, F42)
                .depends("A", "B", "build1").depends("A", "C", "build1")
                .plan();
    }

    private RunState run(Plan plan, ScriptedExecutor executor) {
        var state = new RunState(plan, clock, false);
        new Engine(state, NodeExecutors.all(executor), new EngineOptions(4, clock), Runnable::run).run();
        assertThat(state.isFinished()).isTrue();
        return state;
    }

    private static Instant at(int minutes) {
        return VirtualClock.ORIGIN.plus(MINUTE.multipliedBy(minutes));
    }
}
