package io.packit.pipeline.render.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where everything of a {@link LayoutGraph} is: absolute coordinates (origin top left, y down), in the units the
 * sizes were given in, rounded to a tenth so the same graph gives the same text when drawn.
 *
 * @param width  the width of the whole picture
 * @param height the height of the whole picture
 * @param groups every group's frame, in the graph's order
 * @param boxes  every box, in the graph's order
 * @param routes every edge's route, in the graph's order
 */
public record GraphLayout(double width, double height, List<Frame> groups, List<Frame> boxes, List<Route> routes) {
    /**
     * A placed rectangle.
     *
     * @param id     the group's or box's id
     * @param x      left
     * @param y      top
     * @param width  width
     * @param height height
     */
    public record Frame(String id, double x, double y, double width, double height) {
        public Frame {
            Objects.requireNonNull(id, "id");
        }

        /** Whether {@code other} lies inside this frame (borders included). */
        public boolean contains(Frame other) {
            return other.x >= x && other.y >= y && other.x + other.width <= x + width
                    && other.y + other.height <= y + height;
        }
    }

    /**
     * A point.
     *
     * @param x x
     * @param y y
     */
    public record Point(double x, double y) {
    }

    /**
     * An edge's route: straight segments from the first point (on the source port) to the last (on the target port).
     *
     * @param id     the edge's id
     * @param from   the id of the box it leaves
     * @param to     the id of the box it enters
     * @param points at least two
     */
    public record Route(String id, String from, String to, List<Point> points) {
        public Route {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            points = List.copyOf(points);
            if (points.size() < 2) {
                throw new IllegalArgumentException("route " + id + " has fewer than two points");
            }
        }
    }

    public GraphLayout {
        groups = List.copyOf(groups);
        boxes = List.copyOf(boxes);
        routes = List.copyOf(routes);
    }

    /** The boxes by id. */
    public Map<String, Frame> boxesById() {
        var byId = new LinkedHashMap<String, Frame>();
        boxes.forEach(box -> byId.put(box.id(), box));
        return byId;
    }

    /** The groups by id. */
    public Map<String, Frame> groupsById() {
        var byId = new LinkedHashMap<String, Frame>();
        groups.forEach(group -> byId.put(group.id(), group));
        return byId;
    }

    /** The routes by edge id. */
    public Map<String, Route> routesById() {
        var byId = new LinkedHashMap<String, Route>();
        routes.forEach(route -> byId.put(route.id(), route));
        return byId;
    }
}
