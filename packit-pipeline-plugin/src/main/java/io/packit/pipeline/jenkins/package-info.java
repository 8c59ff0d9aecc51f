/**
 * The Jenkins plugin: thin adapters from Jenkins to packit-pipeline's core. The steps a rendered Jenkinsfile
 * calls ({@link io.packit.pipeline.steps.StepCatalog}), the run action that holds the build's shared engine
 * state, credentials, test results, and run-time rendering of {@code .packit.yaml} from the trusted revision.
 * Every decision (what a node waits for, when it starts, how it ends, what the pipeline looks like) is made by
 * the core; classes here only hand Jenkins' objects to it and its answers back to Jenkins.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.jenkins;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
