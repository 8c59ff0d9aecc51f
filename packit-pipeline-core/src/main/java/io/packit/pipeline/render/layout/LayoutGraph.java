package io.packit.pipeline.render.layout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to lay out: boxes of a given size, each in at most one group, with ports at fixed places on their sides, and
 * edges from a port to a port. Ids are the caller's, unique per kind; the order of each list is kept by the layout
 * where it can (plan order reads best), and the same graph always gives the same layout.
 *
 * @param groups groups of boxes, drawn as a frame with a header around their members
 * @param boxes  the boxes
 * @param edges  the edges
 */
public record LayoutGraph(List<Group> groups, List<Box> boxes, List<Link> edges) {
    /**
     * A group.
     *
     * @param id     unique among groups
     * @param header the height kept free at the top of the frame for its title
     */
    public record Group(String id, double header) {
        public Group {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A box.
     *
     * @param id     unique among boxes
     * @param group  the id of its group, empty for none
     * @param width  width
     * @param height height
     * @param ports  its ports (at least one for every edge end on it)
     */
    public record Box(String id, String group, double width, double height, List<Port> ports) {
        public Box {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(group, "group");
            ports = List.copyOf(ports);
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("box " + id + " has no area: " + width + "x" + height);
            }
        }
    }

    /**
     * A port: where edges meet a box.
     *
     * @param id     unique within its box
     * @param side   the side it is on
     * @param offset its distance from the box's top
     */
    public record Port(String id, Side side, double offset) {
        public Port {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(side, "side");
        }
    }

    /**
     * An edge.
     *
     * @param id       unique among edges
     * @param from     the box it leaves
     * @param fromPort the port of {@code from} it leaves by
     * @param to       the box it enters
     * @param toPort   the port of {@code to} it enters by
     */
    public record Link(String id, String from, String fromPort, String to, String toPort) {
        public Link {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(fromPort, "fromPort");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(toPort, "toPort");
        }
    }

    public LayoutGraph {
        groups = List.copyOf(groups);
        boxes = List.copyOf(boxes);
        edges = List.copyOf(edges);
        var groupIds = new HashSet<String>();
        groups.forEach(group -> require(groupIds.add(group.id()), "group " + group.id() + " twice"));
        var ports = new HashMap<String, Map<String, Port>>();
        for (var box : boxes) {
            require(box.group().isEmpty() || groupIds.contains(box.group()), "box " + box.id() + " in unknown group " + box.group());
            var byId = new HashMap<String, Port>();
            box.ports().forEach(port -> require(byId.put(port.id(), port) == null, "port " + port.id() + " twice on " + box.id()));
            require(ports.put(box.id(), byId) == null, "box " + box.id() + " twice");
        }
        var edgeIds = new HashSet<String>();
        for (var edge : edges) {
            require(edgeIds.add(edge.id()), "edge " + edge.id() + " twice");
            require(ports.getOrDefault(edge.from(), Map.of()).containsKey(edge.fromPort()),
                    "edge " + edge.id() + " leaves unknown port " + edge.from() + "." + edge.fromPort());
            require(ports.getOrDefault(edge.to(), Map.of()).containsKey(edge.toPort()),
                    "edge " + edge.id() + " enters unknown port " + edge.to() + "." + edge.toPort());
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
