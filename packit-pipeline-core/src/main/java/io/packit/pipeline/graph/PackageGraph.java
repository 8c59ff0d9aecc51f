package io.packit.pipeline.graph;

import io.packit.pipeline.config.PackageDependency;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monorepo's {@code depends} relation, checked: unknown packages, self-references and cycles are reported
 * (a cycle as a path {@code A -> B -> C -> A}, at the {@code depends} entry that closes it) and left out, so what
 * remains is a DAG. Gives a stable dependencies-first order of packages and which packages are top-level.
 */
final class PackageGraph {
    private final Map<String, List<String>> dependencies;
    private final Map<String, List<String>> dependents;
    private final Map<String, Set<String>> rebuildsWith;
    private final List<String> order;

    private PackageGraph(Map<String, List<String>> dependencies, Map<String, List<String>> dependents,
            Map<String, Set<String>> rebuildsWith, List<String> order) {
        this.dependencies = dependencies;
        this.dependents = dependents;
        this.rebuildsWith = rebuildsWith;
        this.order = order;
    }

    /** Checks the {@code depends} lists of {@code config}, reporting into {@code diagnostics}. */
    static PackageGraph of(PackitConfig config, Diagnostics diagnostics) {
        var packages = config.packages();
        var refs = new LinkedHashMap<String, List<PackageDependency>>();
        var rebuildsWith = new HashMap<String, Set<String>>();
        for (var pkg : packages.values()) {
            var valid = new ArrayList<PackageDependency>();
            var seen = new HashSet<String>();
            for (var ref : pkg.depends()) {
                if (ref.name().equals(pkg.name())) {
                    diagnostics.error(ref.position(), "package '" + pkg.name() + "' depends on itself");
                } else if (!packages.containsKey(ref.name())) {
                    diagnostics.error(ref.position(), "package '" + pkg.name() + "' depends on unknown package '"
                            + ref.name() + "' (packages: " + String.join(", ", packages.keySet()) + ")");
                } else if (seen.add(ref.name())) {
                    valid.add(ref);
                    if (ref.rebuild()) {
                        rebuildsWith.computeIfAbsent(pkg.name(), key -> new HashSet<>()).add(ref.name());
                    }
                }
            }
            refs.put(pkg.name(), valid);
        }
        // Depth-first search, iterative (chains of thousands of packages), in file order; a back edge is a cycle.
        var state = new HashMap<String, Integer>(); // absent: new, 1: on the stack, 2: done
        var order = new ArrayList<String>(packages.size());
        var kept = new LinkedHashMap<String, List<String>>();
        for (var name : packages.keySet()) {
            kept.put(name, new ArrayList<>());
        }
        for (var start : packages.keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            var path = new ArrayList<String>();
            var cursor = new ArrayList<Integer>();
            path.add(start);
            cursor.add(0);
            state.put(start, 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                var name = path.get(top);
                var deps = refs.get(name);
                int next = cursor.get(top);
                if (next < deps.size()) {
                    cursor.set(top, next + 1);
                    var ref = deps.get(next);
                    var target = ref.name();
                    var targetState = state.get(target);
                    if (targetState == null) {
                        kept.get(name).add(target);
                        state.put(target, 1);
                        path.add(target);
                        cursor.add(0);
                    } else if (targetState == 1) {
                        var cycle = new ArrayList<>(path.subList(path.indexOf(target), path.size()));
                        cycle.add(target);
                        diagnostics.error(ref.position(), "depends cycle: " + String.join(" -> ", cycle)
                                + " (remove '" + target + "' from the depends of '" + name + "' to break it)");
                    } else {
                        kept.get(name).add(target);
                    }
                } else {
                    state.put(name, 2);
                    order.add(name);
                    path.remove(top);
                    cursor.remove(top);
                }
            }
        }
        var dependents = new HashMap<String, List<String>>();
        for (var entry : kept.entrySet()) {
            for (var dep : entry.getValue()) {
                dependents.computeIfAbsent(dep, key -> new ArrayList<>()).add(entry.getKey());
            }
        }
        var frozen = new HashMap<String, List<String>>();
        kept.forEach((name, deps) -> frozen.put(name, List.copyOf(deps)));
        var rebuilds = new HashMap<String, Set<String>>();
        frozen.forEach((name, deps) -> rebuilds.put(name, Set.copyOf(deps.stream()
                .filter(dep -> rebuildsWith.getOrDefault(name, Set.of()).contains(dep)).toList())));
        return new PackageGraph(frozen, dependents, rebuilds, List.copyOf(order));
    }

    /** Every package, each after the packages it depends on; file order otherwise. */
    List<String> order() {
        return order;
    }

    /** The packages {@code name} depends on directly (valid, acyclic entries only), in written order. */
    List<String> dependenciesOf(String name) {
        return dependencies.getOrDefault(name, List.of());
    }

    /**
     * {@code name} and every package it depends on, transitively, each after the packages it depends on (depth-first
     * in written order): the packages a release of {@code name} covers, in the order they are built.
     */
    List<String> closureOf(String name) {
        var order = new ArrayList<String>();
        var seen = new HashSet<String>();
        var path = new ArrayList<String>();
        var cursor = new ArrayList<Integer>();
        path.add(name);
        cursor.add(0);
        seen.add(name);
        while (!path.isEmpty()) {
            int top = path.size() - 1;
            var deps = dependenciesOf(path.get(top));
            int next = cursor.get(top);
            if (next < deps.size()) {
                cursor.set(top, next + 1);
                if (seen.add(deps.get(next))) {
                    path.add(deps.get(next));
                    cursor.add(0);
                }
            } else {
                order.add(path.remove(top));
                cursor.remove(top);
            }
        }
        return List.copyOf(order);
    }

    /**
     * The packages {@code name} depends on with {@code rebuild: true} (also the short form): a change in one of them
     * makes {@code name} run.
     */
    Set<String> rebuildsWith(String name) {
        return rebuildsWith.getOrDefault(name, Set.of());
    }

    /**
     * Every package that {@code names} depend on, transitively through every {@code depends} entry (whatever its
     * {@code rebuild}), without {@code names} themselves unless one depends on another.
     */
    Set<String> dependencyClosure(Set<String> names) {
        var closure = new HashSet<String>();
        var stack = new ArrayList<String>();
        names.forEach(name -> stack.addAll(dependenciesOf(name)));
        while (!stack.isEmpty()) {
            var next = stack.remove(stack.size() - 1);
            if (closure.add(next)) {
                stack.addAll(dependenciesOf(next));
            }
        }
        return closure;
    }

    /** Whether no package depends on {@code name}. */
    boolean isTopLevel(String name) {
        return !dependents.containsKey(name);
    }

    /** The packages depending directly on {@code name}. */
    List<String> dependentsOf(String name) {
        return dependents.getOrDefault(name, List.of());
    }

    /**
     * The nearest packages below {@code name} (through {@code depends}, transitively) that satisfy
     * {@code hasJob}, looking through packages that do not.
     */
    List<String> nearestDependencies(String name, Set<String> hasJob) {
        var result = new ArrayList<String>();
        var seen = new HashSet<String>();
        var stack = new ArrayList<>(dependenciesOf(name));
        java.util.Collections.reverse(stack);
        while (!stack.isEmpty()) {
            var dep = stack.remove(stack.size() - 1);
            if (!seen.add(dep)) {
                continue;
            }
            if (hasJob.contains(dep)) {
                result.add(dep);
            } else {
                var below = new ArrayList<>(dependenciesOf(dep));
                java.util.Collections.reverse(below);
                stack.addAll(below);
            }
        }
        return result;
    }
}
