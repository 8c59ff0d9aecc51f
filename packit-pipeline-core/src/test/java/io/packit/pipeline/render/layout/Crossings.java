package io.packit.pipeline.render.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What makes a drawing of a graph hard to read, counted on its geometry: edge crossings (points where segments of
 * two different edges cross properly; touching, overlapping and shared ends do not count) and edges through boxes
 * (an edge's segment passing through the inside of a box that is neither of its ends). Segments are bucketed in a
 * grid, so a 2,000-edge drawing counts in well under a second.
 *
 * @param crossings     edge crossings
 * @param throughBoxes  (edge, box) pairs where the edge runs through the box
 * @param edges         edges counted
 */
public record Crossings(int crossings, int throughBoxes, int edges) {
    private static final double CELL = 64;
    private static final double EPSILON = 1e-6;

    private record Segment(int edge, double x1, double y1, double x2, double y2) {
    }

    /** Counts {@code layout} (an edge may run along or into its own ends). */
    public static Crossings of(GraphLayout layout) {
        var segments = new ArrayList<Segment>();
        for (int i = 0; i < layout.routes().size(); i++) {
            var points = layout.routes().get(i).points();
            for (int p = 1; p < points.size(); p++) {
                var a = points.get(p - 1);
                var b = points.get(p);
                if (!a.equals(b)) {
                    segments.add(new Segment(i, a.x(), a.y(), b.x(), b.y()));
                }
            }
        }
        var grid = new HashMap<Long, List<Segment>>();
        for (var segment : segments) {
            forCells(segment.x1, segment.y1, segment.x2, segment.y2, cell -> grid.computeIfAbsent(cell, key -> new ArrayList<>()).add(segment));
        }
        int crossings = 0;
        for (var entry : grid.entrySet()) {
            var list = entry.getValue();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    var a = list.get(i);
                    var b = list.get(j);
                    if (a.edge != b.edge) {
                        var at = properCrossing(a, b);
                        if (at != null && cellOf(at[0], at[1]) == entry.getKey()) {
                            crossings++;
                        }
                    }
                }
            }
        }
        int through = 0;
        for (int i = 0; i < layout.routes().size(); i++) {
            var route = layout.routes().get(i);
            for (var box : layout.boxes()) {
                if (!box.id().equals(route.from()) && !box.id().equals(route.to()) && runsThrough(route.points(), box)) {
                    through++;
                }
            }
        }
        return new Crossings(crossings, through, layout.routes().size());
    }

    private static boolean runsThrough(List<GraphLayout.Point> points, GraphLayout.Frame box) {
        double left = box.x() + 1;
        double top = box.y() + 1;
        double right = box.x() + box.width() - 1;
        double bottom = box.y() + box.height() - 1;
        for (int p = 1; p < points.size(); p++) {
            if (clips(points.get(p - 1), points.get(p), left, top, right, bottom)) {
                return true;
            }
        }
        return false;
    }

    /** Liang–Barsky: whether segment a–b meets the open rectangle. */
    private static boolean clips(GraphLayout.Point a, GraphLayout.Point b, double left, double top, double right, double bottom) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - left, right - a.x(), a.y() - top, bottom - a.y()};
        double from = 0;
        double to = 1;
        for (int i = 0; i < 4; i++) {
            if (Math.abs(p[i]) < EPSILON) {
                if (q[i] <= 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    from = Math.max(from, t);
                } else {
                    to = Math.min(to, t);
                }
            }
        }
        return to - from > EPSILON;
    }

    /** Where a and b cross, strictly inside both and not parallel; null when they do not. */
    private static double[] properCrossing(Segment a, Segment b) {
        double rx = a.x2 - a.x1;
        double ry = a.y2 - a.y1;
        double sx = b.x2 - b.x1;
        double sy = b.y2 - b.y1;
        double denominator = rx * sy - ry * sx;
        if (Math.abs(denominator) < EPSILON) {
            return null;
        }
        double qx = b.x1 - a.x1;
        double qy = b.y1 - a.y1;
        double t = (qx * sy - qy * sx) / denominator;
        double u = (qx * ry - qy * rx) / denominator;
        double margin = 1e-9;
        if (t <= margin || t >= 1 - margin || u <= margin || u >= 1 - margin) {
            return null;
        }
        return new double[] {a.x1 + t * rx, a.y1 + t * ry};
    }

    private interface CellSink {
        void accept(long cell);
    }

    private static void forCells(double x1, double y1, double x2, double y2, CellSink sink) {
        long fromX = (long) Math.floor(Math.min(x1, x2) / CELL);
        long toX = (long) Math.floor(Math.max(x1, x2) / CELL);
        long fromY = (long) Math.floor(Math.min(y1, y2) / CELL);
        long toY = (long) Math.floor(Math.max(y1, y2) / CELL);
        for (long x = fromX; x <= toX; x++) {
            for (long y = fromY; y <= toY; y++) {
                sink.accept(key(x, y));
            }
        }
    }

    private static long cellOf(double x, double y) {
        return key((long) Math.floor(x / CELL), (long) Math.floor(y / CELL));
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }
}
