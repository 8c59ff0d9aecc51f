package io.packit.pipeline.report;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.engine.ChrootOutcome;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.ReusedBuild;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A run of the worked example {@code examples/monorepo-depends} for pull request #7, played on a board in virtual
 * time through the board's own calls (as the engine makes them): common's build fails on fedora-42, which skips
 * its tests there and the other packages' fedora-42 chroots; lib is unchanged, so its build of an earlier commit
 * is reused, and its tests fail on fedora-41; app's are cancelled. Mid-run it shows every state but cancelled, at
 * the end every final state.
 */
final class RunScenario {
    static final String F41 = "fedora-41-x86_64";
    static final String F42 = "fedora-42-x86_64";
    static final String COPR = "https://copr.fedorainfracloud.org/coprs/packit/monorepo-depends-7/build/";
    static final String ARTIFACTS = "https://artifacts.dev.testing-farm.io/";

    final VirtualClock clock = new VirtualClock();
    final Plan plan;
    final RunState state;

    private RunScenario(Plan plan) {
        this.plan = plan;
        this.state = new RunState(plan, clock, false);
    }

    static Plan plan() {
        var file = Path.of(System.getProperty("project.root", "..")).resolve("examples/monorepo-depends/packit.yaml");
        try {
            var config = new PackitConfigLoader().load("packit.yaml", Files.readAllBytes(file)).configOrThrow();
            return new JobGraphPlanner().plan(config, new Event.PullRequest("main", 7, List.of(), List.of()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run 25 minutes in. */
    static RunScenario midRun() {
        return new RunScenario(plan()).playUntil(25);
    }

    /** The run at its end. */
    static RunScenario finished() {
        return new RunScenario(plan()).playUntil(Integer.MAX_VALUE);
    }

    /** Plays the run in time order, stopping (and leaving the clock) at minute {@code stop}. */
    private RunScenario playUntil(int stop) {
        srpm("common", 0, 3, 8001);
        at(12);
        chroot("copr_build:common:pull_request", F41, NodeState.SUCCEEDED, "", 8001);
        testsStart("common", F41, "0f6c5a52-3b9e-4c43-9d7e-2f1b8c3a4d01");
        at(15);
        chroot("copr_build:common:pull_request", F42, NodeState.FAILED, "", 8001);
        state.finish(id("copr_build:common:pull_request"), NodeState.FAILED, "failed on " + F42);
        skip("tests:common:pull_request@" + F42, "copr_build:common:pull_request failed on " + F42);
        libReused();
        srpm("app", 15, 18, 8003);
        chroot("copr_build:app:pull_request", F42, NodeState.SKIPPED, "copr_build:common:pull_request failed on " + F42, 8003);
        skip("tests:app:pull_request@" + F42, "copr_build:common:pull_request failed on " + F42);
        chroot("copr_build:app:pull_request", F41, NodeState.RUNNING, "", 8003);
        if (stop <= 27) {
            at(stop);
            return this;
        }
        at(27);
        testsEnd("common", F41, "0f6c5a52-3b9e-4c43-9d7e-2f1b8c3a4d01", NodeState.SUCCEEDED, "");
        at(30);
        chroot("copr_build:app:pull_request", F41, NodeState.SUCCEEDED, "", 8003);
        state.finish(id("copr_build:app:pull_request"), NodeState.SUCCEEDED, "");
        testsStart("app", F41, "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03");
        at(33);
        testsEnd("lib", F41, "5d2e7c10-8a4b-4f6e-b1c9-0e3d2a7f6b02", NodeState.FAILED,
                "Testing Farm request 5d2e7c10-8a4b-4f6e-b1c9-0e3d2a7f6b02: failed (2 of 14 tests failed)");
        at(36);
        state.finish(id("tests:app:pull_request@" + F41), NodeState.CANCELLED, "cancelled by the user (Ctrl-C)");
        return this;
    }

    /** lib did not change since commit 1a2b3c4d: its build of then is taken on fedora-41 (fedora-42 is skipped). */
    private void libReused() {
        var srpm = id("srpm:lib:pull_request");
        var build = id("copr_build:lib:pull_request");
        var reused = new ReusedBuild(7990, "packit", "monorepo-depends-7", "1a2b3c4d", ReusedBuild.Origin.EARLIER_COMMIT);
        state.markRunning(srpm);
        state.markRunning(build);
        state.reportChroot(build, F42, new ChrootOutcome(NodeState.SKIPPED, "copr_build:common:pull_request failed on " + F42, ""));
        state.reportChroot(build, F41, ChrootOutcome.reused(reused,
                "https://download.copr.fedorainfracloud.org/results/packit/monorepo-depends-7/" + F41 + "/07990/"));
        state.addLink(build, "copr", COPR + "7990/");
        state.finish(build, NodeState.REUSED, "reuses " + reused.describe());
        state.finish(srpm, NodeState.REUSED, "reuses " + reused.describe());
        skip("tests:lib:pull_request@" + F42, "copr_build:common:pull_request failed on " + F42);
        testsStart("lib", F41, "5d2e7c10-8a4b-4f6e-b1c9-0e3d2a7f6b02");
    }

    static NodeId id(String text) {
        return NodeId.parse(text);
    }

    private void at(int minutes) {
        clock.advanceTo(VirtualClock.ORIGIN.plus(Duration.ofMinutes(minutes)));
    }

    private void srpm(String pkg, int start, int end, int buildId) {
        var srpm = id("srpm:" + pkg + ":pull_request");
        at(start);
        state.markRunning(srpm);
        state.recordRemote(srpm, "copr_build_id", Integer.toString(buildId));
        state.addLink(srpm, "copr", COPR + buildId + "/");
        at(end);
        state.addLink(srpm, "srpm", COPR + buildId + "/srpm-builds/");
        state.finish(srpm, NodeState.SUCCEEDED, "");
        var build = id("copr_build:" + pkg + ":pull_request");
        state.markRunning(build);
        state.recordRemote(build, "copr_build_id", Integer.toString(buildId));
        state.addLink(build, "copr", COPR + buildId + "/");
    }

    private void chroot(String build, String chroot, NodeState outcome, String reason, int buildId) {
        var url = outcome == NodeState.SUCCEEDED || outcome == NodeState.FAILED
                ? "https://download.copr.fedorainfracloud.org/results/packit/monorepo-depends-7/" + chroot + "/0" + buildId + "/" : "";
        state.reportChroot(id(build), chroot, new ChrootOutcome(outcome, reason, url));
    }

    private void testsStart(String pkg, String chroot, String request) {
        var tests = id("tests:" + pkg + ":pull_request@" + chroot);
        state.markRunning(tests);
        state.recordRemote(tests, "tf_request_id", request);
        state.addLink(tests, "testing_farm", "https://api.dev.testing-farm.io/v0.1/requests/" + request);
    }

    private void testsEnd(String pkg, String chroot, String request, NodeState outcome, String reason) {
        var tests = id("tests:" + pkg + ":pull_request@" + chroot);
        state.addLink(tests, "testing_farm", ARTIFACTS + request);
        state.finish(tests, outcome, reason);
    }

    private void skip(String node, String reason) {
        state.finish(id(node), NodeState.SKIPPED, reason);
    }
}
