package io.packit.pipeline.config;

import java.util.Objects;

/**
 * How {@link PackitConfigLoader} loads.
 *
 * @param aliases          resolves target aliases (the release table)
 * @param limits           YAML size, depth and alias-expansion caps
 * @param repositoryName   the repository's name, Packit's default package name of a single-package file when it has
 *                         no {@code downstream_package_name}; empty when unknown
 * @param specfileFallback spec path used when neither {@code specfile_path} nor {@code downstream_package_name} is
 *                         given (Packit searches the repository root); empty when unknown
 */
public record LoadOptions(TargetAliases aliases, YamlLimits limits, String repositoryName, String specfileFallback) {
    public LoadOptions {
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(repositoryName, "repositoryName");
        Objects.requireNonNull(specfileFallback, "specfileFallback");
    }

    /** The bundled release table, default limits, nothing known about the repository. */
    public static LoadOptions defaults() {
        return new LoadOptions(TargetAliases.bundled(), YamlLimits.DEFAULTS, "", "");
    }

    /** These options with another release table. */
    public LoadOptions withReleaseTable(ReleaseTable table) {
        return new LoadOptions(new TargetAliases(table), limits, repositoryName, specfileFallback);
    }

    /** These options with other limits. */
    public LoadOptions withLimits(YamlLimits newLimits) {
        return new LoadOptions(aliases, newLimits, repositoryName, specfileFallback);
    }

    /** These options with the repository's name. */
    public LoadOptions withRepositoryName(String name) {
        return new LoadOptions(aliases, limits, name, specfileFallback);
    }

    /** These options with a spec path to fall back to. */
    public LoadOptions withSpecfileFallback(String path) {
        return new LoadOptions(aliases, limits, repositoryName, path);
    }
}
