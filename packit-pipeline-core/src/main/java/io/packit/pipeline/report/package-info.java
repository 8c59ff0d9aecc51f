/**
 * The page of a run: the engine's node states drawn on the plan's picture ({@code render.PlanDrawing}), with tables
 * per package and per node, for {@code packit-pipeline run --report FILE} and the Jenkins build's Packit page.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.report;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
