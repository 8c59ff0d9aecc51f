/**
 * Executes a plan: node states, waiting on edges, skip propagation, cancellation, resume.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
