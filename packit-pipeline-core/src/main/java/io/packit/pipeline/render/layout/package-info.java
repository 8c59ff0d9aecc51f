/**
 * The geometry of a picture, apart from any drawing: a {@link io.packit.pipeline.render.layout.LayoutGraph} (boxes
 * with their sizes and ports, groups of boxes, edges between ports) goes in, a
 * {@link io.packit.pipeline.render.layout.GraphLayout} (where every box and group is, and the bends of every edge)
 * comes out. {@link io.packit.pipeline.render.layout.LayeredLayout} computes it with ELK's layered algorithm; it is
 * the only class of the project that sees ELK. Nothing here knows about plans, SVG or HTML.
 */
package io.packit.pipeline.render.layout;
