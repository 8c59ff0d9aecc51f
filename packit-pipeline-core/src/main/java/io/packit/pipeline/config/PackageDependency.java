package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Objects;

/**
 * One entry of a package's {@code depends} (our extension): {@code B}, or the long form of the request it comes
 * from (packit#1903), {@code {name: B, rebuild: false}}.
 *
 * @param name     the package depended on (a key of {@code packages})
 * @param rebuild  whether a change in that package makes this one run too ({@code true}, the default, also for the
 *                 short form); with {@code false} this package still waits for the dependency's build and sees its
 *                 repository, but runs only when it changes itself (the dependency's build is then reused)
 * @param position where the name was written
 */
public record PackageDependency(String name, boolean rebuild, SourcePosition position) {
    public PackageDependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
    }
}
