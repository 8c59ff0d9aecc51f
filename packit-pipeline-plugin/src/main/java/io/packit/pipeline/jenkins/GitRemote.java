package io.packit.pipeline.jenkins;

import jenkins.plugins.git.AbstractGitSCMSource;
import jenkins.scm.api.SCMSource;

/**
 * The remote of a Git branch source: {@code AbstractGitSCMSource#getRemote()}, which the plain Git source and the
 * GitHub, GitLab and Gitea branch sources implement (they extend it; Bitbucket's does not). Loaded only when the git plugin is
 * active ({@link JenkinsFacade#isPluginActive}): this is the one class of the plugin that refers to the git
 * plugin, an optional dependency.
 */
final class GitRemote {
    /** The short name of the git plugin. */
    static final String GIT = "git";

    private GitRemote() {
    }

    /** The remote {@code source} fetches from, as configured; empty when {@code source} is no Git source. */
    static String of(SCMSource source) {
        if (source instanceof AbstractGitSCMSource git) {
            var remote = git.getRemote();
            return remote == null ? "" : remote;
        }
        return "";
    }
}
