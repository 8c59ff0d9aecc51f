package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.packit.pipeline.http.Sleeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A repository whose SCM cannot read single files (scm-api's mock SCM without {@link MockScmFiles}: no
 * {@code SCMFileSystem}): {@code .packit.yaml} is read by a checkout of the trusted revision on the controller,
 * as workflow-multibranch falls back to one for a Jenkinsfile.
 */
@WithJenkins
class PackitCheckoutITest {
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
    void shouldReadTheConfigByACheckoutWhenTheScmCannotReadSingleFiles() throws Exception {
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var job = project.getItem("CR-" + change);
        assertThat(job).as("branch job of the pull request").isNotNull();
        var build = job.getLastBuild();
        assertThat(build).isNotNull();
        r.assertBuildStatus(Result.SUCCESS, build);
        r.assertLogContains("MockSCMSource cannot read single files at ", build);
        r.assertLogContains("to read .packit.yaml", build);
        assertThat(build.getAction(PackitRunAction.class).getConfigText()).isEqualTo(PackitTestbed.CONFIG);
        assertThat(testbed.copr.buildIds()).hasSize(1);
    }
}
