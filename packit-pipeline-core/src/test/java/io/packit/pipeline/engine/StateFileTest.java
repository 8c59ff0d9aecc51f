package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.graph.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F42 = "fedora-42-x86_64";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripEveryStatusField() {
        var clock = new VirtualClock();
        var state = new RunState(EngineTest.monorepo(), clock, false);
        var build = NodeId.parse("copr_build:B:build1");
        state.markRunning(build);
        state.recordRemote(build, "copr_build_id", "8123456");
        state.addLink(build, "copr", "http://127.0.0.1:1/coprs/build/8123456");
        state.reportChroot(build, F41, new ChrootOutcome(NodeState.FAILED, "", "http://127.0.0.1:1/results/x/"));
        clock.advanceTo(clock.now().plus(MINUTE));
        state.finish(build, NodeState.FAILED, "failed on " + F41);
        state.attachJunit(NodeId.parse("tests:C:tests1@" + F42), "<testsuites/>");
        var path = dir.resolve("run.json");

        StateFile.of(state, "pr:main:1").write(path);
        var read = StateFile.read(path);

        assertThat(read.configDigest()).isEqualTo("sha256:test");
        assertThat(read.event()).isEqualTo("pr:main:1");
        assertThat(read.nodes()).isEqualTo(state.statuses());
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        assertThat(StateFile.fromJson(read.toJson(), "run action")).isEqualTo(read);
    }

    @Test
    void shouldKeepWhichBuildEachReusedChrootTookAcrossAResume() {
        var state = new RunState(EngineTest.monorepo(), new VirtualClock(), false);
        var build = NodeId.parse("copr_build:B:build1");
        var reused = new ReusedBuild(8123401, "@acme", "mono-main", "0f0e0d0c", ReusedBuild.Origin.TARGET_BRANCH);
        state.reportChroot(build, F41, ChrootOutcome.reused(reused, "http://127.0.0.1:1/results/@acme/mono-main/x/"));
        state.markRunning(build);
        state.finish(build, NodeState.REUSED, "reuses " + reused.describe());
        var path = dir.resolve("run.json");

        StateFile.of(state, "pr").write(path);
        var resumed = new RunState(EngineTest.monorepo(), new VirtualClock(), false);
        resumed.restore(StateFile.read(path).nodes());

        var status = resumed.status(build);
        assertThat(status.state()).isEqualTo(NodeState.REUSED);
        assertThat(status.reason()).isEqualTo("reuses Copr build 8123401 of commit 0f0e0d0c in @acme/mono-main (the target branch)");
        assertThat(status.chroots().get(F41)).isEqualTo(ChrootOutcome.reused(reused, "http://127.0.0.1:1/results/@acme/mono-main/x/"));
        assertThat(resumed.readiness(NodeId.parse("tests:B:tests1@" + F41))).isInstanceOf(Readiness.Ready.class);
    }

    @Test
    void shouldNeverExposeAHalfWrittenFileToAReader() throws Exception {
        var state = new RunState(bigPlan(), new VirtualClock(), false);
        var path = dir.resolve("run.json");
        StateFile.of(state, "pr").write(path);
        var stop = new AtomicBoolean();
        var writer = new Thread(() -> {
            int i = 0;
            while (!stop.get()) {
                var id = state.statuses().get(i++ % state.statuses().size()).id();
                state.recordRemote(id, "copr_build_id", Integer.toString(i));
                StateFile.of(state, "pr").write(path);
            }
        });
        writer.start();
        var sizes = new ArrayList<Integer>();
        try {
            for (int i = 0; i < 60; i++) {
                sizes.add(StateFile.read(path).nodes().size());
            }
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(sizes).containsOnly(state.statuses().size());
    }

    @Test
    void shouldRecordARemoteIdOnDiskBeforeTheStepReturns() {
        var clock = new VirtualClock();
        var state = new RunState(EngineTest.monorepo(), clock, false);
        var path = dir.resolve("run.json");
        state.addListener(StateFile.writer(state, "pr", path));
        var seen = new ArrayList<String>();
        var scripted = new ScriptedExecutor(MINUTE, Duration.ZERO);
        var executor = new NodeExecutor() {
            @Override
            public Progress start(NodeRun run) {
                var progress = scripted.start(run);
                seen.add(StateFile.read(path).nodes().stream().filter(status -> status.id().equals(run.id()))
                        .findFirst().orElseThrow().remote().get(ScriptedExecutor.JOB));
                return progress;
            }

            @Override
            public Progress poll(NodeRun run) {
                return scripted.poll(run);
            }

            @Override
            public void cancel(NodeRun run) {
                scripted.cancel(run);
            }
        };

        new Engine(state, NodeExecutors.all(executor), new EngineOptions(2, clock), Runnable::run).run();

        assertThat(seen).hasSize(state.statuses().size()).doesNotContainNull();
    }

    @Test
    void shouldResumeAfterACrashWithoutSubmittingAnythingTwice() {
        var plan = EngineTest.monorepo();
        var clock = new VirtualClock();
        var path = dir.resolve("run.json");
        var executor = new ScriptedExecutor(MINUTE.multipliedBy(5), Duration.ofSeconds(30));
        var first = new RunState(plan, clock, false);
        first.addListener(StateFile.writer(first, "pr", path));
        first.addListener((status, change) -> {
            if (change == RunListener.Change.REMOTE_ID && status.id().equals(NodeId.parse("srpm:A:build1"))) {
                throw new SimulatedCrash();
            }
        });

        assertThatThrownBy(() -> new Engine(first, NodeExecutors.all(executor), new EngineOptions(4, clock), Runnable::run).run())
                .isInstanceOf(SimulatedCrash.class);
        var submittedBeforeCrash = executor.totalSubmissions();
        assertThat(StateFile.read(path).nodes()).filteredOn(NodeStatus::hasRemoteId).isNotEmpty();

        var second = new RunState(plan, clock, false);
        second.restore(StateFile.read(path).nodes());
        var outcome = new Engine(second, NodeExecutors.all(executor), new EngineOptions(4, clock), Runnable::run).run();

        assertThat(outcome).isEqualTo(RunOutcome.SUCCEEDED);
        assertThat(submittedBeforeCrash).isGreaterThan(0);
        var submitters = second.statuses().stream().filter(status -> status.id().kind() != io.packit.pipeline.graph.NodeKind.COPR_BUILD).toList();
        for (var status : submitters) {
            assertThat(executor.submissions(status.id().toString())).as(status.id().toString()).isEqualTo(1);
        }
    }

    private static io.packit.pipeline.graph.Plan bigPlan() {
        var builder = new PlanBuilder();
        for (int i = 0; i < 100; i++) {
            builder.build("P" + i, "build1", F41, F42).tests("P" + i, "tests1", "build1", F41, F42);
        }
        return builder.plan();
    }

    private static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("simulated crash right after a remote id was recorded");
        }
    }

}
