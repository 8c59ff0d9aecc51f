package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.packit.pipeline.http.VirtualSleeper;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart while a Copr build runs (the fake Copr's clock stands still until the second session): the
 * build resumes polling the same Copr build (its id was saved with the build) and never submits it again.
 */
class PackitRestartITest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldResumePollingAfterARestartWithoutSubmittingAgain() throws Throwable {
        var coprClock = new VirtualSleeper();
        try (var testbed = new PackitTestbed(coprClock)) {
            var change = testbed.openPullRequest();
            var job = "CR-" + change;
            sessions.then(r -> {
                testbed.install(r);
                var project = testbed.project(r, new PackitBranchProjectFactory());
                project.scheduleBuild2(0).getFuture().get();
                var build = PackitPipelineITest.waitForBuild(waitForJob(project, job));
                r.waitForMessage("srpm:hello:pull_request: running", build);
                assertThat(testbed.copr.buildIds()).hasSize(1);
            });
            sessions.then(r -> {
                var build = r.jenkins.getItemByFullName(PackitTestbed.REPO + "/" + job, WorkflowJob.class)
                        .getBuildByNumber(1);
                coprClock.advance(Duration.ofHours(1));

                r.waitForCompletion(build);

                r.assertBuildStatus(Result.SUCCESS, build);
                r.assertLogContains("srpm:hello:pull_request: succeeded", build);
                r.assertLogContains("copr_build:hello:pull_request: succeeded", build);
                assertThat(testbed.copr.buildIds()).hasSize(1);
                assertThat(testbed.testingFarm.requestIds()).hasSize(1);
            });
        }
    }

    private static WorkflowJob waitForJob(WorkflowMultiBranchProject project, String name)
            throws InterruptedException {
        for (int i = 0; i < 600 && project.getItem(name) == null; i++) {
            Thread.sleep(100);
        }
        assertThat(project.getItem(name)).as("branch job " + name).isNotNull();
        return project.getItem(name);
    }

    /** Lightweight reads of the mock repositories. */
    @TestExtension
    public static final class Files extends MockScmFiles {
    }
}
