package io.packit.pipeline.copr;

import java.util.ArrayList;
import java.util.List;

/** Records what a {@link BuildWaiter} reports, as readable lines. */
final class RecordingListener implements BuildListener {
    final List<String> events = new ArrayList<>();
    final List<ChrootResult> finished = new ArrayList<>();

    @Override
    public void srpmFinished(long buildId, SourceChroot srpm) {
        events.add(buildId + " srpm " + srpm.stateName());
    }

    @Override
    public void chrootChanged(long buildId, CoprBuildChroot chroot) {
        events.add(buildId + " " + chroot.name() + " " + chroot.stateName());
    }

    @Override
    public void chrootFinished(ChrootResult result) {
        finished.add(result);
        events.add(result.buildId() + " " + result.chroot() + " ended " + result.state().wireName());
    }

    @Override
    public void buildFinished(CoprBuild build) {
        events.add(build.id() + " build " + build.stateName());
    }
}
