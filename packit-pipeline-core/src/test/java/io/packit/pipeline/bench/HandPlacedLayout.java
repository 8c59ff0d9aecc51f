package io.packit.pipeline.bench;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.layout.GraphLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The plan picture's layout before ELK, kept to measure against: one lane per package, columns by the longest path
 * from a source, chroot fan-out stacked within a lane, every edge one cubic Bézier from the right of its source box
 * to the left of its target box (flattened here into 24 straight pieces), all triggers in one drawing.
 */
final class HandPlacedLayout {
    private static final int BOX_W = 210;
    private static final int BOX_H = 48;
    private static final int COL_W = 270;
    private static final int ROW_H = 60;
    private static final int LEFT = 150;
    private static final int TOP = 20;
    private static final int PIECES = 24;

    private HandPlacedLayout() {
    }

    static GraphLayout of(Plan plan) {
        var index = new HashMap<NodeId, Integer>();
        plan.nodes().forEach(node -> index.put(node.id(), index.size()));
        var folded = new LinkedHashMap<String, int[]>();
        for (var edge : plan.edges()) {
            folded.putIfAbsent(edge.from() + " " + edge.to() + " " + edge.kind(),
                    new int[] {index.get(edge.from()), index.get(edge.to())});
        }
        var incoming = new HashMap<Integer, List<Integer>>();
        folded.values().forEach(pair -> incoming.computeIfAbsent(pair[1], key -> new ArrayList<>()).add(pair[0]));
        var column = new HashMap<Integer, Integer>();
        int columns = 1;
        for (int i = 0; i < plan.nodes().size(); i++) {
            int col = 0;
            for (int from : incoming.getOrDefault(i, List.of())) {
                col = Math.max(col, column.getOrDefault(from, 0) + 1);
            }
            column.put(i, col);
            columns = Math.max(columns, col + 1);
        }
        var packages = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < plan.nodes().size(); i++) {
            packages.computeIfAbsent(plan.nodes().get(i).id().packageName(), key -> new ArrayList<>()).add(i);
        }
        var xy = new HashMap<Integer, int[]>();
        var boxes = new ArrayList<GraphLayout.Frame>();
        var lanes = new ArrayList<GraphLayout.Frame>();
        int y = TOP;
        for (var entry : packages.entrySet()) {
            var perColumn = new HashMap<Integer, Integer>();
            int rows = 1;
            for (int node : entry.getValue()) {
                int col = column.get(node);
                int row = perColumn.merge(col, 1, Integer::sum) - 1;
                rows = Math.max(rows, row + 1);
                xy.put(node, new int[] {LEFT + col * COL_W, y + row * ROW_H});
            }
            lanes.add(new GraphLayout.Frame(entry.getKey(), 4, y - 8, LEFT + columns * COL_W - 8, rows * ROW_H + 4));
            y += rows * ROW_H + 16;
        }
        for (int i = 0; i < plan.nodes().size(); i++) {
            boxes.add(new GraphLayout.Frame("n" + i, xy.get(i)[0], xy.get(i)[1], BOX_W, BOX_H));
        }
        var routes = new ArrayList<GraphLayout.Route>();
        int edge = 0;
        for (var pair : folded.values()) {
            var from = xy.get(pair[0]);
            var to = xy.get(pair[1]);
            double x1 = from[0] + BOX_W;
            double y1 = from[1] + BOX_H / 2.0;
            double x2 = to[0];
            double y2 = to[1] + BOX_H / 2.0;
            double bend = Math.max(30, (x2 - x1) / 2);
            var points = new ArrayList<GraphLayout.Point>();
            for (int p = 0; p <= PIECES; p++) {
                double t = p / (double) PIECES;
                double u = 1 - t;
                double x = u * u * u * x1 + 3 * u * u * t * (x1 + bend) + 3 * u * t * t * (x2 - bend) + t * t * t * x2;
                double yy = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
                points.add(new GraphLayout.Point(x, yy));
            }
            routes.add(new GraphLayout.Route("e" + edge++, "n" + pair[0], "n" + pair[1], points));
        }
        return new GraphLayout(LEFT + columns * COL_W, y + TOP, lanes, boxes, routes);
    }
}
