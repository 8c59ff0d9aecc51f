package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.slaves.EnvironmentVariablesNodeProperty;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.render.RuntimePipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jenkins.branch.BranchSource;
import jenkins.plugins.git.GitSCMSource;
import jenkins.plugins.git.traits.BranchDiscoveryTrait;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The repository Copr builds from and Testing Farm reads the tmt plans from, in a multibranch project over a real
 * Git repository with no {@code upstream_project_url} in its {@code .packit.yaml}: the branch source's remote, or
 * {@value RunSettings#REPO_URL_VARIABLE} before it, never with the credentials a URL carries.
 */
@WithJenkins
class PackitRepositoryITest {
    /** Resolved once, in {@code @BeforeEach}: each resolution of the parameter would start Jenkins again. */
    private JenkinsRule r;

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
    /** A Git repository with {@code .packit.yaml} on {@code master}, made with the git command line. */
    @TempDir
    Path repo;

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
    void shouldBuildAndTestFromTheBranchSourcesGitRemote() throws Exception {
        var build = buildMaster(r);

        var remote = "file://" + repo.toAbsolutePath();
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("Packit: sources from " + remote + " (the branch source's Git remote)", build);
        assertThat(script()).endsWith(" " + remote);
        var tmt = testbed.testingFarm.submitted(testbed.testingFarm.requestIds().get(0)).at("/test/tmt");
        assertThat(tmt.path("url").asText()).isEqualTo(remote);
        assertThat(tmt.path("ref").asText()).isEqualTo(git("rev-parse", "HEAD").strip());
    }

    @Test
    void shouldPreferPackitRepoUrlAndNeverShowItsCredentials() throws Exception {
        r.jenkins.getGlobalNodeProperties().get(EnvironmentVariablesNodeProperty.class).getEnvVars()
                .put(RunSettings.REPO_URL_VARIABLE, "https://jdoe:" + TOKEN + "@github.com/acme/hello.git");

        var build = buildMaster(r);

        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("Packit: sources from https://github.com/acme/hello.git (the environment variable "
                + RunSettings.REPO_URL_VARIABLE + ")", build);
        assertThat(script()).endsWith(" https://github.com/acme/hello.git");
        assertThat(JenkinsRule.getLog(build)).doesNotContain(TOKEN);
        assertThat(testbed.copr.buildRequest(testbed.copr.buildIds().get(0)).toString()).doesNotContain(TOKEN);
        assertThat(testbed.testingFarm.submitted(testbed.testingFarm.requestIds().get(0)).toString())
                .doesNotContain(TOKEN);
    }

    private WorkflowRun buildMaster(JenkinsRule r) throws Exception {
        git("init", "--quiet", "--initial-branch=master");
        Files.writeString(repo.resolve(RuntimePipeline.DEFAULT_CONFIG_FILE), CONFIG, StandardCharsets.UTF_8);
        git("add", RuntimePipeline.DEFAULT_CONFIG_FILE);
        git("-c", "user.name=Packit Test", "-c", "user.email=packit@example.org", "commit", "--quiet",
                "--message=packit");
        var source = new GitSCMSource(repo.toAbsolutePath().toString());
        source.setTraits(List.of(new BranchDiscoveryTrait()));
        var project = r.jenkins.createProject(WorkflowMultiBranchProject.class, "hello-git");
        project.getSourcesList().add(new BranchSource(source));
        project.setProjectFactory(new PackitBranchProjectFactory());
        PackitTestbed.index(r, project);
        return PackitTestbed.lastBuild(project, "master");
    }

    /** Runs git in the repository; its output. */
    private String git(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("git " + String.join(" ", args) + " ended").isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args) + ": " + output).isZero();
        return output;
    }

    private String script() {
        assertThat(testbed.copr.buildIds()).hasSize(1);
        return testbed.copr.buildRequest(testbed.copr.buildIds().get(0)).path("script").asText().strip();
    }
}
