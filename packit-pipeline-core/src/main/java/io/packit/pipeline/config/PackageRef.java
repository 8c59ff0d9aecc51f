package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Objects;

/**
 * A package name as written somewhere in packit.yaml (a {@code depends} entry, a job's {@code packages}
 * entry), with where it was written, so that the planner can point at it.
 *
 * @param name     the package name (a key of {@code packages})
 * @param position where the name was written
 */
public record PackageRef(String name, SourcePosition position) {
    public PackageRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }
}
