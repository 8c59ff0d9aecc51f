/**
 * The pipeline steps a rendered Jenkinsfile calls: their names, arguments and node selectors, and which step runs
 * which kind of node. The contract between the renderer, which writes the calls, and whoever executes them (the
 * engine and the Jenkins plugin); neither side stands on the other.
 */
package io.packit.pipeline.steps;
