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
 * order; then the Koji builds and the Bodhi updates made from them: for a top-level package that depends on others,
 * a side-tag release of its whole closure ({@link SideTagRelease}), else one node per job, each update waiting for
 * the package's Koji builds of its trigger.
 */
final class PackagePlanning {
    /** What every package's planning shares: the plan being made, and what each job type makes. */
    record Shared(PlanNodes nodes, BuildNodes builds, TestNodes tests, UncoveredReleases releases, ConditionCheck check,
            PackageGraph packages, SideTagRelease sideTags) {
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
    private final List<SideTagRelease.Planned> sideTagReleases = new ArrayList<>();
    /** bodhi_update jobs of a package with dependencies, made once its side-tag releases are known. */
    private final List<JobView> deferredUpdates = new ArrayList<>();

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
        planReleases();
    }

    /**
     * The Bodhi updates waiting for the package's Koji builds: with both for the same trigger, an update is made from
     * the builds (of its branch, from the side tag, in a side-tag release).
     */
    private void planReleases() {
        for (var view : deferredUpdates) {
            if (!isPlannedRelease(view)) {
                continue;
            }
            var release = SideTagRelease.forTrigger(sideTagReleases, view);
            if (release.isPresent() && SideTagRelease.updatesFromSideTag(view)) {
                shared.sideTags().update(view, safeName, labels.label().get(view), affected, release.get());
                shared.releases().covered(view.job(), name);
            } else {
                single(view, NodeKind.BODHI_UPDATE).ifPresent(bodhiUpdates::add);
            }
        }
        for (var update : bodhiUpdates) {
            for (var build : kojiBuilds) {
                if (build.view().job().trigger() == update.view().job().trigger()) {
                    shared.nodes().edge(new Edge(build.id(), update.id(), EdgeKind.RELEASE_GATING, ""));
                }
            }
        }
    }

    /** Whether release job {@code view} is planned: its trigger is, and the package is top-level (else left out). */
    private boolean isPlannedRelease(JobView view) {
        if (!shared.check().plansTrigger(view.job().trigger())) {
            return false;
        }
        if (!shared.packages().isTopLevel(name)) {
            shared.releases().leftOut(view.job(), name);
            return false;
        }
        return true;
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
     * (release jobs of the packages it depends on are left out: its side-tag release builds them, see
     * {@link UncoveredReleases}).
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

    /**
     * A koji_build job: a side-tag release of the package's closure when one applies ({@link SideTagRelease}), else
     * one node, which the package's Bodhi updates of its trigger wait for.
     */
    void kojiBuild(JobView view) {
        if (!isPlannedRelease(view)) {
            return;
        }
        if (shared.sideTags().applies(view)) {
            sideTagReleases.add(shared.sideTags().plan(view, safeName, labels.label().get(view), affected));
            shared.releases().covered(view.job(), name);
        } else {
            single(view, NodeKind.KOJI_BUILD).ifPresent(kojiBuilds::add);
        }
    }

    /**
     * A bodhi_update job: one node waiting for the package's Koji builds of its trigger; for a package that depends
     * on others, made after every koji_build job of the package, since it may update from their side tags.
     */
    void bodhiUpdate(JobView view) {
        if (shared.packages().closureOf(name).size() > 1) {
            deferredUpdates.add(view);
        } else {
            single(view, NodeKind.BODHI_UPDATE).ifPresent(bodhiUpdates::add);
        }
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
