package io.packit.pipeline.engine;

import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What each node of a plan waits for, as the engine runs it.
 *
 * <p>An {@code srpm} node submits its Copr build (the SRPM phase is the build's source chroot): the plan's
 * {@code depends} edges go from the dependencies' whole builds into it, so a dependent package's build is
 * submitted once its dependencies' builds have ended, and only for the chroots where they succeeded. Its chroot
 * domain is the build's chroots. The {@code copr_build} node also gets its srpm's {@code depends} edges, so that
 * it reports the chroots left out with their root cause. With Copr batches ({@code hoistBuildNeeds = false}) the
 * build is submitted at once and Copr orders it: the srpm node drops its {@code depends} edges and only the
 * {@code copr_build} node waits for them. (A plan whose {@code depends} edges go into the {@code copr_build}
 * node is run the same way: the srpm node gets them when hoisting.)
 */
final class NeedsIndex {
    private final Plan plan;
    private final Map<NodeId, Node> nodes;
    private final Map<NodeId, List<Edge>> needs = new HashMap<>();
    private final Map<NodeId, List<Edge>> direct = new HashMap<>();
    private final Map<NodeId, List<String>> domains = new HashMap<>();
    private final Map<NodeId, Set<NodeId>> dependents = new HashMap<>();
    private final Map<NodeId, NodeId> buildOfSrpm = new HashMap<>();
    private final Map<NodeId, NodeId> srpmOfBuild = new HashMap<>();
    private final Map<NodeId, Integer> positions = new HashMap<>();

    NeedsIndex(Plan plan, boolean hoistBuildNeeds) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.nodes = plan.nodesById();
        nodes.keySet().forEach(id -> direct.put(id, new ArrayList<>()));
        for (var edge : plan.edges()) {
            if (!nodes.containsKey(edge.from()) || !nodes.containsKey(edge.to())) {
                throw new IllegalArgumentException("edge " + edge + " joins a node that is not in the plan");
            }
            direct.get(edge.to()).add(edge);
            if (edge.kind() == EdgeKind.SRPM_TO_BUILD) {
                buildOfSrpm.put(edge.from(), edge.to());
                srpmOfBuild.put(edge.to(), edge.from());
            }
        }
        for (var node : plan.nodes()) {
            var id = node.id();
            positions.put(id, positions.size());
            var effective = new ArrayList<Edge>();
            var domain = node.chroots();
            var build = buildOfSrpm.get(id);
            var srpm = srpmOfBuild.get(id);
            if (build != null) {
                direct.get(id).stream().filter(edge -> hoistBuildNeeds || edge.kind() != EdgeKind.DEPENDS)
                        .forEach(effective::add);
                if (hoistBuildNeeds) {
                    direct.get(build).stream().filter(edge -> !edge.from().equals(id)).forEach(effective::add);
                }
                if (domain.isEmpty()) {
                    domain = nodes.get(build).chroots();
                }
            } else {
                effective.addAll(direct.get(id));
                if (srpm != null) {
                    direct.get(srpm).stream().filter(edge -> edge.kind() == EdgeKind.DEPENDS).forEach(effective::add);
                }
            }
            needs.put(id, List.copyOf(effective));
            domains.put(id, List.copyOf(domain));
            for (var edge : effective) {
                dependents.computeIfAbsent(edge.from(), key -> new LinkedHashSet<>()).add(id);
            }
        }
    }

    Plan plan() {
        return plan;
    }

    Node node(NodeId id) {
        var node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("node " + id + " is not in the plan");
        }
        return node;
    }

    /** The edges {@code id} waits for (see the class comment for how {@code depends} edges are placed). */
    List<Edge> needsOf(NodeId id) {
        node(id);
        return needs.get(id);
    }

    /** The chroots {@code id} runs on when nothing is excluded. */
    List<String> domainOf(NodeId id) {
        node(id);
        return domains.get(id);
    }

    /**
     * Whether {@code id} is a build whose chroots are read from its Copr project at run time, or the srpm node that
     * submits one: its domain is empty here, and the chroots a dependency did not build are left out when it is
     * submitted.
     */
    boolean chrootsAtRunTime(NodeId id) {
        var build = buildOfSrpm.get(id);
        return node(build == null ? id : build).chrootsAtRunTime();
    }

    /** The nodes that wait for {@code id}. */
    Set<NodeId> dependentsOf(NodeId id) {
        return Collections.unmodifiableSet(dependents.getOrDefault(id, Set.of()));
    }

    /** The srpm node that submits the build {@code buildId}, if the plan has one. */
    Optional<NodeId> srpmOf(NodeId buildId) {
        return Optional.ofNullable(srpmOfBuild.get(buildId));
    }

    /** The build an srpm node feeds, if any. */
    Optional<NodeId> buildOf(NodeId srpmId) {
        return Optional.ofNullable(buildOfSrpm.get(srpmId));
    }

    /**
     * The copr_build nodes {@code buildId} depends on, transitively ({@code depends} edges into the build or into
     * its srpm), nearest first.
     */
    List<NodeId> dependencyBuildsOf(NodeId buildId) {
        var seen = new LinkedHashSet<NodeId>();
        var queue = new ArrayList<NodeId>();
        queue.add(buildId);
        for (int i = 0; i < queue.size(); i++) {
            var current = queue.get(i);
            for (var edge : needs.get(current)) {
                if (edge.kind() == EdgeKind.DEPENDS && edge.from().kind() == NodeKind.COPR_BUILD && seen.add(edge.from())) {
                    queue.add(edge.from());
                }
            }
        }
        return List.copyOf(seen);
    }

    /** {@link #dependencyBuildsOf}, each after the builds it depends on (the plan's topological order). */
    List<NodeId> dependencyBuildsFirst(NodeId buildId) {
        var builds = new ArrayList<>(dependencyBuildsOf(buildId));
        builds.sort(java.util.Comparator.comparingInt(positions::get));
        return List.copyOf(builds);
    }
}
