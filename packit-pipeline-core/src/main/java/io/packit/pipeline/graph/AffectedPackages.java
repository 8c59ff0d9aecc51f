package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackitConfig;
import java.util.HashSet;
import java.util.Set;

/**
 * Which packages a change touches: those whose {@code paths} hold a changed path, and those that depend on one
 * with {@code rebuild: true} (the default; with {@code rebuild: false} a change in the dependency alone does not make
 * the dependent run).
 */
final class AffectedPackages {
    private AffectedPackages() {
    }

    /**
     * Packages that run: all, or with changed paths those whose paths match or that depend, with {@code rebuild:
     * true}, on one that runs.
     */
    static Set<String> of(PackitConfig config, Event event, PlanOptions options, PackageGraph packages) {
        var changed = event.changedPaths();
        if (options.allPackages() || changed.isEmpty()) {
            return config.packages().keySet();
        }
        var normalized = changed.stream().map(AffectedPackages::normalizePath).toList();
        var running = new HashSet<String>();
        for (var name : packages.order()) {
            var pkg = config.packages().get(name);
            boolean touched = pkg.settings().paths().isEmpty()
                    || pkg.settings().paths().stream().map(AffectedPackages::normalizePath)
                            .anyMatch(root -> normalized.stream().anyMatch(path -> isUnder(path, root)));
            if (touched || packages.rebuildsWith(name).stream().anyMatch(running::contains)) {
                running.add(name);
            }
        }
        return running;
    }

    private static String normalizePath(String path) {
        var text = path.replace('\\', '/');
        while (text.startsWith("./")) {
            text = text.substring(2);
        }
        while (text.startsWith("/")) {
            text = text.substring(1);
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text.equals(".") ? "" : text;
    }

    private static boolean isUnder(String path, String root) {
        return root.isEmpty() || path.equals(root) || path.startsWith(root + "/");
    }
}
