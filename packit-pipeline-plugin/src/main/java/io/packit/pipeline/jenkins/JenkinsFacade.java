package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Node;
import java.io.File;
import java.nio.file.Path;
import jenkins.model.Jenkins;

/**
 * The one class of the plugin that reaches the running Jenkins through {@code Jenkins.get*()} (the plugin's
 * architecture test keeps it so, as warnings-ng's plugin-util rules do): everything else is handed what it
 * needs (the run, its step context) by Jenkins.
 */
final class JenkinsFacade {
    private JenkinsFacade() {
    }

    /**
     * The controller session now running: the Jenkins instance, or null when none runs (stopped, or between two
     * sessions of a same-JVM restart test). A step execution keeps the session it started or resumed in.
     */
    @CheckForNull
    static Jenkins session() {
        return Jenkins.getInstanceOrNull();
    }

    /**
     * Whether {@code session} is over: its Jenkins is shutting down ({@code Jenkins#isTerminating}, set in
     * {@code cleanUp()} before {@code Timer.shutdown()}), has stopped, or another Jenkins has started since (a
     * same-JVM restart), whose resumed step executions do the work from now on.
     */
    static boolean isOver(@CheckForNull Jenkins session) {
        var now = Jenkins.getInstanceOrNull();
        return session == null || now != session || now.isTerminating();
    }

    /** The built-in node (the controller), where a checkout to read a trusted file runs, as Pipeline's own does. */
    static Node builtInNode() {
        return Jenkins.get();
    }

    /**
     * Whether the plugin {@code shortName} is installed and active in this session: what guards every use of an
     * optional dependency's classes (a class of ours that refers to them is loaded only after this said yes).
     */
    static boolean isPluginActive(String shortName) {
        var jenkins = Jenkins.getInstanceOrNull();
        if (jenkins == null) {
            return false;
        }
        var plugin = jenkins.getPluginManager().getPlugin(shortName);
        return plugin != null && plugin.isActive();
    }

    /** Jenkins' URL as configured ({@code https://ci.example/}), or null when none is (then links are left out). */
    @CheckForNull
    static String rootUrl() {
        return Jenkins.get().getRootUrl();
    }

    /**
     * The plugin's cache directory on the controller, {@code $JENKINS_HOME/caches/packit-pipeline} (the git plugin
     * keeps its caches under {@code $JENKINS_HOME/caches} too).
     */
    static Path cacheDirectory() {
        return new File(new File(Jenkins.get().getRootDir(), "caches"), "packit-pipeline").toPath();
    }
}
