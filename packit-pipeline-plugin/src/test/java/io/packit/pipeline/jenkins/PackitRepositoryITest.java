package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.render.RuntimePipeline;
import java.util.List;
import jenkins.branch.BranchSource;
import jenkins.plugins.git.GitSCMSource;
import jenkins.plugins.git.GitSampleRepoRule;
import jenkins.plugins.git.junit.jupiter.WithGitSampleRepo;
import jenkins.plugins.git.traits.BranchDiscoveryTrait;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The repository Copr builds from and Testing Farm reads the tmt plans from, in a multibranch project over a real
 * Git repository with no {@code upstream_project_url} in its {@code .packit.yaml}: the branch source's remote, or
 * {@value RunSettings#REPO_URL_VARIABLE} before it, never with the credentials a URL carries.
 */
@WithJenkins
@WithGitSampleRepo
class PackitRepositoryITest {
    private static final String CONFIG = """
            specfile_path: hello.spec
            downstream_package_name: hello
            jobs:
              - job: copr_build
                trigger: commit
                branch: master
                targets: [fedora-41-x86_64]
              - job: tests
                trigger: commit
                branch: master
                targets: [fedora-41-x86_64]
            """;
    private static final String TOKEN = "ghp_9dQ2uPackitNeverLogged";

    private PackitTestbed testbed;

    @BeforeEach
    void startFakes(JenkinsRule r) throws Exception {
        testbed = new PackitTestbed(Sleeper.system());
        testbed.install(r);
    }

    @AfterEach
    void stopFakes() {
        testbed.close();
    }

    @Test
    void shouldBuildAndTestFromTheBranchSourcesGitRemote(JenkinsRule r, GitSampleRepoRule repo) throws Exception {
        var build = buildMaster(r, repo);

        var remote = "file://" + repo.getRoot().getAbsolutePath();
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("Packit: sources from " + remote + " (the branch source's Git remote)", build);
        assertThat(script()).endsWith(" " + remote);
        var tmt = testbed.testingFarm.submitted(testbed.testingFarm.requestIds().get(0)).at("/test/tmt");
        assertThat(tmt.path("url").asText()).isEqualTo(remote);
        assertThat(tmt.path("ref").asText()).isEqualTo(repo.head());
    }

    @Test
    void shouldPreferPackitRepoUrlAndNeverShowItsCredentials(JenkinsRule r, GitSampleRepoRule repo) throws Exception {
        r.jenkins.getGlobalNodeProperties().get(EnvironmentVariablesNodeProperty.class).getEnvVars()
                .put(RunSettings.REPO_URL_VARIABLE, "https://jdoe:" + TOKEN + "@github.com/acme/hello.git");

        var build = buildMaster(r, repo);

        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("Packit: sources from https://github.com/acme/hello.git (the environment variable "
                + RunSettings.REPO_URL_VARIABLE + ")", build);
        assertThat(script()).endsWith(" https://github.com/acme/hello.git");
        assertThat(JenkinsRule.getLog(build)).doesNotContain(TOKEN);
        assertThat(testbed.copr.buildRequest(testbed.copr.buildIds().get(0)).toString()).doesNotContain(TOKEN);
        assertThat(testbed.testingFarm.submitted(testbed.testingFarm.requestIds().get(0)).toString())
                .doesNotContain(TOKEN);
    }

    private WorkflowRun buildMaster(JenkinsRule r, GitSampleRepoRule repo) throws Exception {
        repo.init();
        repo.write(RuntimePipeline.DEFAULT_CONFIG_FILE, CONFIG);
        repo.git("add", RuntimePipeline.DEFAULT_CONFIG_FILE);
        repo.git("commit", "--message=packit");
        var source = new GitSCMSource(repo.toString());
        source.setTraits(List.of(new BranchDiscoveryTrait()));
        var project = r.jenkins.createProject(WorkflowMultiBranchProject.class, "hello-git");
        project.getSourcesList().add(new BranchSource(source));
        project.setProjectFactory(new PackitBranchProjectFactory());
        PackitTestbed.index(r, project);
        return PackitTestbed.lastBuild(project, "master");
    }

    private String script() {
        assertThat(testbed.copr.buildIds()).hasSize(1);
        return testbed.copr.buildRequest(testbed.copr.buildIds().get(0)).path("script").asText().strip();
    }
}
