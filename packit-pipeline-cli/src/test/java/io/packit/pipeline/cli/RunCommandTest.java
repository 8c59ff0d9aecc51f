package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.FakeServices;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.NodeStatus;
import io.packit.pipeline.engine.StateFile;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.http.fake.Fault;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code packit-pipeline run} end to end against the fake Copr and the fake Testing Farm on loopback. */
class RunCommandTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String F40 = "fedora-40-x86_64";
    private static final Path CONFIGS = Path.of("src/test/resources/io/packit/pipeline/cli/run");

    @TempDir
    Path dir;

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldRunTheSeedsBuildsAndTestThemByBuildIdentifierStartingTestsPerChroot() throws Exception {
        services.copr().defaultPlan(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(200))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(2500), "succeeded")));

        var run = run("seed.packit.yaml", "--junit", dir.resolve("junit").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var state = state();
        assertThat(state).allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        var build1 = find(state, "copr_build:hello:build1");
        var build2 = find(state, "copr_build:hello:build2");
        assertThat(artifactIds("tests:hello:tests1@" + F41, state)).containsExactly(build1.remote().get(CoprBuildExecutor.BUILD_ID) + ":" + F41);
        assertThat(artifactIds("tests:hello:tests1@" + F40, state)).containsExactly(build1.remote().get(CoprBuildExecutor.BUILD_ID) + ":" + F40);
        assertThat(artifactIds("tests:hello:tests2@" + F41, state)).containsExactly(build2.remote().get(CoprBuildExecutor.BUILD_ID) + ":" + F41);
        assertThat(find(state, "tests:hello:tests1@" + F41).endedAt()).isBefore(build1.endedAt());
        assertThat(services.copr().buildIds()).hasSize(2);
        assertThat(run.out()).startsWith("run succeeded in ").contains("packages:\n  hello  succeeded (7 succeeded)");
        assertThat(Files.list(dir.resolve("junit")).map(path -> path.getFileName().toString()).sorted().toList())
                .containsExactly("TEST-tests_hello_tests1_fedora-40-x86_64.xml", "TEST-tests_hello_tests1_fedora-41-x86_64.xml",
                        "TEST-tests_hello_tests2_fedora-41-x86_64.xml");
        assertThat(run.err()).contains("copr_build:hello:build1 fedora-41-x86_64 succeeded");
        assertNoSecrets(run);
    }

    @Test
    void shouldSkipTheDependentBuildOnTheChrootItsDependencyFailedOnAndLeaveTheOtherPackageAlone() throws Exception {
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(200))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(200), "failed")));

        var run = run("monorepo.packit.yaml", "--max-calls", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        var cause = "copr_build:B:build1 failed on " + F40;
        var state = state();
        assertThat(find(state, "copr_build:B:build1")).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.FAILED, "failed on " + F40);
        assertThat(find(state, "copr_build:A:build1").chroots().get(F40).reason()).isEqualTo(cause);
        assertThat(find(state, "tests:A:tests1@" + F40)).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.SKIPPED, cause);
        assertThat(find(state, "tests:B:tests1@" + F40).reason()).isEqualTo(cause);
        assertThat(find(state, "tests:A:tests1@" + F41).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(state).filteredOn(status -> status.id().packageName().equals("C"))
                .allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        var buildA = Long.parseLong(find(state, "copr_build:A:build1").remote().get(CoprBuildExecutor.BUILD_ID));
        assertThat(services.copr().chrootsOf(buildA)).containsExactly(F41);
        assertThat(run.out()).contains("skipped: " + cause).contains("  C  succeeded (4 succeeded)")
                .contains("  B  failed (2 succeeded, 1 failed, 1 skipped)")
                .contains("  A  succeeded (3 succeeded, 1 skipped)").contains(F40 + " skipped: " + cause);
    }

    @Test
    void shouldRunWhatThePlanRunsAndShowTheTestsOfATargetTheBuildDoesNotBuildSkippedWithTheCause() throws Exception {
        var run = run("uncovered.packit.yaml", "--junit", dir.resolve("junit").toString());

        var cause = "copr_build:hello:pull_request does not build fedora-42-x86_64; add it to the build's targets";
        assertThat(run.exitCode()).as(run.err()).isZero();
        var state = state();
        assertThat(find(state, "tests:hello:pull_request@fedora-42-x86_64"))
                .extracting(NodeStatus::state, NodeStatus::reason).containsExactly(NodeState.SKIPPED, cause);
        assertThat(find(state, "tests:hello:pull_request@" + F41).state()).isEqualTo(NodeState.SUCCEEDED);
        assertThat(services.copr().chrootsOf(services.copr().buildIds().get(0))).containsExactly(F41);
        assertThat(services.farm().requestIds()).hasSize(1);
        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line)
                .matches("  tests:hello:pull_request@fedora-42-x86_64 +skipped +- +skipped: " + Pattern.quote(cause)));
        assertThat(run.out()).startsWith("run succeeded in ").contains("  hello  succeeded (3 succeeded, 1 skipped)");
        assertThat(Files.list(dir.resolve("junit")).map(path -> path.getFileName().toString()).toList())
                .containsExactly("TEST-tests_hello_pull_request_fedora-41-x86_64.xml");
        var warning = CONFIGS.resolve("uncovered.packit.yaml") + ":11:14: warning: tests job jobs[1] of package 'hello' "
                + "targets fedora-42-x86_64, which its build, copr_build job jobs[0], does not build: its tests are planned "
                + "as skipped, as Packit runs none there (\"No build defined for the target\"); add it to the build's "
                + "targets or remove it from the tests' targets";
        assertThat(run.err().lines().filter(line -> line.contains("warning:"))).containsExactly(warning);
    }

    @Test
    void shouldLoseNoNodeWhenServicesAnswer5xx429AndDropConnectionsAllAlong() throws Exception {
        var copr = services.copr();
        for (var path : List.of("/api_3/build-chroot/list", "/api_3/build/source-chroot", "/api_3/project", "/api_3/build/list")) {
            copr.inject(new Fault("GET", path, Fault.Kind.STATUS, 502));
            copr.inject(new Fault("GET", path, Fault.Kind.DROP_CONNECTION, 0));
            copr.inject(new Fault("GET", path, Fault.Kind.RETRY_AFTER, 1));
        }
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.RETRY_AFTER, 1));
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.DROP_CONNECTION, 0));
        copr.inject(new Fault("POST", "/api_3/build/create", Fault.Kind.GATEWAY_TIMEOUT, 0));
        copr.inject(new Fault("POST", "/api_3/project/add", Fault.Kind.STATUS, 503));
        services.farm().failNext("POST", "/v0.1/requests", Fault.retryAfter(1),
                Fault.status(503));
        services.farm().failNext("GET", "/v0.1/requests", Fault.status(500),
                Fault.disconnect(), Fault.retryAfter(1), Fault.status(502));

        var run = run("monorepo.packit.yaml");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(state()).hasSize(12).allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(copr.buildIds()).hasSize(3);
        assertThat(services.farm().requestIds()).hasSize(6);
    }

    @Test
    void shouldCancelEveryRemoteBuildAndRequestOnCtrlC() throws Exception {
        services.copr().defaultPlan(FakeServices.plan(Duration.ofMillis(100), Duration.ofSeconds(60))
                .withChroot(F41, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(200), "succeeded")));
        services.farm().defaultScript(FakeTestingFarm.Script.passing().slow(1_000_000));
        var process = launch("monorepo.packit.yaml");
        var stderr = new ArrayList<String>();
        try (var lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                stderr.add(line);
                if (line.contains(TestingFarmExecutor.REQUEST_ID)) {
                    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
                    break;
                }
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", stderr)).isTrue();
        }

        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(services.copr().buildIds()).isNotEmpty();
        assertThat(services.farm().requestIds()).isNotEmpty();
        assertThat(services.unfinishedBuilds()).isEmpty();
        assertThat(services.unfinishedRequests()).isEmpty();
        assertThat(state()).allSatisfy(status -> assertThat(status.state().isTerminal()).isTrue())
                .anySatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.CANCELLED));
    }

    @Test
    void shouldResumeAfterACrashWithoutSubmittingAnythingTwice() throws Exception {
        services.copr().defaultPlan(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(1500)));
        var process = launch("monorepo.packit.yaml", "--max-calls", "1");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> services.copr().buildIds().size() >= 2);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        var submittedBeforeCrash = services.copr().buildIds().size();
        assertThat(services.unfinishedBuilds()).isNotEmpty();

        var run = CommandRun.of(args("monorepo.packit.yaml", "--resume", dir.resolve("state.json").toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("(resumed)");
        assertThat(submittedBeforeCrash).isLessThan(3);
        assertThat(services.copr().buildIds()).hasSize(3);
        assertThat(services.farm().requestIds()).hasSize(6);
        assertThat(state()).allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
    }

    @Test
    void shouldKeepARunPageWithEveryNodeItsOutcomeReasonAndCoprLinksAndNothingFromTheNetwork() throws Exception {
        services.copr().planNext(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(200))
                .withChroot(F40, new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofMillis(200), "failed")));
        var page = dir.resolve("out/run.html");

        var run = run("monorepo.packit.yaml", "--max-calls", "1", "--report", page.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("run page: " + page.toAbsolutePath().toUri());
        var html = Files.readString(page);
        var state = state();
        assertThat(state).hasSize(12);
        for (var status : state) {
            var row = row(html, status.id().toString());
            assertThat(row).contains("data-state=\"" + status.state().key() + "\"");
            status.links().forEach((key, url) -> {
                if (url.startsWith("http")) {
                    assertThat(row).contains("href=\"" + url + "\"");
                }
            });
        }
        assertThat(state).extracting(NodeStatus::state).contains(NodeState.SUCCEEDED, NodeState.FAILED, NodeState.SKIPPED);
        var cause = "copr_build:B:build1 failed on " + F40;
        assertThat(row(html, "tests:A:tests1@" + F40)).contains("skipped: " + cause);
        assertThat(row(html, "copr_build:A:build1")).contains(F40 + ": skipped (" + cause + ")");
        assertThat(row(html, "copr_build:B:build1")).contains("<td class=\"state\">failed</td>", F40 + ": failed");
        for (var buildId : services.copr().buildIds()) {
            assertThat(html).contains("href=\"" + services.copr().url() + "/coprs/jdoe/mono-7/build/" + buildId + "/\"");
        }
        assertThat(html).doesNotContain("http-equiv=\"refresh\"").contains("data-run=\"finished\"", "data-outcome=\"failed\"");
        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe|object|embed)[^>]+(src|href|data)\\s*=")
                .doesNotContainPattern("(?i)url\\((?!#)").doesNotContain("@import");
        assertThat(html.split("<script").length - 1).isEqualTo(1);
        for (var secret : List.of(FakeServices.TOKEN, FakeServices.TF_KEY, FakeServices.LOGIN)) {
            assertThat(html).doesNotContain(secret);
        }
        assertThat(Files.list(page.getParent()).map(path -> path.getFileName().toString()).toList())
                .as("no temporary file left").containsExactly("run.html");
    }

    @Test
    void shouldKeepThePageCurrentWhileTheRunGoesAndAfterAResume() throws Exception {
        services.copr().defaultPlan(FakeServices.plan(Duration.ofMillis(100), Duration.ofMillis(1500)));
        var page = dir.resolve("run.html");
        var process = launch("monorepo.packit.yaml", "--max-calls", "1", "--report", page.toString());
        String midRun;
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(page) && Files.readString(page).contains("data-state=\"running\""));
            midRun = Files.readString(page);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(midRun).contains("<meta http-equiv=\"refresh\" content=\"5\">", "data-run=\"running\"",
                "data-state=\"waiting\"");

        var run = CommandRun.of(args("monorepo.packit.yaml", "--resume", dir.resolve("state.json").toString(),
                "--report", page.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        var html = Files.readString(page);
        assertThat(html).contains("data-outcome=\"succeeded\"", "<span class=\"count st-succeeded\">12 succeeded</span>")
                .doesNotContain("http-equiv=\"refresh\"");
        for (var status : state()) {
            assertThat(row(html, status.id().toString())).contains("data-state=\"succeeded\"");
        }
    }

    @Test
    void shouldStopBeforeSubmittingWhenThePageCannotBeWritten() throws Exception {
        var blocker = Files.writeString(dir.resolve("not-a-directory"), "");

        var run = run("monorepo.packit.yaml", "--report", blocker.resolve("run.html").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("packit-pipeline: --report: cannot write the run page to " + blocker.resolve("run.html"))
                .contains("nothing was submitted");
        assertThat(services.copr().buildIds()).isEmpty();
        assertThat(services.farm().requestIds()).isEmpty();

        var dry = run("monorepo.packit.yaml", "--dry-run", "--report", dir.resolve("run.html").toString());

        assertThat(dry.exitCode()).isEqualTo(2);
        assertThat(dry.err()).isEqualTo("packit-pipeline: --report needs a run: --dry-run runs nothing and writes no page\n");
    }

    @Test
    void shouldBuildOnlyTheChangedPackageOnceItsDependenciesHaveSuccessfulBuildsAndNothingOnARerun() throws Exception {
        var first = CommandRun.of(argsAt("monorepo.packit.yaml", "c1", "--changed", "a/x.c"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(services.copr().buildIds()).hasSize(3);
        var builtB = find(state(), "copr_build:B:build1").remote().get(CoprBuildExecutor.BUILD_ID);
        var builtC = find(state(), "copr_build:C:build1").remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(find(state(), "srpm:A:build1").startedAt()).isAfterOrEqualTo(find(state(), "copr_build:B:build1").endedAt());
        assertThat(first.out()).contains("skipped: unchanged").contains("  B  succeeded (2 succeeded, 2 skipped)");

        var second = CommandRun.of(argsAt("monorepo.packit.yaml", "c2", "--changed", "a/x.c"));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(services.copr().buildIds()).hasSize(4);
        var state = state();
        assertThat(find(state, "copr_build:B:build1")).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.REUSED, "reuses Copr build " + builtB + " of commit c1 in jdoe/mono-7");
        var builtA = find(state, "copr_build:A:build1").remote().get(CoprBuildExecutor.BUILD_ID);
        assertThat(artifactIds("tests:A:tests1@" + F41, state)).containsExactlyInAnyOrder(builtB + ":" + F41,
                builtC + ":" + F41, builtA + ":" + F41);
        assertThat(second.out()).containsPattern("copr_build:B:build1 +reused .*reuses Copr build " + builtB
                + " of commit c1 in jdoe/mono-7  " + java.util.regex.Pattern.quote(services.copr().url()))
                .contains("  B  reused (2 reused, 2 skipped)").contains("  A  succeeded (4 succeeded)");
        assertThat(second.err()).contains("copr_build:B:build1 " + F41 + " reused: Copr build " + builtB
                + " of commit c1 in jdoe/mono-7").contains("srpm:B:build1 reused");

        var rerun = CommandRun.of(argsAt("monorepo.packit.yaml", "c2", "--changed", "a/x.c"));

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(services.copr().buildIds()).hasSize(4);
        assertThat(find(state(), "copr_build:A:build1")).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.REUSED, "reuses Copr build " + builtA + " of this commit in jdoe/mono-7");

        var noReuse = CommandRun.of(argsAt("monorepo.packit.yaml", "c2", "--changed", "a/x.c", "--no-reuse"));

        assertThat(noReuse.exitCode()).as(noReuse.err()).isZero();
        assertThat(services.copr().buildIds()).hasSize(7);
        assertNoSecrets(noReuse);
    }

    @Test
    void shouldShowInADryRunTheBuildsItWouldReuseAndSubmitNothing() {
        assertThat(CommandRun.of(argsAt("monorepo.packit.yaml", "c1")).exitCode()).isZero();
        var builtB = services.copr().buildIds().size();
        services.copr().clearRequests();

        var run = CommandRun.of(argsAt("monorepo.packit.yaml", "c2", "--changed", "a/x.c", "--dry-run"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(services.copr().buildIds()).hasSize(builtB);
        assertThat(services.copr().requests()).allSatisfy(request -> assertThat(request.getMethod()).isEqualTo("GET"));
        var lines = run.out().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("srpm:B:build1")).singleElement().asString()
                .containsPattern("reuse Copr build [0-9]+ of commit c1 in jdoe/mono-7 for " + F41 + ", " + F40
                        + "; submit nothing$");
        assertThat(lines).filteredOn(line -> line.startsWith("srpm:A:build1")).singleElement().asString()
                .contains("submit a Copr build to jdoe/mono-7 on " + F41 + ", " + F40);
        assertThat(lines).filteredOn(line -> line.startsWith("tests:B:")).allSatisfy(line -> assertThat(line).contains("skipped: unchanged"));
    }

    @Test
    void shouldPrintWhatWouldBeSubmittedInOrderWithoutCallingAnything() {
        var run = run("monorepo.packit.yaml", "--dry-run", "--no-reuse");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(services.copr().requestCount()).isZero();
        assertThat(services.farm().calls()).isEmpty();
        var lines = run.out().lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(0)).startsWith("srpm:B:build1").contains("submit a Copr build to jdoe/mono-7 on " + F41 + ", " + F40)
                .contains("packit -d prepare-sources -p B --result-dir packit-srpm --ref 9f1c2e7d --pr-id 7");
        assertThat(lines).filteredOn(line -> line.startsWith("srpm:A:build1")).singleElement().asString()
                .endsWith("[after copr_build:B:build1, copr_build:C:build1]");
        assertThat(lines).filteredOn(line -> line.startsWith("tests:A:tests1@" + F41)).singleElement().asString()
                .contains("submit a Testing Farm request: Fedora-41 x86_64, tmt https://github.com/acme/mono@9f1c2e7d, artifacts of "
                        + "copr_build:B:build1@" + F41 + ", copr_build:C:build1@" + F41 + ", copr_build:A:build1@" + F41);
        assertThat(Files.exists(dir.resolve("state.json"))).isFalse();
    }

    @Test
    void shouldRefuseToRunWithoutAnEvent() {
        var run = CommandRun.of(CONFIGS.resolve("seed.packit.yaml").toString(), "--dry-run");
        var runCommand = CommandRun.of("run", CONFIGS.resolve("seed.packit.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(runCommand.exitCode()).isEqualTo(2);
        assertThat(runCommand.err()).isEqualTo("packit-pipeline: run needs an event: --event pr, commit or release\n");
    }

    private CommandRun run(String config, String... more) {
        return CommandRun.of(args(config, more));
    }

    private String[] args(String config, String... more) {
        return argsAt(config, "9f1c2e7d", more);
    }

    private String[] argsAt(String config, String commit, String... more) {
        var args = new ArrayList<>(List.of("run", CONFIGS.resolve(config).toString(), "--event", "pr", "--pr-id", "7",
                "--commit", commit, "--copr-config", services.writeCoprConfig(dir).toString(),
                "--tf-api-key-file", services.writeTfKey(dir).toString(), "--tf-url", services.farm().apiUrl().toString(),
                "--state", dir.resolve("state.json").toString(), "--poll-interval", "0.05", "--plain",
                "--no-bodhi"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private Process launch(String config, String... more) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args(config, more)));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
    }

    /** The row of node {@code id} in the run page's table of nodes. */
    private static String row(String html, String id) {
        int at = html.indexOf("data-id=\"" + id + "\" data-state=");
        assertThat(at).as("a row for %s", id).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private List<NodeStatus> state() {
        return StateFile.read(dir.resolve("state.json")).nodes();
    }

    private static NodeStatus find(List<NodeStatus> state, String id) {
        return state.stream().filter(status -> status.id().equals(NodeId.parse(id))).findFirst().orElseThrow();
    }

    private List<String> artifactIds(String testId, List<NodeStatus> state) {
        var request = services.farm().submitted(find(state, testId).remote().get(TestingFarmExecutor.REQUEST_ID));
        var ids = new ArrayList<String>();
        request.at("/environments/0/artifacts").forEach(artifact -> ids.add(artifact.path("id").asText()));
        return ids;
    }

    private void assertNoSecrets(CommandRun run) throws Exception {
        var stateText = Files.readString(dir.resolve("state.json"));
        for (var secret : List.of(FakeServices.TOKEN, FakeServices.TF_KEY)) {
            assertThat(run.out()).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
            assertThat(stateText).doesNotContain(secret);
        }
    }
}
