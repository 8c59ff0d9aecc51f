package io.packit.pipeline.engine;

import java.util.Objects;

/**
 * What the remote executors need beyond the plan: where the sources are and whom the Copr projects belong to.
 *
 * @param repoUrl     the upstream repository's clone URL (Copr's SRPM script clones it; the default fmf URL)
 * @param commit      the commit to build and test
 * @param repoName    the repository's name, for Packit's default Copr project names ({@code <repo>-<pr id>}, …)
 * @param coprOwner   the Copr owner of jobs that set none (usually the user of the Copr token)
 * @param polling     how often remote work is polled
 * @param coprBatches whether dependent builds are submitted at once as ordered Copr batches
 */
public record RunSettings(String repoUrl, String commit, String repoName, String coprOwner, Polling polling,
        boolean coprBatches) {
    public RunSettings {
        Objects.requireNonNull(repoUrl, "repoUrl");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(repoName, "repoName");
        Objects.requireNonNull(coprOwner, "coprOwner");
        Objects.requireNonNull(polling, "polling");
    }
}
