package io.packit.pipeline.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.packit.pipeline.http.Sleeper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A pull request's build publishes a check per chroot and per Testing Farm target through checks-api, named as
 * Packit names its statuses and linking to the build's Packit page; and records the release table it resolved
 * with, from the global configuration's Bodhi.
 */
@WithJenkins
class PackitChecksITest {
    /** Resolved once, in {@code @BeforeEach}: each resolution of the parameter would start Jenkins again. */
    private JenkinsRule r;

    private PackitTestbed testbed;

    @BeforeEach
    void startFakes(JenkinsRule rule) throws Exception {
        r = rule;
        testbed = new PackitTestbed(Sleeper.system());
        testbed.install(r);
        RecordingChecks.DETAILS.clear();
    }

    @AfterEach
    void stopFakes() {
        testbed.close();
    }

    @Test
    void shouldPublishPackitNamedChecksThatEndSucceededAndLinkToTheBuildsPackitPage() throws Exception {
        var change = testbed.openPullRequest();
        var project = testbed.project(r, new PackitBranchProjectFactory());

        PackitTestbed.index(r, project);

        var build = PackitTestbed.lastBuild(project, "CR-" + change);
        r.assertBuildStatus(Result.SUCCESS, build);
        var names = List.of("rpm-build:fedora-41-x86_64", "testing-farm:fedora-41-x86_64");
        for (int i = 0; i < 100 && !allCompleted(names); i++) {
            Thread.sleep(100);
        }
        // besides Packit's checks, the junit plugin publishes the test report's check, named by the stage path
        // (JUnitResultArchiver.parseAndSummarize, as for the junit step)
        var report = "Tests / packit / hello \u00b7 pull_request / hello \u00b7 pull_request \u00b7 fedora-41-x86_64";
        assertThat(RecordingChecks.DETAILS).extracting(details -> details.getName().orElseThrow())
                .contains(report).isSubsetOf(names.get(0), names.get(1), report);
        for (var name : names) {
            var last = last(name);
            assertThat(last.getStatus()).as(name).isEqualTo(ChecksStatus.COMPLETED);
            assertThat(last.getConclusion()).as(name).isEqualTo(ChecksConclusion.SUCCESS);
            assertThat(last.getDetailsURL()).as(name).contains(r.getURL() + build.getUrl() + "packit/");
        }
        assertThat(RecordingChecks.DETAILS).extracting(ChecksDetails::toString)
                .allSatisfy(text -> assertThat(text).doesNotContain(PackitTestbed.COPR_TOKEN, PackitTestbed.TF_KEY));
        var action = build.getAction(PackitRunAction.class);
        assertThat(action.getReleaseTableOrigin()).isEqualTo("bodhi");
        assertThat(action.getReleaseTableSource()).startsWith("Bodhi " + testbed.bodhi.url());
        r.assertLogContains("Packit: target aliases resolved with Bodhi " + testbed.bodhi.url(), build);
    }

    private static boolean allCompleted(List<String> names) {
        return names.stream().allMatch(name -> RecordingChecks.DETAILS.stream().anyMatch(details ->
                details.getName().orElse("").equals(name) && details.getStatus() == ChecksStatus.COMPLETED));
    }

    private static ChecksDetails last(String name) {
        var of = RecordingChecks.DETAILS.stream().filter(details -> details.getName().orElse("").equals(name)).toList();
        assertThat(of).as(name).isNotEmpty();
        return of.get(of.size() - 1);
    }

    /** A forge that keeps every check it is given. */
    @TestExtension
    public static class RecordingChecks extends ChecksPublisherFactory {
        static final List<ChecksDetails> DETAILS = new CopyOnWriteArrayList<>();

        @Override
        protected Optional<ChecksPublisher> createPublisher(Run<?, ?> run, TaskListener listener) {
            return Optional.of(new ChecksPublisher() {
                @Override
                public void publish(ChecksDetails details) {
                    DETAILS.add(details);
                }
            });
        }
    }
}
