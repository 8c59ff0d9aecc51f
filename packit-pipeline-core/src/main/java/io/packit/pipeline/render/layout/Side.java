package io.packit.pipeline.render.layout;

/** The side of a box a port sits on; edges flow from west to east. */
public enum Side {
    /** The left side: where edges come in. */
    WEST,
    /** The right side: where edges go out. */
    EAST
}
