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
import java.util.Objects;

/**
 * What each job type makes of one package's job: the one place that decides it, with one case per type of the
 * sealed {@link JobConfig}, so a new job type does not compile until it is planned. Builds are made at once; every
 * other job answers the step that makes its nodes, to be run once the package's builds are known.
 */
final class JobNodes implements JobConfig.Visitor<Runnable> {
    /** The step of a job that makes nothing later. */
    private static final Runnable NOTHING = () -> { };

    private final PackagePlanning pkg;
    private final JobView view;

    JobNodes(PackagePlanning pkg, JobView view) {
        this.pkg = Objects.requireNonNull(pkg, "pkg");
        this.view = Objects.requireNonNull(view, "view");
    }

    @Override
    public Runnable coprBuild(CoprBuildJob job) {
        pkg.build(view);
        return NOTHING;
    }

    @Override
    public Runnable tests(TestsJob job) {
        return () -> pkg.tests(job, view);
    }

    @Override
    public Runnable upstreamKojiBuild(UpstreamKojiBuildJob job) {
        return single(NodeKind.UPSTREAM_KOJI_BUILD);
    }

    @Override
    public Runnable vmImageBuild(VmImageBuildJob job) {
        return single(NodeKind.VM_IMAGE_BUILD);
    }

    @Override
    public Runnable proposeDownstream(ProposeDownstreamJob job) {
        return single(NodeKind.PROPOSE_DOWNSTREAM);
    }

    @Override
    public Runnable pullFromUpstream(PullFromUpstreamJob job) {
        return single(NodeKind.PULL_FROM_UPSTREAM);
    }

    @Override
    public Runnable kojiBuild(KojiBuildJob job) {
        return () -> pkg.kojiBuild(view);
    }

    @Override
    public Runnable bodhiUpdate(BodhiUpdateJob job) {
        return () -> pkg.bodhiUpdate(view);
    }

    /** No pipeline work: the dist-git to upstream sync is Packit's command line's. */
    @Override
    public Runnable syncFromDownstream(SyncFromDownstreamJob job) {
        return NOTHING;
    }

    /** No pipeline work: Packit's service makes these for Koji tag events. */
    @Override
    public Runnable kojiBuildTag(KojiBuildTagJob job) {
        return NOTHING;
    }

    private Runnable single(NodeKind kind) {
        return () -> pkg.single(view, kind);
    }
}
