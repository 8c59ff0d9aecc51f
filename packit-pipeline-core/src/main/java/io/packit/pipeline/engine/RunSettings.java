package io.packit.pipeline.engine;

import io.packit.pipeline.config.PackageSettings;
import java.util.Objects;

/**
 * What the remote executors need beyond the plan: where the sources are and whom the Copr projects belong to.
 *
 * @param repoUrl     the clone URL of the repository the run builds (Copr's SRPM script clones it; the default fmf
 *                    URL), in its public form ({@link CloneUrl}: no credentials, SSH as HTTPS); empty when the run
 *                    was given none, and then each package's {@code upstream_project_url} is used
 * @param commit      the commit to build and test
 * @param repoName    the repository's name, for Packit's default Copr project names ({@code <repo>-<pr id>}, …)
 * @param coprOwner   the Copr owner of jobs that set none (usually the user of the Copr token)
 * @param polling     how often remote work is polled
 * @param coprBatches whether dependent builds are submitted at once as ordered Copr batches
 */
public record RunSettings(String repoUrl, String commit, String repoName, String coprOwner, Polling polling,
        boolean coprBatches) {
    /** The environment variable that gives a Jenkins build its repository URL (before the branch source's). */
    public static final String REPO_URL_VARIABLE = "PACKIT_REPO_URL";

    public RunSettings {
        repoUrl = CloneUrl.of(Objects.requireNonNull(repoUrl, "repoUrl"));
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(repoName, "repoName");
        Objects.requireNonNull(coprOwner, "coprOwner");
        Objects.requireNonNull(polling, "polling");
    }

    /**
     * The repository Copr clones and Testing Farm reads tmt plans from for a package: the run's {@link #repoUrl},
     * else the package's {@code upstream_project_url}, in public form; empty when neither is known.
     *
     * @throws IllegalArgumentException when the package's {@code upstream_project_url} is no repository URL
     */
    public String repositoryOf(PackageSettings pkg) {
        if (!repoUrl.isEmpty()) {
            return repoUrl;
        }
        try {
            return CloneUrl.of(pkg.upstreamProjectUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("upstream_project_url is " + e.getMessage(), e);
        }
    }

    /** The end of the message of a node that needs a repository and has none: what gives it one. */
    static String howToGiveARepository() {
        return "set upstream_project_url in packit.yaml, or give the run the repository (--repo-url on the command "
                + "line; in Jenkins the branch source's Git remote, or the " + REPO_URL_VARIABLE + " environment variable)";
    }
}
