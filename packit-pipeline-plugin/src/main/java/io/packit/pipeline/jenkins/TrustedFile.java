package io.packit.pipeline.jenkins;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import hudson.scm.SCM;
import io.packit.pipeline.render.TrustedConfigRead;
import java.io.File;
import java.io.IOException;
import jenkins.scm.api.SCMFile;
import jenkins.scm.api.SCMFileSystem;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.SCMRevision;
import jenkins.scm.api.SCMRevisionAction;
import jenkins.scm.api.SCMSource;
import jenkins.util.SystemProperties;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.multibranch.BranchJobProperty;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.jenkinsci.plugins.workflow.steps.scm.GenericSCMStep;

/**
 * A file of a multibranch build read from the <em>trusted</em> revision, the way workflow-multibranch's
 * {@code SCMBinder} reads the Jenkinsfile: for a pull request from a fork that is the target branch's revision,
 * so a fork cannot change what runs with the target's credentials. When the untrusted tip has a different file,
 * the log says so and the trusted one is used. The file is read through the SCM's file system when it has one;
 * otherwise (or when {@link TrustedConfigRead#HEAVYWEIGHT_SWITCH} is set, or that read fails) the trusted
 * revision is checked out on the controller, as {@code CpsScmFlowDefinition} does for {@code SCMBinder}
 * ({@link TrustedConfigRead} decides).
 *
 * @param content    the file's content
 * @param origin     where it was read, for people
 * @param repository the repository's name: the multibranch project's (in an organization folder, the
 *                   repository's), Packit's default package name
 * @param revision   the revision the build builds (the tip, for a pull request its head), as the SCM prints it
 */
record TrustedFile(String content, String origin, String repository, String revision) {
    /** Where a checkout to read the file goes: beside the job's workspace, as Pipeline's own script checkout. */
    private static final String CHECKOUT_SUFFIX = "packit-config";

    /**
     * Reads {@code path} at the trusted revision of the branch {@code run} builds.
     *
     * @throws AbortException when the run is no multibranch branch build, its revision is unknown or the file is
     *                        missing
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
                throw new AbortException(TrustedConfigRead.unknownRevision(path, branch.getName()));
            }
            run.addAction(new SCMRevisionAction(source, tip));
        }
        var trusted = source.getTrustedRevision(tip, listener);
        var content = readTrusted(run, source, head, trusted, tip, path, listener);
        return new TrustedFile(content, "revision " + trusted + " of " + branch.getName(), project.getName(),
                tip.toString());
    }

    private static String readTrusted(Run<?, ?> run, SCMSource source, SCMHead head, SCMRevision trusted,
            SCMRevision tip, String path, TaskListener listener) throws IOException, InterruptedException {
        var forced = SystemProperties.getBoolean(TrustedConfigRead.HEAVYWEIGHT_SWITCH);
        try (var fs = forced ? null : SCMFileSystem.of(source, head, trusted)) {
            var decision = TrustedConfigRead.first(path, source.getClass().getSimpleName(), trusted.toString(),
                    forced, fs != null);
            if (decision.way() == TrustedConfigRead.Way.LIGHTWEIGHT) {
                String content = null;
                try {
                    content = contentOf(fs.child(path), path, trusted);
                } catch (AbortException e) {
                    throw e;
                } catch (IOException e) {
                    decision = TrustedConfigRead.afterLightweightFailure(path, trusted.toString(), e.toString());
                }
                if (content != null) {
                    warnIfChangedAtTip(source, head, trusted, tip, path, content, listener);
                    return content;
                }
            }
            listener.getLogger().println(decision.logLine());
            return checkedOut(run, source, head, trusted, path, listener);
        }
    }

    private static String contentOf(SCMFile file, String path, SCMRevision revision)
            throws IOException, InterruptedException {
        // as WorkflowBranchProjectFactory accepts it: anything but a missing file or a directory (a link too)
        switch (file.getType()) {
            case NONEXISTENT:
                throw new AbortException(path + " does not exist in revision " + revision);
            case DIRECTORY:
                throw new AbortException(path + " is a directory in revision " + revision);
            default:
                return file.contentAsString();
        }
    }

    /** The log line {@code SCMBinder} prints when an untrusted revision changed the file (only lightweight). */
    private static void warnIfChangedAtTip(SCMSource source, SCMHead head, SCMRevision trusted, SCMRevision tip,
            String path, String content, TaskListener listener) throws InterruptedException {
        if (trusted.equals(tip)) {
            return;
        }
        String untrusted;
        try (var tipFs = SCMFileSystem.of(source, head, tip)) {
            untrusted = tipFs == null ? null : tipFs.child(path).contentAsString();
        } catch (IOException e) {
            untrusted = "";
        }
        if (untrusted != null && !untrusted.equals(content)) {
            listener.getLogger().println("WARNING: " + path + " was changed in the untrusted revision " + tip
                    + "; running it as it is in the trusted revision " + trusted);
        }
    }

    /** Checks {@code revision} out into a workspace of the controller and reads {@code path} there. */
    private static String checkedOut(Run<?, ?> run, SCMSource source, SCMHead head, SCMRevision revision,
            String path, TaskListener listener) throws IOException, InterruptedException {
        if (!(run.getParent() instanceof TopLevelItem item)) {
            throw new AbortException("cannot check out " + revision + " to read " + path + ": " + run.getParent()
                    + " has no workspace");
        }
        var node = JenkinsFacade.builtInNode();
        var computer = node.toComputer();
        var base = node.getWorkspaceFor(item);
        if (computer == null || base == null) {
            throw new AbortException("cannot check out " + revision + " to read " + path + ": "
                    + node.getDisplayName() + " may be offline");
        }
        var scm = source.build(head, revision);
        try (var lease = computer.getWorkspaceList().acquire(base.withSuffix("@" + CHECKOUT_SUFFIX))) {
            var dir = lease.path;
            checkOut(run, scm, dir, node.createLauncher(listener), listener);
            var file = dir.child(path);
            if (!new File(file.getRemote()).getCanonicalFile().toPath()
                    .startsWith(new File(dir.getRemote()).getCanonicalPath())) {
                throw new AbortException(path + " in revision " + revision + " points outside the checkout");
            }
            if (!file.exists()) {
                throw new AbortException(path + " does not exist in revision " + revision);
            }
            if (file.isDirectory()) {
                throw new AbortException(path + " is a directory in revision " + revision);
            }
            return file.readToString();
        }
    }

    /**
     * Checks {@code scm} out into {@code dir} the way {@code CpsScmFlowDefinition} checks a Jenkinsfile out: through
     * workflow-scm-step's {@link GenericSCMStep} with a changelog and polling, so the build records the checkout
     * (its changes and polling baseline) and the SCM gets the changelog file it may write.
     */
    private static void checkOut(Run<?, ?> run, SCM scm, FilePath dir, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        var step = new GenericSCMStep(scm);
        step.setChangelog(true);
        step.setPoll(true);
        try {
            step.checkout(run, dir, listener, launcher);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("checkout of " + scm.getKey() + " failed", e);
        }
    }

    private static String notBranch(String path) {
        return "cannot read " + path + ": packit steps read it from the trusted revision of a multibranch branch "
                + "build, and this build is not one (use a Multibranch Pipeline, with the \"by .packit.yaml\" "
                + "project factory or a rendered Jenkinsfile)";
    }
}
