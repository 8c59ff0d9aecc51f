package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job graph for one event: nodes in a topological order (stable: same config and event, same order), and
 * the edges between them.
 *
 * @param config          the config it was planned from
 * @param event           the event it was planned for
 * @param nodes           every node, topologically ordered
 * @param edges           every edge
 * @param criticalPath    the critical path under the estimates used
 * @param dependencyRepos for every build a build depends on (through a {@code depends} edge into its srpm, or an
 *                        unchanged dependency whose last build serves), how it sees the dependency's results
 * @param index           O(1) look-ups over {@code nodes} and {@code edges}; built by the other constructors
 */
public record Plan(
        PackitConfig config,
        Event event,
        List<Node> nodes,
        List<Edge> edges,
        CriticalPath criticalPath,
        List<DependencyRepo> dependencyRepos,
        PlanIndex index) {
    public Plan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(event, "event");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Objects.requireNonNull(criticalPath, "criticalPath");
        dependencyRepos = List.copyOf(dependencyRepos);
        Objects.requireNonNull(index, "index");
        if (!index.isOf(nodes, edges)) {
            index = new PlanIndex(nodes, edges);
        }
    }

    /** A plan without dependency repos (the original five-part form). */
    public Plan(PackitConfig config, Event event, List<Node> nodes, List<Edge> edges, CriticalPath criticalPath) {
        this(config, event, nodes, edges, criticalPath, List.of());
    }

    /** A plan; the index is built here. */
    public Plan(
            PackitConfig config,
            Event event,
            List<Node> nodes,
            List<Edge> edges,
            CriticalPath criticalPath,
            List<DependencyRepo> dependencyRepos) {
        this(config, event, nodes, edges, criticalPath, dependencyRepos, indexOf(nodes, edges));
    }

    private static PlanIndex indexOf(List<Node> nodes, List<Edge> edges) {
        return new PlanIndex(List.copyOf(nodes), List.copyOf(edges));
    }

    /** Nodes by id, in plan order. */
    public Map<NodeId, Node> nodesById() {
        return index.nodesById();
    }

    /** The node with {@code id}, if any. */
    public Optional<Node> find(NodeId id) {
        return Optional.ofNullable(index.nodesById().get(id));
    }

    /** The edges into {@code id}: what it waits for. */
    public List<Edge> needsOf(NodeId id) {
        return index.needsOf(id);
    }

    /** The edges out of {@code id}: who waits for it. */
    public List<Edge> dependentsOf(NodeId id) {
        return index.dependentsOf(id);
    }

    /** The nodes that run for the plan's event, in plan order. */
    public List<Node> runningNodes() {
        return nodes.stream().filter(Node::runs).toList();
    }

    /**
     * Whether {@code id} is a node of a side-tag release ({@code side_tag}, {@code wait_repo}, and the per-branch
     * {@code koji_build} and {@code bodhi_update} nodes made with them): the release of a top-level package's whole
     * closure, one side tag per dist-git branch.
     */
    public static boolean isSideTagRelease(NodeId id) {
        return switch (id.kind()) {
            case SIDE_TAG, WAIT_REPO -> true;
            case KOJI_BUILD, BODHI_UPDATE -> !id.chroot().isEmpty();
            default -> false;
        };
    }

    /**
     * The packages a release node covers: for the nodes of a side-tag release ({@link #isSideTagRelease}), the
     * top-level package and every package it depends on, transitively, dependencies first (the order they are built
     * in, and what the one Bodhi update of the branch holds); for other nodes, the node's package alone.
     */
    public List<String> releaseGroupOf(NodeId id) {
        var node = find(id).orElseThrow(() -> new IllegalArgumentException("no node " + id + " in the plan"));
        if (!isSideTagRelease(id)) {
            return List.of(node.view().packageName());
        }
        var seen = new LinkedHashSet<String>();
        var order = new ArrayList<String>();
        var stack = new ArrayDeque<String[]>();
        var root = node.view().packageName();
        stack.push(new String[] {root, "0"});
        seen.add(root);
        while (!stack.isEmpty()) {
            var top = stack.peek();
            var deps = config.findPackage(top[0]).map(pkg -> pkg.dependsNames()).orElse(List.of());
            int next = Integer.parseInt(top[1]);
            if (next < deps.size()) {
                top[1] = Integer.toString(next + 1);
                var dep = deps.get(next);
                if (config.packages().containsKey(dep) && seen.add(dep)) {
                    stack.push(new String[] {dep, "0"});
                }
            } else {
                stack.pop();
                order.add(top[0]);
            }
        }
        return List.copyOf(order);
    }

    /**
     * The {@code side_tag} node whose side tag node {@code id} of a side-tag release works in: the one of its job and
     * branch for the side tag, the Koji builds and the repository waits; for an update, the one of the Koji builds it
     * waits for.
     */
    public Optional<NodeId> sideTagOf(NodeId id) {
        if (!isSideTagRelease(id)) {
            return Optional.empty();
        }
        if (id.kind() == NodeKind.BODHI_UPDATE) {
            return needsOf(id).stream().map(Edge::from)
                    .filter(from -> from.kind() == NodeKind.KOJI_BUILD && from.chroot().equals(id.chroot()))
                    .findFirst().flatMap(this::sideTagOf);
        }
        var sideTag = new NodeId(NodeKind.SIDE_TAG, id.packageName(), id.job(), "", id.chroot());
        return find(sideTag).map(Node::id);
    }

    @Override
    public String toString() {
        return "Plan[" + config.file() + ", " + event + ", " + nodes.size() + " nodes, " + edges.size() + " edges]";
    }
}
