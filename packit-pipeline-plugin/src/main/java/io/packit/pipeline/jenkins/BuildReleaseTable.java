package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.packit.pipeline.bodhi.RecordedReleaseTable;
import io.packit.pipeline.bodhi.ReleaseTableSource;
import io.packit.pipeline.bodhi.ResolvedReleaseTable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jenkinsci.plugins.pipeline.modeldefinition.causes.RestartDeclarativePipelineCause;
import org.jenkinsci.plugins.workflow.cps.replay.ReplayCause;

/**
 * The release table a build resolves its target aliases with, once, when its first packit step runs: the table of
 * the build it replays or restarts from a stage, else Bodhi's (the global configuration's URL, cached 12 hours under
 * the controller's {@code $JENKINS_HOME/caches/packit-pipeline}), falling back to Bodhi's last answer, then to the
 * table shipped with the plugin, with a warning in the build log. The controller asks Bodhi, through Jenkins'
 * proxy settings; agents never do.
 */
final class BuildReleaseTable {
    private BuildReleaseTable() {
    }

    /** The table {@code run} uses, said in its log. */
    static RecordedReleaseTable resolve(Run<?, ?> run, TaskListener listener) {
        var log = listener.getLogger();
        var original = original(run);
        if (original != null) {
            var action = original.getAction(PackitRunAction.class);
            var recorded = action == null ? null : action.recordedReleaseTable();
            if (recorded != null) {
                log.println("Packit: " + recorded.describe() + ", as in build #" + original.getNumber()
                        + ", which this build replays");
                return recorded;
            }
        }
        ResolvedReleaseTable resolved;
        var url = PackitGlobalConfiguration.get().getBodhiUrl();
        try {
            resolved = ReleaseTableSource.create(PackitServices.http(), url, JenkinsFacade.cacheDirectory())
                    .resolve(null);
        } catch (IllegalArgumentException badUrl) {
            log.println("Packit: WARNING: the Bodhi URL of the global configuration is not usable: "
                    + badUrl.getMessage());
            resolved = ResolvedReleaseTable.offline(null);
        }
        RecordedReleaseTable.logLines(resolved, LocalDate.now(ZoneOffset.UTC))
                .forEach(line -> log.println("Packit: " + line));
        return RecordedReleaseTable.of(resolved);
    }

    /** The build {@code run} replays (Replay) or restarts from a stage (Declarative), if any. */
    @CheckForNull
    private static Run<?, ?> original(Run<?, ?> run) {
        var replay = run.getCause(ReplayCause.class);
        if (replay != null && replay.getOriginal() != null) {
            return replay.getOriginal();
        }
        var restart = run.getCause(RestartDeclarativePipelineCause.class);
        return restart == null ? null : restart.getOriginal();
    }
}
