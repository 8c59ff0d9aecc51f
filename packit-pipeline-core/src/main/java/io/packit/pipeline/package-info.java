/**
 * packit-pipeline core: everything that turns a {@code .packit.yaml} into a job graph, renders it and runs it,
 * free of Jenkins and of any command-line library.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
