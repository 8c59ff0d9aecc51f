/**
 * Copr API v3 client: projects, builds, waiting per chroot, cancellation, batches.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
