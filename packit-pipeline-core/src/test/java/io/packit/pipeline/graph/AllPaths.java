package io.packit.pipeline.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Every path of a graph, walked one by one from every node: no topological order, no memo, nothing shared with
 * the critical-path code it checks ({@link CriticalPathFinder}, the makespan of a rendered Jenkinsfile). A path is
 * one node or more joined by edges; repeated edges between two nodes (one per chroot) count once. Exponential: for
 * test-sized graphs; past {@link #LIMIT} paths it refuses rather than run for ever.
 */
public final class AllPaths {
    /** The most paths walked before giving up. */
    public static final long LIMIT = 5_000_000;

    private final Map<NodeId, Set<NodeId>> next = new HashMap<>();
    private final Collection<NodeId> nodes;
    private long walked;

    private AllPaths(Collection<NodeId> nodes, Collection<Edge> edges) {
        this.nodes = nodes;
        var known = Set.copyOf(nodes);
        for (var edge : edges) {
            if (known.contains(edge.from()) && known.contains(edge.to())) {
                next.computeIfAbsent(edge.from(), id -> new LinkedHashSet<>()).add(edge.to());
            }
        }
    }

    /** Every path among {@code nodes} along those {@code edges} that join two of them. */
    public static List<List<NodeId>> of(Collection<NodeId> nodes, Collection<Edge> edges) {
        var paths = new ArrayList<List<NodeId>>();
        new AllPaths(nodes, edges).walk(path -> paths.add(List.copyOf(path)));
        return paths;
    }

    /** The length of the heaviest path among {@code nodes}, each node weighing {@code duration}; 0 for none. */
    public static long longest(Collection<NodeId> nodes, Collection<Edge> edges, ToLongFunction<NodeId> duration) {
        return heaviest(nodes, edges, duration).length().toSeconds();
    }

    /**
     * The heaviest path among {@code nodes}, each node weighing {@code duration} seconds: the first of the heaviest
     * in walk order (start nodes in the order given, edges in the order given); {@link CriticalPath#EMPTY} for none.
     */
    public static CriticalPath heaviest(Collection<NodeId> nodes, Collection<Edge> edges, ToLongFunction<NodeId> duration) {
        var best = new ArrayList<NodeId>();
        var bestLength = new long[] {-1};
        new AllPaths(nodes, edges).walk(path -> {
            long length = length(path, duration);
            if (length > bestLength[0]) {
                bestLength[0] = length;
                best.clear();
                best.addAll(path);
            }
        });
        return best.isEmpty() ? CriticalPath.EMPTY : new CriticalPath(best, Duration.ofSeconds(bestLength[0]));
    }

    /** The length of the heaviest path of every node of {@code plan}, each weighing {@code duration}. */
    public static long longest(Plan plan, ToLongFunction<Node> duration) {
        var byId = plan.nodesById();
        return longest(plan.nodes().stream().map(Node::id).toList(), plan.edges(),
                id -> duration.applyAsLong(byId.get(id)));
    }

    /** The sum of the durations of {@code path}'s nodes. */
    public static long length(List<NodeId> path, ToLongFunction<NodeId> duration) {
        return path.stream().mapToLong(duration).sum();
    }

    private void walk(Consumer<List<NodeId>> visit) {
        for (var start : nodes) {
            var path = new ArrayList<NodeId>();
            path.add(start);
            extend(path, visit);
        }
    }

    private void extend(List<NodeId> path, Consumer<List<NodeId>> visit) {
        if (++walked > LIMIT) {
            throw new IllegalStateException("more than " + LIMIT + " paths: too big for the brute-force oracle");
        }
        visit.accept(path);
        for (var to : next.getOrDefault(path.get(path.size() - 1), Set.of())) {
            if (path.contains(to)) {
                throw new IllegalArgumentException("cycle through " + to);
            }
            path.add(to);
            extend(path, visit);
            path.remove(path.size() - 1);
        }
    }
}
