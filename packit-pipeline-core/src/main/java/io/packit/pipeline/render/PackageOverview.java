package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.render.layout.GraphLayout;
import io.packit.pipeline.render.layout.LayeredLayout;
import io.packit.pipeline.render.layout.LayoutGraph;
import io.packit.pipeline.render.layout.Side;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan (or one trigger's part of it) folded to its packages: one box per package saying what it holds, one edge
 * per pair of packages one of whose nodes waits for the other's, laid out as the packages of a {@link PlanLayout}
 * are (a package that waits for another sits below it). What a plan too big to read at once shows first.
 *
 * @param picture  what it folds
 * @param lines    each package's text, by package name
 * @param edges    the folded edges between packages
 * @param geometry boxes keyed {@code p<index>} (the package's index in {@code picture}), routes {@code e<index>}
 * @param statusLine whether each package's last line is kept free for {@link NodeMarks#packageStatus}
 */
record PackageOverview(PlanPicture picture, Map<String, List<String>> lines, List<PackageEdge> edges,
        GraphLayout geometry, boolean statusLine) {
    /**
     * An edge between two packages.
     *
     * @param from     the package waited for
     * @param to       the waiting package
     * @param kind     the kind of the first plan edge folded into it ({@code depends}, {@code release_gating})
     * @param count    how many plan edges it folds
     * @param critical whether one of them is on the critical path
     */
    record PackageEdge(String from, String to, String kind, int count, boolean critical) {
    }

    static PackageOverview of(PlanPicture picture) {
        return of(picture, false);
    }

    /** As {@link #of(PlanPicture)}; {@code statusLine}: every box ends with a line for {@link NodeMarks#packageStatus}. */
    static PackageOverview of(PlanPicture picture, boolean statusLine) {
        var names = new ArrayList<>(picture.packages().keySet());
        var lines = new LinkedHashMap<String, List<String>>();
        var groups = new ArrayList<LayoutGraph.Group>();
        var boxes = new ArrayList<LayoutGraph.Box>();
        for (var name : names) {
            var text = summary(name, picture.packages().get(name));
            if (statusLine) {
                text = java.util.stream.Stream.concat(text.stream(), java.util.stream.Stream.of("")).toList();
            }
            lines.put(name, text);
            var key = PlanLayout.groupKey(names, name);
            groups.add(new LayoutGraph.Group(key, 0));
            boxes.add(new LayoutGraph.Box(key, key, NodeLabel.WIDTH, 2 * NodeLabel.PAD_Y + text.size() * NodeLabel.LINE_HEIGHT,
                    List.of(new LayoutGraph.Port(PlanLayout.IN, Side.WEST, NodeLabel.middleOf(0)),
                            new LayoutGraph.Port(PlanLayout.OUT, Side.EAST, NodeLabel.middleOf(0)))));
        }
        var folded = new LinkedHashMap<String, PackageEdge>();
        for (var edge : picture.edges()) {
            var from = edge.from().packageName();
            var to = edge.to().packageName();
            if (!from.equals(to)) {
                folded.merge(from + "\u0000" + to, new PackageEdge(from, to, edge.kind().key(), 1, edge.critical()),
                        (a, b) -> new PackageEdge(a.from(), a.to(), a.kind(), a.count() + 1, a.critical() || b.critical()));
            }
        }
        var edges = List.copyOf(folded.values());
        var links = new ArrayList<LayoutGraph.Link>();
        for (int i = 0; i < edges.size(); i++) {
            links.add(new LayoutGraph.Link(PlanLayout.edgeKey(i), PlanLayout.groupKey(names, edges.get(i).from()), PlanLayout.OUT,
                    PlanLayout.groupKey(names, edges.get(i).to()), PlanLayout.IN));
        }
        var graph = new LayoutGraph(groups, boxes, links);
        var down = new LayeredLayout().layout(graph, LayeredLayout.Flow.DOWN);
        var right = new LayeredLayout().layout(graph, LayeredLayout.Flow.RIGHT);
        var geometry = fit(right) > fit(down) ? right : down;
        return new PackageOverview(picture, lines, edges, geometry, statusLine);
    }

    /** The scale that fits {@code layout} to a window of 1400 × 880 (the drawing's part of 1400 × 1000). */
    private static double fit(GraphLayout layout) {
        return Math.min(1400 / layout.width(), 880 / layout.height());
    }

    /** The package's name, its node count with skipped ones, and its nodes by kind; wrapped like a node label. */
    private static List<String> summary(String name, List<PlanPicture.PictureNode> nodes) {
        var counts = new LinkedHashMap<NodeKind, Integer>();
        nodes.forEach(node -> counts.merge(node.kind(), 1, Integer::sum));
        var kinds = new StringBuilder();
        counts.forEach((kind, count) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(count).append(' ').append(kind.key()));
        long skipped = nodes.stream().filter(node -> !node.skip().isEmpty()).count();
        long critical = nodes.stream().filter(PlanPicture.PictureNode::critical).count();
        var text = new ArrayList<>(NodeLabel.wrap(name));
        text.add(nodes.size() + (nodes.size() == 1 ? " node" : " nodes") + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + (critical > 0 ? ", " + critical + " critical" : ""));
        text.addAll(NodeLabel.wrap(kinds.toString()));
        return List.copyOf(text);
    }
}
