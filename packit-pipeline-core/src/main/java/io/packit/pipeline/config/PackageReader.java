package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the packages of a file: the checked {@code packages} mappings of a monorepo, the name of the one package
 * of a file without them (as Packit names it), and each package's {@code depends} (our extension).
 */
final class PackageReader {
    private final Diagnostics diagnostics;
    private final KeyChecker keys;
    private final LoadOptions options;

    PackageReader(Diagnostics diagnostics, KeyChecker keys, LoadOptions options) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The checked {@code packages} mappings by name (empty when absent or broken). */
    Map<String, YamlMapping> packages(YamlMapping top) {
        var packages = new LinkedHashMap<String, YamlMapping>();
        var entry = top.entry("packages");
        if (entry.isEmpty()) {
            return packages;
        }
        var value = entry.get().value();
        if (!(value instanceof YamlMapping mapping)) {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'packages' must be a mapping of package name to settings, got " + value.describe());
            return packages;
        }
        if (mapping.entries().isEmpty()) {
            diagnostics.error(entry.get().keyPosition(), "'packages' is empty; list at least one package or remove the key");
            return packages;
        }
        for (var pkg : mapping.entries().values()) {
            var where = "packages." + pkg.key();
            if (pkg.value() instanceof YamlMapping settings) {
                keys.check(settings, where, KeyChecker.Level.PACKAGE);
                packages.put(pkg.key(), settings);
            } else {
                diagnostics.error(pkg.value() instanceof YamlScalar scalar && scalar.isNull() ? pkg.keyPosition() : pkg.value().position(),
                        "%s must be a mapping of settings, got %s".formatted(where, pkg.value().describe()));
                packages.put(pkg.key(), YamlMapping.empty(pkg.keyPosition()));
            }
        }
        return packages;
    }

    /**
     * The name of the one package of a file without {@code packages}: its {@code downstream_package_name}, else the
     * repository's name, else {@code upstream_package_name}, else the spec file's name.
     */
    String singlePackageName(Map<String, YamlMapping.Entry> top) {
        if (top.get("downstream_package_name") != null && top.get("downstream_package_name").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            return scalar.text();
        }
        if (!options.repositoryName().isEmpty()) {
            return options.repositoryName();
        }
        if (top.get("upstream_package_name") != null && top.get("upstream_package_name").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            return scalar.text();
        }
        if (top.get("specfile_path") != null && top.get("specfile_path").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            var name = scalar.text().substring(scalar.text().lastIndexOf('/') + 1);
            return name.endsWith(".spec") ? name.substring(0, name.length() - 5) : name;
        }
        var specName = options.specfileFallback();
        if (!specName.isEmpty()) {
            var name = specName.substring(specName.lastIndexOf('/') + 1);
            return name.endsWith(".spec") ? name.substring(0, name.length() - 5) : name;
        }
        return "package";
    }

    /**
     * The packages {@code packages.<name>.depends} names, each checked to exist, not to be itself, and given once: a
     * plain name, or the long form {@code {name: B, rebuild: false}} ({@code rebuild} defaults to true; the shape of
     * the mapping is the value checker's).
     */
    List<PackageDependency> depends(String name, YamlMapping node, Set<String> known) {
        var refs = new ArrayList<PackageDependency>();
        var entry = node.entry("depends");
        if (entry.isEmpty() || !(entry.get().value() instanceof YamlSequence list)) {
            return refs;
        }
        var seen = new LinkedHashSet<String>();
        for (var item : list.items()) {
            YamlScalar scalar;
            boolean rebuild = true;
            if (item instanceof YamlMapping mapping) {
                if (!(mapping.value("name").orElse(null) instanceof YamlScalar named) || !named.isString()) {
                    continue;
                }
                scalar = named;
                var written = mapping.value("rebuild");
                if (written.isPresent() && !(written.get() instanceof YamlScalar unset && unset.isNull())) {
                    rebuild = new JobKeys(mapping.entries()).bool("rebuild");
                }
            } else if (item instanceof YamlScalar plain && !plain.isNull()) {
                scalar = plain;
            } else {
                continue;
            }
            var other = scalar.text();
            if (other.equals(name)) {
                diagnostics.error(scalar.position(), "package '%s' depends on itself in packages.%s.depends".formatted(name, name));
            } else if (!known.contains(other)) {
                diagnostics.error(scalar.position(), "unknown package '%s' in packages.%s.depends (known: %s)%s"
                        .formatted(other, name, DidYouMean.quoted(known), DidYouMean.hint(other, known)));
            } else if (!seen.add(other)) {
                diagnostics.warning(scalar.position(), "package '%s' is listed twice in packages.%s.depends".formatted(other, name));
            } else {
                refs.add(new PackageDependency(other, rebuild, scalar.position()));
            }
        }
        return refs;
    }
}
