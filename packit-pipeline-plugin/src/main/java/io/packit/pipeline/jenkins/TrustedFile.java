package io.packit.pipeline.jenkins;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;

/**
 * A file of a multibranch build read from the <em>trusted</em> revision, the way workflow-multibranch's
 * {@code SCMBinder} reads the Jenkinsfile: for a pull request from a fork that is the target branch's revision,
 * so a fork cannot change what runs with the target's credentials. When the untrusted tip has a different file,
 * the log says so and the trusted one is used.
 *
 * @param content    the file's content
 * @param origin     where it was read, for people
 * @param repository the repository's name: the multibranch project's (in an organization folder, the
 *                   repository's), Packit's default package name
 */
record TrustedFile(String content, String origin, String repository) {
    /**
     * Reads {@code path} at the trusted revision of the branch {@code run} builds.
     *
     * @throws AbortException when the run is no multibranch branch build or its SCM cannot read single files
     */
    static TrustedFile read(Run<?, ?> run, String path, TaskListener listener)
            throws IOException, InterruptedException {
        if (!(run.getParent() instanceof WorkflowJob job)) {
            throw new AbortException(notBranch(path));
        }
        var property = job.getProperty(BranchJobProperty.class);
        if (property == null || !(job.getParent() instanceof WorkflowMultiBranchProject project)) {
            throw new AbortException(notBranch(path));
        }
        var branch = property.getBranch();
        var source = project.getSCMSource(branch.getSourceId());
        if (source == null) {
            throw new AbortException("cannot read " + path + ": the SCM source " + branch.getSourceId()
                    + " of " + branch.getName() + " no longer exists");
        }
        var head = branch.getHead();
        SCMRevision tip = SCMRevisionAction.getRevision(source, run);
        if (tip == null) {
            tip = source.fetch(head, listener);
            if (tip == null) {
                throw new AbortException("cannot read " + path + ": the revision of " + branch.getName()
                        + " cannot be determined (was it deleted?)");
            }
            run.addAction(new SCMRevisionAction(source, tip));
        }
        var trusted = source.getTrustedRevision(tip, listener);
        var content = contentAt(source, head, trusted, path);
        if (!trusted.equals(tip)) {
            String untrusted;
            try {
                untrusted = contentAt(source, head, tip, path);
            } catch (IOException e) {
                untrusted = "";
            }
            if (!untrusted.equals(content)) {
                listener.getLogger().println("WARNING: " + path + " was changed in the untrusted revision " + tip
                        + "; running it as it is in the trusted revision " + trusted);
            }
        }
        return new TrustedFile(content, "revision " + trusted + " of " + branch.getName(), project.getName());
    }

    private static String contentAt(SCMSource source, SCMHead head,
            SCMRevision revision, String path) throws IOException, InterruptedException {
        try (var fs = SCMFileSystem.of(source, head, revision)) {
            if (fs == null) {
                throw new AbortException("cannot read " + path + " from " + source.getClass().getSimpleName()
                        + ": it cannot read single files at a revision (no lightweight checkout)");
            }
            var file = fs.child(path);
            if (!file.isFile()) {
                throw new AbortException(path + " does not exist in revision " + revision);
            }
            return file.contentAsString();
        }
    }

    private static String notBranch(String path) {
        return "cannot read " + path + ": packit steps read it from the trusted revision of a multibranch branch "
                + "build, and this build is not one (use a Multibranch Pipeline, with the \"by .packit.yaml\" "
                + "project factory or a rendered Jenkinsfile)";
    }
}
