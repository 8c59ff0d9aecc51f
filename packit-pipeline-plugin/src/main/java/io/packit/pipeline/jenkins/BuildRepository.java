package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import io.packit.pipeline.engine.CloneUrl;
import io.packit.pipeline.engine.RunSettings;
import jenkins.scm.api.SCMSource;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;

/**
 * Where a build's sources are, for the core ({@link RunSettings#repoUrl}): the repository Copr's SRPM script
 * clones and the default {@code fmf_url} of the Testing Farm requests. The first of these wins:
 * <ol>
 * <li>the environment variable {@value RunSettings#REPO_URL_VARIABLE} (a build parameter, the job's or the global
 * environment);</li>
 * <li>the remote of the branch's multibranch source when it is a Git source (the git plugin is an optional
 * dependency: {@link GitRemote});</li>
 * <li>none: each package's {@code upstream_project_url} (the core's fallback).</li>
 * </ol>
 * The URL is held in public form ({@link CloneUrl}: a remote's credentials dropped, SSH as HTTPS) before it is
 * logged or handed on: Copr and Testing Farm clone it on their machines and show it to everyone.
 *
 * @param url    the public clone URL; empty when Jenkins knows none
 * @param origin where it came from, for the build log; empty when Jenkins knows none
 */
record BuildRepository(String url, String origin) {
    /** Origin of a URL from {@value RunSettings#REPO_URL_VARIABLE}. */
    static final String FROM_VARIABLE = "the environment variable " + RunSettings.REPO_URL_VARIABLE;
    /** Origin of a URL from the branch source. */
    static final String FROM_BRANCH_SOURCE = "the branch source's Git remote";

    /**
     * The repository of {@code run}, with {@code env} the environment of its steps.
     *
     * @throws AbortException when the URL found is none git could clone (the message says where it came from, and
     *                        never repeats the URL)
     */
    static BuildRepository of(Run<?, ?> run, EnvVars env) throws AbortException {
        var given = env.get(RunSettings.REPO_URL_VARIABLE, "");
        if (!given.isBlank()) {
            return publicForm(given, FROM_VARIABLE);
        }
        var source = branchSource(run);
        if (source != null && JenkinsFacade.isPluginActive(GitRemote.GIT)) {
            var remote = GitRemote.of(source);
            if (!remote.isBlank()) {
                return publicForm(remote, FROM_BRANCH_SOURCE);
            }
        }
        return new BuildRepository("", "");
    }

    /** What the build log says of it, once per controller session of the build. */
    String logLine() {
        return url.isEmpty()
                ? "Packit: Jenkins knows no repository URL of this build (no " + RunSettings.REPO_URL_VARIABLE
                        + ", no Git branch source): each package builds and tests from its upstream_project_url"
                : "Packit: sources from " + url + " (" + origin + ")" + (url.startsWith("file:")
                        ? ": a path on this machine, which Copr and Testing Farm cannot clone" : "");
    }

    private static BuildRepository publicForm(String url, String origin) throws AbortException {
        try {
            return new BuildRepository(CloneUrl.of(url), origin);
        } catch (IllegalArgumentException e) {
            throw new AbortException(origin + ": " + e.getMessage());
        }
    }

    /** The multibranch source of the branch {@code run} builds; null when it is no multibranch branch build. */
    @CheckForNull
    private static SCMSource branchSource(Run<?, ?> run) {
        if (run.getParent() instanceof WorkflowJob job
                && job.getParent() instanceof WorkflowMultiBranchProject project) {
            var property = job.getProperty(BranchJobProperty.class);
            return property == null ? null : project.getSCMSource(property.getBranch().getSourceId());
        }
        return null;
    }
}
