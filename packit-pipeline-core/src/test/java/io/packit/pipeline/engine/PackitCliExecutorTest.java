package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackitCliExecutorTest {
    @TempDir
    Path dir;

    @Test
    void shouldFailWithAClearMessageWhenPackitIsNotInstalled() {
        var state = run(Map.of("PATH", dir.resolve("empty").toString()));

        assertThat(state.status(NodeId.parse("koji_build:B:koji1")))
                .extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.FAILED, "the packit command line is not installed ('packit' is not on PATH); "
                        + "install it (dnf install packit, or pip install packitos) to run koji_build jobs");
        assertThat(state.status(NodeId.parse("koji_build:A:koji1")).reason()).isEqualTo("koji_build:B:koji1 failed");
    }

    @Test
    void shouldRunPackitWithTheArgumentsOfTheJobInTheRepository() throws Exception {
        var bin = Files.createDirectories(dir.resolve("bin"));
        var calls = dir.resolve("calls.txt");
        fakePackit(bin, "echo \"$PWD $*\" >> '" + calls + "'\necho done\n");

        var state = run(Map.of("PATH", bin.toString()));

        assertThat(state.status(NodeId.parse("koji_build:A:koji1")).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(Files.readAllLines(calls)).containsExactly(
                dir + " build in-koji --package B .",
                dir + " build in-koji --package A .");
        assertThat(state.status(NodeId.parse("koji_build:A:koji1")).remote()).containsKey(PackitCliExecutor.PID);
    }

    @Test
    void shouldReportTheExitStatusAndTheLastLineOfOutput() throws Exception {
        var bin = Files.createDirectories(dir.resolve("bin"));
        fakePackit(bin, "echo starting\necho 'Koji: permission denied' >&2\nexit 3\n");

        var state = run(Map.of("PATH", bin.toString()));

        assertThat(state.status(NodeId.parse("koji_build:B:koji1")).reason())
                .startsWith("packit exited with status 3: Koji: permission denied (log: ");
    }

    private RunState run(Map<String, String> environment) {
        var plan = new PlanBuilder().release(NodeKind.KOJI_BUILD, "B", "koji1")
                .release(NodeKind.KOJI_BUILD, "A", "koji1", "B").plan();
        var state = new RunState(plan, EngineClock.system(), false);
        var executor = new PackitCliExecutor(dir, "packit", environment, dir.resolve("logs"));
        new Engine(state, NodeExecutors.all(executor), new EngineOptions(2, EngineClock.system())).run();
        return state;
    }

    private static void fakePackit(Path bin, String body) throws Exception {
        var script = bin.resolve("packit");
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
