package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.List;
import java.util.Objects;

/**
 * One package of the (possibly single-package) config: its key in {@code packages}, its effective settings,
 * and the packages it {@code depends} on (our extension).
 *
 * @param name     the key in {@code packages}; for a single-package file, its {@code downstream_package_name}
 * @param settings top-level keys overridden by the package's own
 * @param depends  packages that must be built first, as written (validated to exist, not to be itself), each with
 *                 whether a change in it makes this package run
 * @param position where the package's mapping starts (the top of the file for a single-package file)
 */
public record PackageConfig(String name, PackageSettings settings, List<PackageDependency> depends, SourcePosition position) {
    public PackageConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
        depends = List.copyOf(depends);
        Objects.requireNonNull(position, "position");
    }

    /** The names this package depends on, in written order. */
    public List<String> dependsNames() {
        return depends.stream().map(PackageDependency::name).toList();
    }
}
