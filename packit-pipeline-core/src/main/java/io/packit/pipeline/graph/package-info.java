/**
 * The job graph: planner, node ids, edges, events, affected packages, critical path.
 */
package io.packit.pipeline.graph;
