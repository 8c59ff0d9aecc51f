/**
 * Statuses on the forge (GitHub checks, GitLab commit statuses) for the nodes of a run, named as Packit names its
 * own ({@code rpm-build:<chroot>}, {@code testing-farm:<target>}), derived from the engine's state.
 */
@DefaultAnnotation(NonNull.class)
package io.packit.pipeline.forge;

import edu.umd.cs.findbugs.annotations.DefaultAnnotation;
import edu.umd.cs.findbugs.annotations.NonNull;
