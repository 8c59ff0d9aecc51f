package io.packit.pipeline.render;

import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every picture of a plan shows, independent of the drawing format: nodes grouped by package with their
 * labels, skip reasons and critical-path membership, and edges with the chroot-level edges between the same two
 * nodes folded into one (labelled with their chroots).
 *
 * @param title    the picture's title (config file and event)
 * @param packages package name → its nodes, in plan order
 * @param nodes    every node, in plan order
 * @param edges    folded edges, in plan order
 * @param critical the critical path's length, as text ({@code 1h 5m})
 * @param allTriggers planned for every trigger at once (nodes then say when they run)
 */
record PlanPicture(String title, Map<String, List<PictureNode>> packages, List<PictureNode> nodes,
        List<PictureEdge> edges, String critical, boolean allTriggers) {
    /** How the chroots of a build in its Copr project's chroots ({@code Node#chrootsAtRunTime}) are shown. */
    static final String PROJECT_CHROOTS = "the project's chroots (resolved at run time)";

    /**
     * One node.
     *
     * @param index     position in plan order (used for format-local ids such as {@code n12})
     * @param id        the node id
     * @param kind      node kind
     * @param job       the job part of the id
     * @param chroot    the build chroot (tests, per-chroot) or empty
     * @param detail    second line: chroots of a build, Testing Farm target of a test, when it runs
     * @param skip      skip reason, empty when it runs
     * @param critical  on the critical path
     * @param implicit  added by the planner
     * @param trigger   the trigger of its job
     * @param chroots   builds: the chroots built; tests: the one build chroot tested; others: empty
     * @param target    tests: the Testing Farm target when it differs from the chroot; else empty
     * @param when      when it runs ({@link #conditionText})
     */
    record PictureNode(int index, NodeId id, NodeKind kind, String job, String chroot, String detail, String skip,
            boolean critical, boolean implicit, Trigger trigger, List<String> chroots, String target, String when) {
        PictureNode {
            chroots = List.copyOf(chroots);
        }

        /** The package part of the id. */
        String packageName() {
            return id.packageName();
        }
    }

    /**
     * One folded edge.
     *
     * @param from     source node
     * @param to       target node
     * @param kind     edge kind
     * @param chroots  the chroots of the folded chroot-level edges (empty for whole-node edges)
     * @param critical both ends are consecutive on the critical path
     */
    record PictureEdge(PictureNode from, PictureNode to, EdgeKind kind, List<String> chroots, boolean critical) {
        /** The edge's label: the chroot when one, the count when several, the kind for whole-node edges. */
        String label() {
            if (chroots.isEmpty()) {
                return kind == EdgeKind.SRPM_TO_BUILD ? "" : kind.key().replace('_', ' ');
            }
            if (chroots.size() == 1) {
                return chroots.get(0);
            }
            return chroots.size() + " chroots";
        }
    }

    static PlanPicture of(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        var onPath = plan.criticalPath().nodes();
        var criticalNodes = new HashSet<>(onPath);
        var criticalPairs = new HashSet<String>();
        for (int i = 1; i < onPath.size(); i++) {
            criticalPairs.add(onPath.get(i - 1) + " " + onPath.get(i));
        }
        var byId = new HashMap<NodeId, PictureNode>();
        var nodes = new ArrayList<PictureNode>();
        var packages = new LinkedHashMap<String, List<PictureNode>>();
        for (var node : plan.nodes()) {
            var job = node.id().member().isEmpty() ? node.id().job() : node.id().job() + "/" + node.id().member();
            var target = node.kind() == NodeKind.TESTS && !node.testTarget().equals(node.id().chroot())
                    ? node.testTarget() : "";
            var picture = new PictureNode(nodes.size(), node.id(), node.kind(), job, node.id().chroot(),
                    detailOf(node, plan), node.skipReason(), criticalNodes.contains(node.id()), node.implicit(),
                    node.condition().trigger(), node.chroots(), target, conditionText(node.condition()));
            nodes.add(picture);
            byId.put(node.id(), picture);
            packages.computeIfAbsent(node.id().packageName(), key -> new ArrayList<>()).add(picture);
        }
        var folded = new LinkedHashMap<String, List<Edge>>();
        for (var edge : plan.edges()) {
            folded.computeIfAbsent(edge.from() + " " + edge.to() + " " + edge.kind(), key -> new ArrayList<>()).add(edge);
        }
        var edges = new ArrayList<PictureEdge>();
        for (var group : folded.values()) {
            var first = group.get(0);
            var chroots = group.stream().map(Edge::chroot).filter(chroot -> !chroot.isEmpty()).toList();
            edges.add(new PictureEdge(byId.get(first.from()), byId.get(first.to()), first.kind(), chroots,
                    criticalPairs.contains(first.from() + " " + first.to())));
        }
        var title = plan.config().file() + " — " + eventText(plan);
        return new PlanPicture(title, packages, nodes, edges, durationText(plan.criticalPath().length()),
                plan.event() instanceof io.packit.pipeline.graph.Event.AllTriggers);
    }

    /** The triggers of the nodes, in {@link Trigger} order. */
    List<Trigger> triggers() {
        return java.util.Arrays.stream(Trigger.values())
                .filter(trigger -> nodes.stream().anyMatch(node -> node.trigger() == trigger)).toList();
    }

    /**
     * The part of this picture that runs on {@code trigger}: its nodes (same indexes) and the edges between them;
     * empty: all of it.
     */
    PlanPicture only(Optional<Trigger> trigger) {
        if (trigger.isEmpty()) {
            return this;
        }
        var kept = nodes.stream().filter(node -> node.trigger() == trigger.get()).toList();
        var packagesKept = new LinkedHashMap<String, List<PictureNode>>();
        kept.forEach(node -> packagesKept.computeIfAbsent(node.packageName(), key -> new ArrayList<>()).add(node));
        var keptEdges = edges.stream()
                .filter(edge -> edge.from().trigger() == trigger.get() && edge.to().trigger() == trigger.get()).toList();
        return new PlanPicture(title, packagesKept, kept, keptEdges, critical, allTriggers);
    }

    private static String detailOf(Node node, Plan plan) {
        var parts = new ArrayList<String>();
        if (node.kind() == NodeKind.COPR_BUILD) {
            parts.add(node.chrootsAtRunTime() ? PROJECT_CHROOTS
                    : node.chroots().size() == 1 ? node.chroots().get(0) : node.chroots().size() + " chroots");
        } else if (node.kind() == NodeKind.TESTS && !node.testTarget().equals(node.id().chroot())) {
            parts.add("on " + node.testTarget());
        }
        if (node.implicit()) {
            parts.add("implicit");
        }
        if (plan.event() instanceof io.packit.pipeline.graph.Event.AllTriggers) {
            parts.add(conditionText(node.condition()));
        }
        return String.join(", ", parts);
    }

    /** When a node runs, briefly: {@code pull_request, branch main, manual}. */
    static String conditionText(RunCondition condition) {
        var text = new StringBuilder(condition.trigger().key());
        if (!condition.branchRegex().isEmpty()) {
            text.append(", branch ").append(condition.branchRegex());
        }
        if (!condition.tagInclude().isEmpty()) {
            text.append(", tag ").append(condition.tagInclude());
        }
        if (!condition.tagExclude().isEmpty()) {
            text.append(", tag not ").append(condition.tagExclude());
        }
        if (condition.manual()) {
            text.append(", manual");
        }
        if (!condition.labels().present().isEmpty() || !condition.labels().absent().isEmpty()) {
            text.append(", labels");
        }
        return text.toString();
    }

    private static String eventText(Plan plan) {
        var event = plan.event();
        if (event instanceof io.packit.pipeline.graph.Event.PullRequest pr) {
            return "pull request" + (pr.id() > 0 ? " #" + pr.id() : "") + " into " + pr.targetBranch();
        }
        if (event instanceof io.packit.pipeline.graph.Event.Commit commit) {
            return "commit on " + commit.branch();
        }
        if (event instanceof io.packit.pipeline.graph.Event.Release release) {
            return "release " + release.tag();
        }
        return "all triggers";
    }

    static String durationText(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return minutes + "m";
        }
        return (minutes / 60) + "h " + (minutes % 60) + "m";
    }
}
