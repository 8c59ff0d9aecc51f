package io.packit.pipeline.render;

/**
 * How coarsely a plan is cut into Jenkins stages. Finer levels show more; coarser ones fit bigger plans into
 * Jenkins' method size budget. Timing never changes: in a group each node still starts when its own needs end.
 */
public enum GroupingLevel {
    /** One stage per node; chains of only-way-in-and-out edges share a branch. */
    NODE,
    /** One stage per package and job (and per {@code packit} command line node). */
    JOB,
    /** One stage per package and run condition. */
    PACKAGE,
    /** Packages sharing a run condition bundled into as few stages as the budget allows. */
    BUNDLE
}
