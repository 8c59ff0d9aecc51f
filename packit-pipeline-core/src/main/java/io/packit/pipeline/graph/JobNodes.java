package io.packit.pipeline.graph;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.KojiBuildTagJob;
import io.packit.pipeline.config.ProposeDownstreamJob;
import io.packit.pipeline.config.PullFromUpstreamJob;
import io.packit.pipeline.config.SyncFromDownstreamJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.UpstreamKojiBuildJob;
import io.packit.pipeline.config.VmImageBuildJob;
import java.util.List;
import java.util.Objects;

/**
 * What each job type makes of one package's job: the one place that decides it, with one case per type of the
 * sealed {@link JobConfig}, so a new job type does not compile until it is planned. Builds are made at once;
 * every other job is queued on {@code later}, to be made once the package's builds are known.
 */
final class JobNodes implements JobConfig.Visitor<Void> {
    private final PackagePlanning pkg;
    private final JobView view;
    private final List<Runnable> later;

    JobNodes(PackagePlanning pkg, JobView view, List<Runnable> later) {
        this.pkg = Objects.requireNonNull(pkg, "pkg");
        this.view = Objects.requireNonNull(view, "view");
        this.later = Objects.requireNonNull(later, "later");
    }

    @Override
    public Void coprBuild(CoprBuildJob job) {
        pkg.build(view);
        return null;
    }

    @Override
    public Void tests(TestsJob job) {
        later.add(() -> pkg.tests(job, view));
        return null;
    }

    @Override
    public Void upstreamKojiBuild(UpstreamKojiBuildJob job) {
        return single(NodeKind.UPSTREAM_KOJI_BUILD);
    }

    @Override
    public Void vmImageBuild(VmImageBuildJob job) {
        return single(NodeKind.VM_IMAGE_BUILD);
    }

    @Override
    public Void proposeDownstream(ProposeDownstreamJob job) {
        return single(NodeKind.PROPOSE_DOWNSTREAM);
    }

    @Override
    public Void pullFromUpstream(PullFromUpstreamJob job) {
        return single(NodeKind.PULL_FROM_UPSTREAM);
    }

    @Override
    public Void kojiBuild(KojiBuildJob job) {
        later.add(() -> pkg.kojiBuild(view));
        return null;
    }

    @Override
    public Void bodhiUpdate(BodhiUpdateJob job) {
        later.add(() -> pkg.bodhiUpdate(view));
        return null;
    }

    /** No pipeline work: the dist-git to upstream sync is Packit's command line's. */
    @Override
    public Void syncFromDownstream(SyncFromDownstreamJob job) {
        return null;
    }

    /** No pipeline work: Packit's service makes these for Koji tag events. */
    @Override
    public Void kojiBuildTag(KojiBuildTagJob job) {
        return null;
    }

    private Void single(NodeKind kind) {
        later.add(() -> pkg.single(view, kind));
        return null;
    }
}
