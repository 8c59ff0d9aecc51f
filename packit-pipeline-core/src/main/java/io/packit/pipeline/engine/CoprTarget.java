package io.packit.pipeline.engine;

import io.packit.pipeline.config.JobView;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import java.util.Locale;
import java.util.Objects;

/**
 * The Copr project a build goes to: the job's {@code owner}/{@code project}, or Packit's defaults (the run's owner;
 * {@code <repo>-<pr id>}, {@code <repo>-<branch>}, {@code <repo>-releases}).
 *
 * @param owner   owner ({@code @group} for groups)
 * @param project project name
 */
public record CoprTarget(String owner, String project) {
    public CoprTarget {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(project, "project");
    }

    /** The project of build (or srpm) node {@code node} in a run of {@code event}. */
    public static CoprTarget of(Node node, Event event, RunSettings settings) {
        return of(node.view(), node.id().toString(), event, settings);
    }

    /**
     * The project the builds of job {@code view} go to for {@code event} ({@code what} names them in the error when
     * there is no owner).
     */
    static CoprTarget of(JobView view, String what, Event event, RunSettings settings) {
        var copr = view.settings().copr();
        var owner = copr.owner().isEmpty() ? settings.coprOwner() : copr.owner();
        if (owner.isEmpty()) {
            throw new IllegalArgumentException("no Copr owner for " + what
                    + ": set 'owner' in packit.yaml or 'username' in the Copr config");
        }
        var project = copr.project().isEmpty() ? defaultProject(event, settings.repoName()) : copr.project();
        return new CoprTarget(owner, project);
    }

    /** Packit's default project name for {@code event}. */
    static String defaultProject(Event event, String repoName) {
        String suffix;
        if (event instanceof Event.PullRequest pullRequest) {
            suffix = Integer.toString(pullRequest.id());
        } else if (event instanceof Event.Commit commit) {
            suffix = commit.branch();
        } else {
            suffix = "releases";
        }
        var name = (repoName.isEmpty() ? "packit" : repoName) + "-" + suffix;
        return name.replaceAll("[^A-Za-z0-9_.-]", "-").toLowerCase(Locale.ROOT);
    }

    /** {@code owner/project}. */
    public String fullName() {
        return owner + "/" + project;
    }

    /** The repository reference other projects list in {@code additional_repos}: {@code copr://owner/project}. */
    public String repo() {
        return "copr://" + fullName();
    }

    /** The web page of build {@code buildId} under {@code coprUrl}. */
    public String buildPage(String coprUrl, long buildId) {
        var base = owner.startsWith("@") ? "/coprs/g/" + owner.substring(1) : "/coprs/" + owner;
        return coprUrl + base + "/" + project + "/build/" + buildId + "/";
    }

    @Override
    public String toString() {
        return fullName();
    }
}
