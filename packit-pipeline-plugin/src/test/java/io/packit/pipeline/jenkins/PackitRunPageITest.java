package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.report.RunPage;
import java.io.File;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build's "Packit" page in a real Jenkins, after a rendered pipeline ran against the fakes. */
@WithJenkins
class PackitRunPageITest {
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
    void shouldShowThePackitPageInTheSidePanelWithEveryNodeItsStateAndCoprLink(JenkinsRule r) throws Exception {
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());
        PackitTestbed.index(r, project);
        var build = PackitPipelineITest.lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);

        var action = build.getAction(PackitRunPage.class);
        assertThat(action).as("the page's action").isNotNull();
        assertThat(action.getDisplayName()).isEqualTo("Packit");
        assertThat(Files.readString(new File(build.getRootDir(), "build.xml").toPath()))
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
}
