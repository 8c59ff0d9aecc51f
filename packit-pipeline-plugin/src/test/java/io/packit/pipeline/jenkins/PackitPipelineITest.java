package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.tasks.junit.TestResultAction;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.report.RunPage;
import io.packit.pipeline.steps.StepCatalog;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.pipeline.StageStatus;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowBranchProjectFactory;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin in a real Jenkins, against the core's fake Copr and fake Testing Farm: each step, a rendered
 * pipeline end to end, skipping with the root cause, a stale Jenkinsfile, an abort that cancels the remote build,
 * and a fork pull request that edits {@code .packit.yaml}.
 */
@WithJenkins
class PackitPipelineITest {
    /** Resolved once, in {@code @BeforeEach}: each resolution of the parameter would start Jenkins again. */
    private JenkinsRule r;

    private PackitTestbed testbed;

    @BeforeEach
    void startFakes(JenkinsRule rule) throws Exception {
        r = rule;
        testbed = new PackitTestbed(Sleeper.system());
        testbed.install(r);
    }

    @AfterEach
    void stopFakes() {
        testbed.close();
    }

    @Test
    void shouldRegisterEveryStepOfTheCatalogWithItsArguments() {
        var expected = Map.of(
                StepCatalog.SRPM, Set.of(StepCatalog.ARG_NODE, StepCatalog.ARG_NEEDS),
                StepCatalog.COPR_BUILD, Set.of(StepCatalog.ARG_NODE, StepCatalog.ARG_NEEDS, StepCatalog.ARG_CHROOTS),
                StepCatalog.TESTING_FARM, Set.of(StepCatalog.ARG_NODE, StepCatalog.ARG_NEEDS, StepCatalog.ARG_TARGET),
                StepCatalog.CLI, Set.of(StepCatalog.ARG_NODE, StepCatalog.ARG_NEEDS, StepCatalog.ARG_COMMAND,
                        StepCatalog.ARG_ARGS),
                StepCatalog.GROUP, Set.of(StepCatalog.ARG_NODES));
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(StepCatalog.STEPS);
        expected.forEach((name, arguments) -> {
            var descriptor = StepDescriptor.byFunctionName(name);
            assertThat(descriptor).as(name).isNotNull();
            var parameters = DescribableModel.of(descriptor.clazz).getParameters().stream()
                    .map(DescribableParameter::getName).toList();
            assertThat(parameters).as(name).containsExactlyInAnyOrderElementsOf(arguments);
        });
        // getRequiredContext() is Set<? extends Class<?>> (workflow-step-api StepDescriptor.java:69): copied, so
        // AssertJ takes Class arguments
        Set<Class<?>> cli = new HashSet<>(StepDescriptor.byFunctionName(StepCatalog.CLI).getRequiredContext());
        Set<Class<?>> copr = new HashSet<>(StepDescriptor.byFunctionName(StepCatalog.COPR_BUILD).getRequiredContext());
        assertThat(cli).contains(hudson.FilePath.class, hudson.Launcher.class);
        assertThat(copr).doesNotContain(hudson.FilePath.class, hudson.Launcher.class);
    }

    @Test
    void shouldRunARenderedPipelineEndToEndAndPublishTheTestResults() throws Exception {
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("Rendered the pipeline from .packit.yaml", build);
        r.assertLogContains("srpm:hello:pull_request: succeeded", build);
        r.assertLogContains("copr_build:hello:pull_request fedora-41-x86_64: succeeded", build);
        r.assertLogContains("tests:hello:pull_request@fedora-41-x86_64: succeeded", build);
        assertThat(testbed.copr.buildIds()).hasSize(1);
        assertThat(testbed.testingFarm.requestIds()).hasSize(1);
        var tests = build.getAction(TestResultAction.class);
        assertThat(tests).isNotNull();
        assertThat(tests.getTotalCount()).isPositive();
        assertThat(tests.getFailCount()).isZero();
        assertThat(JenkinsRule.getLog(build)).doesNotContain(PackitTestbed.COPR_TOKEN, PackitTestbed.TF_KEY);
        assertThat(build.getAction(PackitRunAction.class).getConfigText()).isEqualTo(PackitTestbed.CONFIG);
    }

    @Test
    void shouldRunTheStepsOfACommittedJenkinsfileReadingTheConfigFromTheTrustedRevision()
            throws Exception {
        var config = RuntimePipeline.load(".packit.yaml", PackitTestbed.CONFIG.getBytes(StandardCharsets.UTF_8),
                PackitTestbed.REPO);
        testbed.commit("master", "Jenkinsfile", RuntimePipeline.render(config));
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new WorkflowBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("copr_build:hello:pull_request: succeeded", build);
        assertThat(build.getAction(PackitRunAction.class).getOrigin()).contains("CR-" + change);
    }

    @Test
    void shouldSkipTheTestsOfAFailedChrootWithTheRootCauseAndShowTheStageSkipped() throws Exception {
        // two chroots: each chroot's tests are a parallel branch of their own that waits for its chroot's build
        testbed.commit("master", RuntimePipeline.DEFAULT_CONFIG_FILE,
                PackitTestbed.CONFIG.replace("[fedora-41-x86_64]", "[fedora-41-x86_64, fedora-42-x86_64]"));
        var build = pullRequestBuildWithFedora41Failing();

        r.assertLogContains("tests:hello:pull_request@fedora-41-x86_64: skipped "
                + "(copr_build:hello:pull_request failed on fedora-41-x86_64)", build);
        // the chroot that built is tested
        assertThat(testbed.testingFarm.requestIds()).hasSize(1);
        assertThat(stage(build, "hello \u00b7 pull_request \u00b7 fedora-41-x86_64"))
                .matches(StageStatus::isSkippedStage, "is skipped");
        // the stage is a parallel branch: its branch node carries the tag too, as Declarative tags it
        assertThat(branch(build, "hello \u00b7 pull_request \u00b7 fedora-41-x86_64"))
                .matches(StageStatus::isSkippedStage, "is skipped");
        assertThat(stage(build, "hello \u00b7 pull_request \u00b7 fedora-42-x86_64"))
                .matches(node -> !StageStatus.isSkippedStage(node), "is not skipped");
        assertThat(stage(build, "hello \u00b7 copr pull_request"))
                .matches(node -> !StageStatus.isSkippedStage(node), "is not skipped");
    }

    @Test
    void shouldSkipTheTestsChainedAfterAFailedBuildInTheSameBranch() throws Exception {
        // one chroot: the renderer chains the tests after the build in one branch (StageLayouter), so a failed
        // build ends the branch and Declarative skips the tests stage for the earlier failure
        var build = pullRequestBuildWithFedora41Failing();

        r.assertLogContains("copr_build:hello:pull_request: failed (failed on fedora-41-x86_64)", build);
        r.assertLogContains("Stage \"hello \u00b7 pull_request \u00b7 fedora-41-x86_64\" skipped due to earlier "
                + "failure(s)", build);
        assertThat(testbed.testingFarm.requestIds()).isEmpty();
        assertThat(stage(build, "hello \u00b7 pull_request \u00b7 fedora-41-x86_64"))
                .matches(StageStatus::isSkippedStage, "is skipped");
    }

    /** Builds a pull request by .packit.yaml while Copr fails fedora-41-x86_64; the build failed. */
    private WorkflowRun pullRequestBuildWithFedora41Failing() throws Exception {
        testbed.copr.defaultPlan(PackitTestbed.QUICK.withChroot("fedora-41-x86_64",
                new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofSeconds(1), "failed")));
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.FAILURE, build);
        return build;
    }

    @Test
    void shouldRefuseAJenkinsfileRenderedFromAnotherConfig() throws Exception {
        var older = PackitTestbed.CONFIG.replace("fedora-41-x86_64]", "fedora-41-x86_64]\n    # older");
        var config = RuntimePipeline.load(".packit.yaml", older.getBytes(StandardCharsets.UTF_8),
                PackitTestbed.REPO);
        testbed.commit("master", "Jenkinsfile", RuntimePipeline.render(config));
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new WorkflowBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("the Jenkinsfile is stale", build);
        assertThat(testbed.copr.buildIds()).isEmpty();
    }

    @Test
    void shouldFailTheTestsNodeWhenTestingFarmReportsFailuresAndStillPublishThem() throws Exception {
        testbed.testingFarm.defaultScript(FakeTestingFarm.Script.failing());
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains("tests:hello:pull_request@fedora-41-x86_64: failed", build);
        var tests = build.getAction(TestResultAction.class);
        assertThat(tests).isNotNull();
        assertThat(tests.getFailCount()).isPositive();
    }

    @Test
    void shouldCancelTheCoprBuildWhenTheBuildIsAborted() throws Exception {
        testbed.copr.defaultPlan(PackitTestbed.QUICK.withChroot("fedora-41-x86_64",
                new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofHours(2), "succeeded")));
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());
        project.scheduleBuild2(0).getFuture().get();
        var job = waitForJob(project, "CR-" + change);
        var build = waitForBuild(job);
        r.waitForMessage("copr_build:hello:pull_request: running", build);

        build.doStop();

        r.waitForCompletion(build);
        r.assertBuildStatus(Result.ABORTED, build);
        var buildId = testbed.copr.buildIds().get(0);
        assertThat(testbed.copr.chrootState(buildId, "fedora-41-x86_64")).isEqualTo("canceled");
        r.assertLogContains("copr_build:hello:pull_request: cancelled", build);
    }

    @Test
    void shouldRunTheTargetsConfigForAForkPullRequestThatEditsIt() throws Exception {
        var change = testbed.openForkPullRequest();
        testbed.commit("change-request/" + change, RuntimePipeline.DEFAULT_CONFIG_FILE,
                PackitTestbed.CONFIG.replace("targets: [fedora-41-x86_64]\n  - job: tests",
                        "targets: [fedora-41-x86_64]\n    owner: mallory\n  - job: tests"));
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("WARNING: .packit.yaml was changed in the untrusted revision", build);
        assertThat(build.getAction(PackitRunAction.class).getConfigText()).isEqualTo(PackitTestbed.CONFIG);
        assertThat(testbed.copr.project("mallory", "hello-" + change)).isNull();
        assertThat(testbed.copr.project("jdoe", "hello-" + change)).isNotNull();
    }

    @Test
    void shouldRunEveryNodeOfAGroupInOneStageEachAsSoonAsItsNeedsSucceeded() throws Exception {
        testbed.commit("master", "Jenkinsfile", """
                pipeline {
                    agent none
                    environment { PACKIT_CONFIG = '.packit.yaml' }
                    stages {
                        stage('hello') {
                            steps { packitGroup(nodes: ['package:hello']) }
                        }
                    }
                }
                """);
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new WorkflowBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("srpm:hello:pull_request: succeeded", build);
        r.assertLogContains("tests:hello:pull_request@fedora-41-x86_64: succeeded", build);
        assertThat(testbed.copr.buildIds()).hasSize(1);
        assertThat(build.getAction(TestResultAction.class)).isNotNull();
    }

    @Test
    void shouldRunTheCliNodeOnTheStagesAgentAndFailItWhenPackitFails() throws Exception {
        var withKoji = PackitTestbed.CONFIG + """
                  - job: koji_build
                    trigger: commit
                    dist_git_branches: [fedora-rawhide]
                """;
        testbed.commit("master", ".packit.yaml", withKoji);
        var config = RuntimePipeline.load(".packit.yaml", withKoji.getBytes(StandardCharsets.UTF_8),
                PackitTestbed.REPO);
        var plan = RuntimePipeline.planFor(config);
        var kojiNode = plan.nodes().stream()
                .filter(node -> node.kind() == io.packit.pipeline.graph.NodeKind.KOJI_BUILD)
                .findFirst().orElseThrow();
        var koji = kojiNode.id();
        // the plan's own arguments: a step runs only what the plan says (packit is not installed on the agent)
        var args = io.packit.pipeline.graph.CliCommands.of(kojiNode, plan).written().stream()
                .map(arg -> "'" + arg + "'").collect(java.util.stream.Collectors.joining(", "));
        testbed.commit("master", "Jenkinsfile", """
                node {
                    withEnv(['PACKIT_CONFIG=.packit.yaml']) {
                        packitCli(node: '%s', needs: [], args: [%s])
                    }
                }
                """.formatted(koji, args));
        var project = testbed.project(r, new WorkflowBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = lastBuild(project, "master");
        r.assertBuildStatus(Result.FAILURE, build);
        r.assertLogContains(koji + ": failed", build);
    }

    @Test
    void shouldShowThePackitPageInTheSidePanelWithEveryNodeItsStateAndCoprLink() throws Exception {
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());
        PackitTestbed.index(r, project);
        var build = lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);

        var action = build.getAction(PackitRunPage.class);
        assertThat(action).as("the page's action").isNotNull();
        assertThat(action.getDisplayName()).isEqualTo("Packit");
        assertThat(java.nio.file.Files.readString(new File(build.getRootDir(), "build.xml").toPath()))
                .as("transient: nothing stored in build.xml").doesNotContain("PackitRunPage");

        try (var web = r.createWebClient()) {
            var side = web.goTo(build.getUrl()).getWebResponse().getContentAsString();
            assertThat(side).contains("href=\"" + r.contextPath + "/" + build.getUrl() + PackitRunPage.URL_NAME + "\"", "Packit");

            var response = web.goTo(build.getUrl() + PackitRunPage.URL_NAME + "/").getWebResponse();
            var html = response.getContentAsString();
            assertThat(response.getResponseHeaderValue("Content-Security-Policy")).isEqualTo(RunPage.contentSecurityPolicy());
            assertThat(html).contains("data-id=\"srpm:hello:pull_request\" data-state=\"succeeded\"",
                    "data-id=\"copr_build:hello:pull_request\" data-state=\"succeeded\"",
                    "data-id=\"tests:hello:pull_request@fedora-41-x86_64\" data-state=\"succeeded\"",
                    "href=\"" + testbed.copr.url() + "/coprs/jdoe/");
            assertThat(html).as("the build has ended").doesNotContain("http-equiv=\"refresh\"");
            assertThat(html).doesNotContain(PackitTestbed.COPR_TOKEN, PackitTestbed.TF_KEY);
        }
    }

    private static WorkflowRun lastBuild(org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject project,
            String name) {
        return PackitTestbed.lastBuild(project, name);
    }

    private static org.jenkinsci.plugins.workflow.job.WorkflowJob waitForJob(
            org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject project, String name)
            throws InterruptedException {
        for (int i = 0; i < 600 && project.getItem(name) == null; i++) {
            Thread.sleep(100);
        }
        var job = project.getItem(name);
        assertThat(job).as("branch job " + name).isNotNull();
        return job;
    }

    static WorkflowRun waitForBuild(org.jenkinsci.plugins.workflow.job.WorkflowJob job) throws InterruptedException {
        for (int i = 0; i < 600 && job.getLastBuild() == null; i++) {
            Thread.sleep(100);
        }
        assertThat(job.getLastBuild()).as("a build of " + job.getName()).isNotNull();
        return job.getLastBuild();
    }

    private static FlowNode stage(WorkflowRun build, String name) {
        List<FlowNode> stages = new DepthFirstScanner().filteredNodes(build.getExecution(),
                node -> node.getDisplayName().equals(name) && node.getPersistentAction(
                        org.jenkinsci.plugins.workflow.actions.LabelAction.class) != null);
        assertThat(stages).as("stage " + name).isNotEmpty();
        return stages.get(stages.size() - 1);
    }

    private static FlowNode branch(WorkflowRun build, String name) {
        List<FlowNode> branches = new DepthFirstScanner().filteredNodes(build.getExecution(), node -> {
            var thread = node.getPersistentAction(org.jenkinsci.plugins.workflow.actions.ThreadNameAction.class);
            return thread != null && thread.getThreadName().equals(name);
        });
        assertThat(branches).as("parallel branch " + name).isNotEmpty();
        return branches.get(0);
    }

    /** Lightweight reads of the mock repositories. */
    @TestExtension
    public static final class Files extends MockScmFiles {
    }
}
