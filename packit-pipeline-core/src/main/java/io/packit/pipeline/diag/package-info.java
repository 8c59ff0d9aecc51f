/**
 * Problems with a source position ({@code file:line:column}), collected rather than thrown one by one.
 *
 * <p>Every part of core that judges user input (the loader, the planner, the renderer) reports into a
 * {@link io.packit.pipeline.diag.Diagnostics}; callers print all problems of a file at once, sorted by
 * position, in GNU style.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.diag;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
