package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Copr builds of a plan: an srpm node and a build node per package and copr_build job (or per tests job that
 * has none: the implicit build), and the {@code depends} edges between the builds of one job.
 */
final class BuildNodes {
    private final PlanNodes nodes;
    private final List<String> defaultChroots;
    private final List<DependencyRepo> repos;
    /** Build nodes per job (key: {@link #jobKey}) and package, for depends edges. */
    private final Map<String, Map<String, NodeId>> buildsByJob = new LinkedHashMap<>();
    private final Map<NodeId, JobView> buildViews = new HashMap<>();
    /** The srpm node that submits each build. */
    private final Map<NodeId, NodeId> srpmOfBuild = new HashMap<>();

    BuildNodes(PlanNodes nodes, List<String> defaultChroots, List<DependencyRepo> repos) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.defaultChroots = List.copyOf(defaultChroots);
        this.repos = Objects.requireNonNull(repos, "repos");
    }

    /**
     * The job's resolved targets, or the default chroots when it has none; none for a copr_build job that builds in
     * the chroots of its own Copr project, which are read from Copr at run time ({@link JobView#buildsInProjectChroots}).
     */
    List<String> chrootsOf(JobView view) {
        var targets = view.settings().targets();
        if (view.buildsInProjectChroots()) {
            return List.of();
        }
        return targets.isEmpty() ? defaultChroots : targets.chrootNames();
    }

    /** The srpm and build nodes of {@code view}'s package and job, for {@code chroots}; returns the build's id. */
    NodeId add(JobView view, String safeName, String label, boolean implicit, boolean affected, List<String> chroots) {
        var srpm = nodes.add(NodeId.of(NodeKind.SRPM, safeName, label), view, List.of(), "", implicit, affected);
        var build = nodes.add(NodeId.of(NodeKind.COPR_BUILD, safeName, label), view, chroots, "", implicit, affected);
        nodes.edge(new Edge(srpm.id(), build.id(), EdgeKind.SRPM_TO_BUILD, ""));
        buildsByJob.computeIfAbsent(jobKey(view.job(), implicit), key -> new LinkedHashMap<>())
                .put(view.packageName(), build.id());
        buildViews.put(build.id(), view);
        srpmOfBuild.put(build.id(), srpm.id());
        return build.id();
    }

    private static String jobKey(JobConfig job, boolean implicit) {
        return (implicit ? "implicit:" : "") + job.index() + ":" + job.trigger().key();
    }

    /**
     * The srpm node of each build of a package waits for the whole build of the same job of the packages it depends
     * on (the nearest ones that have that job): in Copr the SRPM phase is part of the build submission, and a
     * dependent build is submitted once its dependencies' builds have ended (DESIGN §4, edge 3). The edge waits for
     * the whole node; the engine submits the dependent build only on the common chroots where every dependency
     * succeeded. Records how the dependent build sees their results.
     */
    void addDependsEdges(PackageGraph packages) {
        for (var builds : buildsByJob.values()) {
            var hasJob = builds.keySet();
            for (var entry : builds.entrySet()) {
                var dependent = entry.getValue();
                var submitter = srpmOfBuild.get(dependent);
                for (var depName : packages.nearestDependencies(entry.getKey(), hasJob)) {
                    var dependency = builds.get(depName);
                    if (!PlanNodes.UNCHANGED.equals(nodes.get(dependency).skipReason())) {
                        // An unchanged dependency is not rebuilt: its last build in the Copr project serves.
                        nodes.edge(new Edge(dependency, submitter, EdgeKind.DEPENDS, ""));
                    }
                    recordRepo(dependent, dependency);
                }
            }
        }
    }

    private void recordRepo(NodeId dependent, NodeId dependency) {
        var mine = buildViews.get(dependent).settings().copr();
        var theirs = buildViews.get(dependency).settings().copr();
        if (mine.owner().equals(theirs.owner()) && mine.project().equals(theirs.project())) {
            repos.add(new DependencyRepo(dependent, dependency, DependencyRepo.Access.SAME_PROJECT, ""));
            return;
        }
        var owner = theirs.owner().isEmpty() ? "packit" : theirs.owner();
        var repo = "copr://" + owner + "/" + (theirs.project().isEmpty() ? "<generated>" : theirs.project());
        var listed = !theirs.project().isEmpty() && mine.additionalRepos().stream()
                .anyMatch(entry -> entry.contains(owner.replace("@", "") + "/" + theirs.project()));
        repos.add(new DependencyRepo(dependent, dependency,
                listed ? DependencyRepo.Access.ADDITIONAL_REPO : DependencyRepo.Access.ADD_REPO, repo));
    }
}
