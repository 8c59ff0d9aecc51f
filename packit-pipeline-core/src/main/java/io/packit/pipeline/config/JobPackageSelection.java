package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A job's {@code packages}: the packages it applies to (all when absent), and for the mapping form the settings
 * each package overrides within the job.
 *
 * @param refs      the selected packages, with where each was named
 * @param overrides package name → its checked common-key entries in {@code jobs[i].packages.<name>}
 */
record JobPackageSelection(List<PackageRef> refs, Map<String, Map<String, YamlMapping.Entry>> overrides) {
    JobPackageSelection {
        refs = List.copyOf(refs);
        overrides = Map.copyOf(overrides);
    }

    /** The selection of job {@code node}, or empty when it is broken (problems recorded). */
    static Optional<JobPackageSelection> read(YamlMapping node, String where, Set<String> known, KeyChecker keys,
            Diagnostics diagnostics) {
        Objects.requireNonNull(diagnostics, "diagnostics");
        var entry = node.entry("packages");
        // Packit drops a job key whose value is null (packit/packit@69d783e8 packit/schema.py:865): all packages
        if (entry.isEmpty() || entry.get().value() instanceof YamlScalar scalar && scalar.isNull()) {
            var refs = known.stream().map(name -> new PackageRef(name, node.position())).toList();
            return Optional.of(new JobPackageSelection(refs, Map.of()));
        }
        var value = entry.get().value();
        var refs = new ArrayList<PackageRef>();
        var overrides = new LinkedHashMap<String, Map<String, YamlMapping.Entry>>();
        boolean ok = true;
        if (value instanceof YamlSequence list) {
            for (var item : list.items()) {
                if (!(item instanceof YamlScalar scalar) || scalar.isNull()) {
                    diagnostics.error(item.position(), "'packages' in %s must list package names, got %s".formatted(where, item.describe()));
                    ok = false;
                    continue;
                }
                addRef(refs, scalar.text(), scalar.position(), where, known, diagnostics);
            }
        } else if (value instanceof YamlMapping dict) {
            for (var pkg : dict.entries().values()) {
                addRef(refs, pkg.key(), pkg.keyPosition(), where, known, diagnostics);
                var pkgWhere = where + ".packages." + pkg.key();
                if (pkg.value() instanceof YamlMapping settings) {
                    overrides.put(pkg.key(), keys.check(settings, pkgWhere, KeyChecker.Level.JOB_PACKAGE));
                } else if (!(pkg.value() instanceof YamlScalar scalar && scalar.isNull())) {
                    diagnostics.error(pkg.value().position(), "%s must be a mapping of settings, got %s"
                            .formatted(pkgWhere, pkg.value().describe()));
                    ok = false;
                }
            }
        } else {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'packages' in %s must be %s, got %s".formatted(where, ValueKind.JOB_PACKAGES.expected(), value.describe()));
            return Optional.empty();
        }
        if (refs.isEmpty() && ok && !diagnostics.hasErrors()) {
            diagnostics.warning(entry.get().keyPosition(), "'packages' in %s selects no package; the job never runs".formatted(where));
        }
        return ok ? Optional.of(new JobPackageSelection(refs, overrides)) : Optional.empty();
    }

    /**
     * Adds {@code name} to {@code refs} when it names a package (reported otherwise, and left out). With no package
     * known, the file's {@code packages} is broken and reported already: a name is left out without a problem of its
     * own, so that only the root problem is reported.
     */
    private static void addRef(List<PackageRef> refs, String name, SourcePosition position, String where, Set<String> known,
            Diagnostics diagnostics) {
        if (known.isEmpty()) {
            return;
        }
        if (!known.contains(name)) {
            diagnostics.error(position, "unknown package '%s' in %s.packages (known: %s)%s"
                    .formatted(name, where, DidYouMean.quoted(known), DidYouMean.hint(name, known)));
        } else if (refs.stream().anyMatch(ref -> ref.name().equals(name))) {
            diagnostics.warning(position, "package '%s' is listed twice in %s.packages".formatted(name, where));
        } else {
            refs.add(new PackageRef(name, position));
        }
    }
}
