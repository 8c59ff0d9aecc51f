/**
 * The job graph: planner, node ids, edges, events, affected packages, critical path.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.graph;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
