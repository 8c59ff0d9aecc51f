package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisher;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.forge.ForgeStatus;
import io.packit.pipeline.forge.ForgeStatusPublisher;
import io.packit.pipeline.forge.ForgeStatusReporter;
import io.packit.pipeline.forge.StatusNames;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The build's forge statuses through the Checks API plugin ({@code checks-api}), which hands them to the forge's
 * implementation (GitHub check runs through {@code github-checks}); without one, checks-api's null publisher drops
 * them. Loaded only when checks-api is active ({@link JenkinsFacade#isPluginActive}): this is the one class of
 * the plugin that refers to checks-api, an optional dependency.
 *
 * <p>Checks are published on {@code Computer.threadPoolForRemoting}, one at a time and in order (never on the
 * CPS VM thread, nor while the run's state is locked); a failure to publish is logged for the admin and the build
 * goes on.
 */
final class ForgeChecks implements ForgeStatusPublisher {
    /** The short name of the Checks API plugin. */
    static final String CHECKS_API = "checks-api";
    /** The URL name of the build's Packit page, the action every check links to. */
    static final String RUN_PAGE = "packit";

    private static final Logger LOGGER = Logger.getLogger(ForgeChecks.class.getName());

    private final Run<?, ?> run;
    /** Made on the first publication, on the publishing thread: finding the forge's publisher may ask the SCM. */
    @CheckForNull
    private ChecksPublisher publisher;

    private ForgeChecks(Run<?, ?> run) {
        this.run = run;
    }

    /** Publishes the statuses of {@code state}, the board of {@code run}, from now on. */
    static void attach(Run<?, ?> run, RunState state) {
        var plan = state.plan();
        ForgeStatusReporter.attach(state, StatusNames.of(plan.config(), plan.event()), runPage(run),
                new ForgeChecks(run), Computer.threadPoolForRemoting);
    }

    @Override
    public void publish(ForgeStatus status) {
        if (publisher == null) {
            // no listener: the forge implementation's own lines ("GitHub check ... has been published") stay out of
            // the build log, and so does the null publisher's when no forge implementation is installed
            publisher = ChecksPublisherFactory.fromRun(run, TaskListener.NULL);
        }
        publisher.publish(details(status));
    }

    @Override
    public void failed(ForgeStatus status, RuntimeException failure) {
        LOGGER.log(Level.WARNING, "could not publish the check " + status.name() + " of " + run, failure);
    }

    /** The check of {@code status}. */
    static ChecksDetails details(ForgeStatus status) {
        var builder = new ChecksDetails.ChecksDetailsBuilder()
                .withName(status.name())
                .withStatus(status(status.phase()))
                .withConclusion(conclusion(status.conclusion()))
                .withOutput(new ChecksOutput.ChecksOutputBuilder()
                        .withTitle(status.title())
                        .withSummary(status.summaryMarkdown())
                        .build());
        if (!status.detailsUrl().isEmpty()) {
            builder.withDetailsURL(status.detailsUrl());
        }
        var started = time(status.startedAt());
        if (started != null) {
            builder.withStartedAt(started);
        }
        var completed = time(status.completedAt());
        if (completed != null) {
            builder.withCompletedAt(completed);
        }
        return builder.build();
    }

    /** The build's Packit page, absolute (checks need one); empty when Jenkins' URL is not configured. */
    private static String runPage(Run<?, ?> run) {
        var root = JenkinsFacade.rootUrl();
        if (root == null || !(root.startsWith("https://") || root.startsWith("http://"))) {
            return "";
        }
        return (root.endsWith("/") ? root : root + "/") + run.getUrl() + RUN_PAGE + "/";
    }

    private static ChecksStatus status(ForgeStatus.Phase phase) {
        return switch (phase) {
            case QUEUED -> ChecksStatus.QUEUED;
            case IN_PROGRESS -> ChecksStatus.IN_PROGRESS;
            case COMPLETED -> ChecksStatus.COMPLETED;
        };
    }

    private static ChecksConclusion conclusion(ForgeStatus.Conclusion conclusion) {
        return switch (conclusion) {
            case NONE -> ChecksConclusion.NONE;
            case SUCCESS -> ChecksConclusion.SUCCESS;
            case FAILURE -> ChecksConclusion.FAILURE;
            case NEUTRAL -> ChecksConclusion.NEUTRAL;
            case SKIPPED -> ChecksConclusion.SKIPPED;
            case CANCELLED -> ChecksConclusion.CANCELED;
        };
    }

    @CheckForNull
    private static LocalDateTime time(@CheckForNull Instant instant) {
        // checks-api takes local times; github-checks reads them as UTC (GitHubChecksDetails#getStartedAt)
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
