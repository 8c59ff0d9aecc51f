package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobView;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The nodes and edges of a plan being made, in the order they were made (the plan's order follows it), and what
 * every node gets when it is made: its run condition, whether it runs for the event, unique ids, valid regexes.
 */
final class PlanNodes {
    /** The skip reason of a node of a package that the change does not touch. */
    static final String UNCHANGED = "unchanged";

    private final Diagnostics diagnostics;
    private final ConditionCheck check;
    private final List<Node> nodes = new ArrayList<>();
    private final Map<NodeId, Integer> position = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Set<String> validRegexes = new HashSet<>();

    PlanNodes(Diagnostics diagnostics, ConditionCheck check) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Makes node {@code id} of {@code view}; a second node with the same id is reported and the first returned.
     *
     * @param affected whether the change touches the node's package (else it is skipped as {@link #UNCHANGED})
     */
    Node add(NodeId id, JobView view, List<String> chroots, String testTarget, boolean implicit, boolean affected) {
        var job = view.job();
        var settings = view.settings();
        checkRegex(settings.branch(), "branch", view);
        checkRegex(settings.upstreamTagInclude(), "upstream_tag_include", view);
        checkRegex(settings.upstreamTagExclude(), "upstream_tag_exclude", view);
        var condition = new RunCondition(job.trigger(), settings.branch(), settings.upstreamTagInclude(),
                settings.upstreamTagExclude(), job.manualTrigger(), settings.require(), settings.packitInstances());
        var reason = check.skipReason(condition);
        if (reason.isEmpty() && !affected) {
            reason = UNCHANGED;
        }
        var node = new Node(id, view, chroots, testTarget, implicit, condition, reason);
        if (position.putIfAbsent(id, nodes.size()) != null) {
            diagnostics.error(job.position(), "two nodes would have the id " + id + "; give " + job.path()
                    + " a distinct identifier");
            return nodes.get(position.get(id));
        }
        nodes.add(node);
        return node;
    }

    /** Puts {@code node} in place of the node made with its id. */
    void replace(Node node) {
        var at = position.get(node.id());
        if (at == null) {
            throw new IllegalArgumentException("no node " + node.id() + " was made");
        }
        nodes.set(at, node);
    }

    /** Adds an edge (duplicates are dropped when the plan is ordered). */
    void edge(Edge edge) {
        edges.add(edge);
    }

    /** The node made with {@code id}. */
    Node get(NodeId id) {
        return nodes.get(position.get(id));
    }

    /** The nodes in the order they were made. */
    List<Node> nodes() {
        return nodes;
    }

    /** Node id → its place in {@link #nodes()}. */
    Map<NodeId, Integer> positions() {
        return position;
    }

    /** The edges in the order they were added. */
    List<Edge> edges() {
        return edges;
    }

    private void checkRegex(String regex, String key, JobView view) {
        if (!regex.isEmpty() && !validRegexes.contains(regex) && !ConditionCheck.isValidRegex(regex)) {
            var where = view.job().keyPositions().containsKey(key) ? view.job().positionOf(key)
                    : view.settings().positionOf(key, view.job().position());
            diagnostics.error(where, key + " '" + regex + "' is not a valid regular expression");
            return;
        }
        if (!regex.isEmpty()) {
            validRegexes.add(regex);
        }
    }
}
