package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.TestsJob;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the nodes of one package's jobs, each by what its type makes ({@link JobNodes}): builds first, in file
 * order, since a tests job picks its build among every copr_build job of the package; then the other jobs, in file
 * order; then the edges from Koji builds to the Bodhi updates made from them.
 */
final class PackagePlanning {
    /** What every package's planning shares: the plan being made, and what each job type makes. */
    record Shared(PlanNodes nodes, BuildNodes builds, TestNodes tests, UncoveredReleases releases, ConditionCheck check,
            PackageGraph packages) {
    }

    private final Shared shared;
    private final String name;
    private final String safeName;
    private final JobLabels labels;
    private final boolean affected;
    /** Every copr_build job of the package (the ones of other triggers too: problems name them). */
    private final List<JobView> builds = new ArrayList<>();
    /** The build node of each copr_build job that is planned. */
    private final Map<JobView, NodeId> buildIds = new IdentityHashMap<>();
    private final List<Node> kojiBuilds = new ArrayList<>();
    private final List<Node> bodhiUpdates = new ArrayList<>();

    PackagePlanning(Shared shared, String name, String safeName, JobLabels labels, boolean affected) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.name = Objects.requireNonNull(name, "name");
        this.safeName = Objects.requireNonNull(safeName, "safeName");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.affected = affected;
    }

    /** Makes the nodes of {@code views}, the package's jobs in file order. */
    void plan(List<JobView> views) {
        var later = new ArrayList<Runnable>();
        for (var view : views) {
            later.add(view.job().accept(new JobNodes(this, view)));
        }
        later.forEach(Runnable::run);
        // Bodhi updates are made from Koji builds: with both for the same trigger, the update waits for the build.
        for (var update : bodhiUpdates) {
            for (var build : kojiBuilds) {
                if (build.view().job().trigger() == update.view().job().trigger()) {
                    shared.nodes().edge(new Edge(build.id(), update.id(), EdgeKind.RELEASE_GATING, ""));
                }
            }
        }
    }

    /** A copr_build job: its srpm and build nodes, when its trigger is planned. */
    void build(JobView view) {
        builds.add(view);
        if (shared.check().plansTrigger(view.job().trigger())) {
            buildIds.put(view, shared.builds().add(view, safeName, labels.label().get(view), false, affected,
                    shared.builds().chrootsOf(view)));
        }
    }

    /** A tests job: its Testing Farm nodes, when its trigger is planned. */
    void tests(TestsJob job, JobView view) {
        if (shared.check().plansTrigger(job.trigger())) {
            shared.tests().plan(job, view, this);
        }
    }

    /**
     * A job of one node of {@code kind}, when its trigger is planned; a release job only for a top-level package
     * (it releases the package's dependencies with it).
     */
    Optional<Node> single(JobView view, NodeKind kind) {
        var job = view.job();
        if (!shared.check().plansTrigger(job.trigger())) {
            return Optional.empty();
        }
        if (job.releases() && !shared.packages().isTopLevel(name)) {
            shared.releases().leftOut(job, name);
            return Optional.empty();
        }
        return Optional.of(shared.nodes().add(NodeId.of(kind, safeName, labels.label().get(view)), view, List.of(), "",
                false, affected));
    }

    /** A koji_build job's node, which the package's Bodhi updates of its trigger wait for. */
    void kojiBuild(JobView view) {
        single(view, NodeKind.KOJI_BUILD).ifPresent(kojiBuilds::add);
    }

    /** A bodhi_update job's node, which waits for the package's Koji builds of its trigger. */
    void bodhiUpdate(JobView view) {
        single(view, NodeKind.BODHI_UPDATE).ifPresent(bodhiUpdates::add);
    }

    String safeName() {
        return safeName;
    }

    JobLabels labels() {
        return labels;
    }

    boolean affected() {
        return affected;
    }

    List<JobView> builds() {
        return builds;
    }

    Map<JobView, NodeId> buildIds() {
        return buildIds;
    }
}
