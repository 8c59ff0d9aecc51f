package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import hudson.util.Secret;
import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.render.RuntimePipeline;
import io.packit.pipeline.steps.StepCatalog;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import io.packit.pipeline.testingfarm.Ranch;
import io.packit.pipeline.testingfarm.TestingFarmClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import jenkins.branch.BranchProjectFactory;
import jenkins.branch.BranchSource;
import jenkins.scm.impl.mock.MockChangeRequestFlags;
import jenkins.scm.impl.mock.MockRepositoryFlags;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverChangeRequests;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What every plugin test runs against: the core's fake Copr and fake Testing Farm on loopback, the credentials
 * that point at them, and a mock repository {@value #REPO} (trust-aware, forkable) with a {@code .packit.yaml}.
 */
final class PackitTestbed implements AutoCloseable {
    static final String REPO = "hello";
    static final String COPR_TOKEN = "copr-token-5e1f0a-never-logged";
    static final String TF_KEY = "tf-key-77b2c9-never-logged";
    /** A copr_build and a tests job on pull requests, one chroot. */
    static final String CONFIG = """
            specfile_path: hello.spec
            upstream_package_name: hello
            downstream_package_name: hello
            upstream_project_url: https://github.com/example/hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-41-x86_64]
              - job: tests
                trigger: pull_request
                targets: [fedora-41-x86_64]
            """;
    /** A Copr build whose every phase takes a second. */
    static final BuildPlan QUICK = new BuildPlan(Duration.ZERO, Duration.ofSeconds(1), true, Duration.ZERO, "hello",
            "1.0-1", Map.of(), new BuildPlan.ChrootPlan(Duration.ZERO, Duration.ofSeconds(1), "succeeded"));

    final FakeCopr copr;
    final FakeTestingFarm testingFarm;
    final MockSCMController scm;
    /** The Bodhi the global configuration points at, so that no build asks the public one. */
    final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady());

    /** Fakes whose Copr builds advance on {@code coprClock}. */
    PackitTestbed(Sleeper coprClock) throws IOException {
        copr = new FakeCopr(coprClock).user("apilogin", COPR_TOKEN, "jdoe");
        copr.defaultPlan(QUICK);
        testingFarm = new FakeTestingFarm(Clock.systemUTC()).start().addApiKey(TF_KEY, Ranch.PUBLIC);
        scm = MockSCMController.create();
        scm.createRepository(REPO, MockRepositoryFlags.FORKABLE, MockRepositoryFlags.TRUST_AWARE);
        commit("master", RuntimePipeline.DEFAULT_CONFIG_FILE, CONFIG);
    }

    /** Stores the credentials, points Testing Farm at its fake and makes polling quick. */
    void install(JenkinsRule r) throws IOException {
        var store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL,
                StepCatalog.DEFAULT_COPR_CREDENTIALS, "Copr", "copr", SecretBytes.fromRawBytes(coprConfig()
                        .getBytes(StandardCharsets.UTF_8))));
        store.getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                StepCatalog.DEFAULT_TF_CREDENTIALS, "Testing Farm", Secret.fromString(TF_KEY)));
        store.save();
        r.jenkins.getGlobalNodeProperties().add(new EnvironmentVariablesNodeProperty(
                new EnvironmentVariablesNodeProperty.Entry(TestingFarmClient.URL_VARIABLE,
                        testingFarm.apiUrl().toString())));
        System.setProperty(PackitServices.POLL_SECONDS, "1");
        PackitGlobalConfiguration.get().setBodhiUrl(bodhi.url());
    }

    /** Commits {@code content} as {@code path} on {@code branchOrChange} ({@code change-request/N} for a PR). */
    void commit(String branchOrChange, String path, String content) throws IOException {
        scm.addFile(REPO, branchOrChange, "edit " + path, path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a pull request from a branch of the repository itself (trusted). */
    int openPullRequest() throws IOException {
        return scm.openChangeRequest(REPO, "master");
    }

    /** Opens a pull request from a fork (untrusted: it runs the target's .packit.yaml). */
    int openForkPullRequest() throws IOException {
        return scm.openChangeRequest(REPO, "master", MockChangeRequestFlags.FORK, MockChangeRequestFlags.UNTRUSTED);
    }

    /** A multibranch project over the repository, its branches and pull requests, built by {@code factory}. */
    WorkflowMultiBranchProject project(JenkinsRule r, BranchProjectFactory<WorkflowJob, WorkflowRun> factory)
            throws IOException {
        var project = r.jenkins.createProject(WorkflowMultiBranchProject.class, REPO);
        project.getSourcesList().add(new BranchSource(new MockSCMSource(scm, REPO, new MockSCMDiscoverBranches(),
                new MockSCMDiscoverChangeRequests())));
        project.setProjectFactory(factory);
        return project;
    }

    /** Indexes {@code project} (which builds every new head) and waits until the builds are done. */
    static void index(JenkinsRule r, WorkflowMultiBranchProject project) throws Exception {
        project.scheduleBuild2(0).getFuture().get();
        r.waitUntilNoActivity();
    }

    /** The last build of the branch job {@code name} of {@code project}, which must exist. */
    static WorkflowRun lastBuild(WorkflowMultiBranchProject project, String name) {
        var job = project.getItem(name);
        assertThat(job).as("branch job " + name).isNotNull();
        var build = job.getLastBuild();
        assertThat(build).as("build of " + name).isNotNull();
        return build;
    }

    private String coprConfig() {
        return "[copr-cli]\nlogin = apilogin\nusername = jdoe\ntoken = " + COPR_TOKEN + "\ncopr_url = " + copr.url()
                + "\n";
    }

    @Override
    public void close() {
        System.clearProperty(PackitServices.POLL_SECONDS);
        scm.close();
        bodhi.close();
        testingFarm.close();
        copr.close();
    }
}
