package io.packit.pipeline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.PlanOptions;
import io.packit.pipeline.http.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which repository Copr's SRPM script clones and Testing Farm reads the tmt plans from, through the engine with
 * the real executors against the loopback fakes: the run's repository (the CLI's {@code --repo-url}, the plugin's
 * branch source), else the package's {@code upstream_project_url} — for the tests as for the build — and never
 * with the credentials a remote URL may carry.
 */
class RepositoryRunTest {
    private static final String F41 = "fedora-41-x86_64";
    private static final String COMMIT = "9f1c2e7d";
    private static final String TOKEN = "ghp_7QxS3cr3tT0k3n";

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldBuildAndTestFromUpstreamProjectUrlWhenTheRunHasNoRepository() {
        var state = run(config("upstream_project_url: https://github.com/acme/hello\n", ""), "");

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).as(status.id().toString())
                .isEqualTo(NodeState.SUCCEEDED));
        assertThat(script(state)).endsWith(" https://github.com/acme/hello");
        var tmt = tmt(state, "tests:hello:tests1@" + F41);
        assertThat(tmt.path("url").asText()).isEqualTo("https://github.com/acme/hello");
        assertThat(tmt.path("ref").asText()).isEqualTo(COMMIT);
    }

    @Test
    void shouldPreferTheRunsRepositoryAndHandItOnWithoutItsCredentials() {
        var state = run(config("upstream_project_url: https://github.com/upstream/hello\n", ""),
                "https://jdoe:" + TOKEN + "@github.com/acme/hello.git");

        assertThat(state.statuses()).allSatisfy(status -> assertThat(status.state()).isEqualTo(NodeState.SUCCEEDED));
        assertThat(script(state)).endsWith(" https://github.com/acme/hello.git");
        assertThat(tmt(state, "tests:hello:tests1@" + F41).path("url").asText())
                .isEqualTo("https://github.com/acme/hello.git");
        assertThat(services.copr().buildRequest(buildId(state)).toString()).doesNotContain(TOKEN);
        assertThat(services.farm().submitted(requestId(state, "tests:hello:tests1@" + F41)).toString())
                .doesNotContain(TOKEN);
        assertThat(StateFile.of(state, "commit").toJson()).doesNotContain(TOKEN).doesNotContain("jdoe:");
    }

    @Test
    void shouldSendNoRefForAnotherFmfUrlWithoutFmfRefAndTheRefGivenOtherwise() {
        var state = run(config("upstream_project_url: https://github.com/acme/hello\n", """
                  - job: tests
                    identifier: shared
                    trigger: commit
                    branch: main
                    fmf_url: https://gitlab.com/acme/shared-plans.git
                    targets: [fedora-41-x86_64]
                  - job: tests
                    identifier: pinned
                    trigger: commit
                    branch: main
                    fmf_url: https://gitlab.com/acme/shared-plans.git
                    fmf_ref: v2
                    targets: [fedora-41-x86_64]
                """), "");

        var shared = tmt(state, "tests:hello:shared@" + F41);
        assertThat(shared.path("url").asText()).isEqualTo("https://gitlab.com/acme/shared-plans.git");
        assertThat(shared.has("ref")).as(shared.toString()).isFalse();
        assertThat(tmt(state, "tests:hello:pinned@" + F41).path("ref").asText()).isEqualTo("v2");
        assertThat(tmt(state, "tests:hello:tests1@" + F41).path("ref").asText()).isEqualTo(COMMIT);
    }

    @Test
    void shouldFailTheNodesThatNeedARepositoryWithWhatGivesOneWhenThereIsNone() {
        var state = run(config("", ""), "");

        assertThat(state.status(NodeId.parse("srpm:hello:commit"))).extracting(NodeStatus::state, NodeStatus::reason)
                .containsExactly(NodeState.FAILED, "copr_build:hello:commit: no repository to build from: set "
                        + "upstream_project_url in packit.yaml, or give the run the repository (--repo-url on the "
                        + "command line; in Jenkins the branch source's Git remote, or the PACKIT_REPO_URL environment "
                        + "variable)");
        assertThat(services.copr().buildIds()).isEmpty();
        assertThat(services.farm().requestIds()).isEmpty();
    }

    @Test
    void shouldFailOnAnUpstreamProjectUrlThatIsNoRepositoryUrl() {
        var state = run(config("upstream_project_url: ftp://example.org/hello\n", ""), "");

        assertThat(state.status(NodeId.parse("srpm:hello:commit")).reason())
                .contains("upstream_project_url is not a repository URL: scheme 'ftp'");
        assertThat(services.copr().buildIds()).isEmpty();
    }

    private static PackitConfig config(String topLevel, String moreJobs) {
        var text = topLevel + """
                specfile_path: hello.spec
                downstream_package_name: hello
                jobs:
                  - job: copr_build
                    trigger: commit
                    branch: main
                    targets: [fedora-41-x86_64]
                  - job: tests
                    identifier: tests1
                    trigger: commit
                    branch: main
                    targets: [fedora-41-x86_64]
                """ + moreJobs;
        return new PackitConfigLoader().load("packit.yaml", text.getBytes(StandardCharsets.UTF_8)).configOrThrow();
    }

    private RunState run(PackitConfig config, String repoUrl) {
        var plan = new JobGraphPlanner(PlanOptions.DEFAULTS).plan(config, new Event.Commit("main", List.of()));
        var settings = new RunSettings(repoUrl, COMMIT, "hello", "jdoe", Polling.every(Duration.ofMillis(20)), false);
        var state = new RunState(plan, EngineClock.system(), false);
        var copr = new CoprBuildExecutor(services.coprClient(), settings);
        var farm = new TestingFarmExecutor(services.farmClient(), settings);
        new Engine(state, new NodeExecutors(Map.of(NodeKind.SRPM, copr, NodeKind.COPR_BUILD, copr, NodeKind.TESTS, farm)),
                new EngineOptions(4, EngineClock.system())).run();
        return state;
    }

    private static long buildId(RunState state) {
        return Long.parseLong(state.status(NodeId.parse("copr_build:hello:commit")).remote()
                .get(CoprBuildExecutor.BUILD_ID));
    }

    private String script(RunState state) {
        return services.copr().buildRequest(buildId(state)).path("script").asText().strip();
    }

    private static String requestId(RunState state, String node) {
        return state.status(NodeId.parse(node)).remote().get(TestingFarmExecutor.REQUEST_ID);
    }

    private com.fasterxml.jackson.databind.JsonNode tmt(RunState state, String node) {
        return services.farm().submitted(requestId(state, node)).at("/test/tmt");
    }
}
