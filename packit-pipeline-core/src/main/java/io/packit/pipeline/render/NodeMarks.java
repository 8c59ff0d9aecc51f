package io.packit.pipeline.render;

import io.packit.pipeline.graph.NodeId;
import java.util.List;

/**
 * What a page adds to the plan's drawing ({@link PlanDrawing}) without moving anything: CSS classes on a node's box,
 * on a build's chroot line and on a package's box, the text of the status line every box keeps free, and tooltip
 * lines. Classes are words of {@code a-z}, {@code 0-9}, {@code -} and {@code _} (others are dropped); texts are
 * escaped by the drawing, status texts are cut to one line.
 */
public interface NodeMarks {
    /** No marks: the plan's own drawing. */
    NodeMarks NONE = new NodeMarks() {
    };

    /** Classes of node {@code id}'s box, space-separated. */
    default String nodeClasses(NodeId id) {
        return "";
    }

    /** The status line of node {@code id}. */
    default String status(NodeId id) {
        return "";
    }

    /** Classes of the line of chroot {@code chroot} in build {@code id}'s box. */
    default String chrootClasses(NodeId id, String chroot) {
        return "";
    }

    /** Lines added to node {@code id}'s tooltip. */
    default List<String> details(NodeId id) {
        return List.of();
    }

    /** Classes of package {@code name}'s box in the packages drawing. */
    default String packageClasses(String name) {
        return "";
    }

    /** The status line of package {@code name} in the packages drawing. */
    default String packageStatus(String name) {
        return "";
    }
}
