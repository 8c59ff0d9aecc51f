/**
 * Executes a plan: node states, waiting on edges, skip propagation, cancellation, resume.
 */
package io.packit.pipeline.engine;
