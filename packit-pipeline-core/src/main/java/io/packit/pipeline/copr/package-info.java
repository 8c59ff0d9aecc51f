/**
 * Copr API v3 client: projects, builds, waiting per chroot, cancellation, batches.
 */
package io.packit.pipeline.copr;
