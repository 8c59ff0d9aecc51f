package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Copr builds of a plan: an srpm node and a build node per package and copr_build job (or per tests job that
 * has none: the implicit build), the {@code depends} edges between the builds of one job, and which existing Copr
 * builds each may reuse ({@link Reuse}): a build of this commit, or, for an unchanged package that a running one
 * needs, the newest successful one.
 */
final class BuildNodes {
    private final PlanNodes nodes;
    private final List<String> defaultChroots;
    private final List<DependencyRepo> repos;
    private final boolean reuse;
    /** Build nodes per job (key: {@link #jobKey}) and package, for depends edges. */
    private final Map<String, Map<String, NodeId>> buildsByJob = new LinkedHashMap<>();
    private final Map<NodeId, JobView> buildViews = new HashMap<>();
    /** The srpm node that submits each build. */
    private final Map<NodeId, NodeId> srpmOfBuild = new HashMap<>();
    /** The builds each build depends on directly (the nearest ones that have its job). */
    private final Map<NodeId, List<NodeId>> dependencies = new HashMap<>();

    /**
     * Builds of a plan being made.
     *
     * @param reuse whether builds may reuse existing Copr builds ({@code --no-reuse}: false)
     */
    BuildNodes(PlanNodes nodes, List<String> defaultChroots, List<DependencyRepo> repos, boolean reuse) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.defaultChroots = List.copyOf(defaultChroots);
        this.repos = Objects.requireNonNull(repos, "repos");
        this.reuse = reuse;
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
        var srpm = withReuse(nodes.add(NodeId.of(NodeKind.SRPM, safeName, label), view, List.of(), "", implicit,
                affected), Reuse.THIS_COMMIT);
        var build = withReuse(nodes.add(NodeId.of(NodeKind.COPR_BUILD, safeName, label), view, chroots, "", implicit,
                affected), Reuse.THIS_COMMIT);
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
     *
     * <p>An unchanged package is not rebuilt, but a package that runs needs its results: the builds a running build
     * depends on (transitively) run too, reusing the newest successful Copr build of the package where one exists
     * and built where none does ({@link Reuse#NEWEST}); their tests and releases stay skipped as unchanged.
     */
    void addDependsEdges(PackageGraph packages) {
        for (var builds : buildsByJob.values()) {
            var hasJob = builds.keySet();
            for (var entry : builds.entrySet()) {
                var dependent = entry.getValue();
                var submitter = srpmOfBuild.get(dependent);
                for (var depName : packages.nearestDependencies(entry.getKey(), hasJob)) {
                    var dependency = builds.get(depName);
                    nodes.edge(new Edge(dependency, submitter, EdgeKind.DEPENDS, ""));
                    dependencies.computeIfAbsent(dependent, key -> new ArrayList<>()).add(dependency);
                    recordRepo(dependent, dependency);
                }
            }
        }
        var needing = new ArrayDeque<NodeId>();
        buildViews.keySet().stream().filter(id -> nodes.get(id).runs()).forEach(needing::add);
        while (!needing.isEmpty()) {
            for (var dependency : dependencies.getOrDefault(needing.pop(), List.of())) {
                if (PlanNodes.UNCHANGED.equals(nodes.get(dependency).skipReason())) {
                    var newest = reuse ? Reuse.NEWEST : Reuse.NONE;
                    nodes.replace(nodes.get(dependency).withSkipReason("").withReuse(newest));
                    var srpm = srpmOfBuild.get(dependency);
                    nodes.replace(nodes.get(srpm).withSkipReason("").withReuse(newest));
                    needing.add(dependency);
                }
            }
        }
    }

    private Node withReuse(Node node, Reuse kind) {
        if (!reuse) {
            return node;
        }
        var reusing = node.withReuse(kind);
        nodes.replace(reusing);
        return reusing;
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
