package io.packit.pipeline.graph;

import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One planning run, the way {@link JobGraphPlanner} makes a plan: per package in dependency order the nodes of its
 * jobs ({@link PackagePlanning}), then the {@code depends} edges between builds, the warnings about releases no
 * top-level package covers, the order, and the critical path.
 */
final class Planning {
    private final PackitConfig config;
    private final Event event;
    private final PlanOptions options;
    private final Diagnostics diagnostics;

    Planning(PackitConfig config, Event event, PlanOptions options, Diagnostics diagnostics) {
        this.config = config;
        this.event = event;
        this.options = options;
        this.diagnostics = diagnostics;
    }

    Plan run() {
        var packages = PackageGraph.of(config, diagnostics);
        var check = new ConditionCheck(event, options);
        var nodes = new PlanNodes(diagnostics, check);
        var repos = new ArrayList<DependencyRepo>();
        var builds = new BuildNodes(nodes, options.defaultChroots(), repos, options.reuse());
        var releases = new UncoveredReleases(diagnostics);
        var safeNames = safePackageNames();
        var shared = new PackagePlanning.Shared(nodes, builds, new TestNodes(nodes, builds, diagnostics), releases,
                check, packages, new SideTagRelease(nodes, diagnostics, packages, safeNames));
        var views = viewsByPackage();
        var running = AffectedPackages.of(config, event, options, packages);
        for (var name : packages.order()) {
            var pkgViews = views.getOrDefault(name, List.of());
            new PackagePlanning(shared, name, safeNames.get(name), JobLabels.of(pkgViews), running.contains(name))
                    .plan(pkgViews);
        }
        builds.addDependsEdges(packages);
        releases.warn(packages);
        var order = PlanOrder.of(nodes, config.file());
        var index = new PlanIndex(order.nodes(), order.edges());
        var critical = CriticalPathFinder.find(order.nodes(), index, options.estimates());
        return new Plan(config, event, order.nodes(), order.edges(), critical, repos, index);
    }

    private Map<String, String> safePackageNames() {
        var safe = new LinkedHashMap<String, String>();
        var taken = new HashMap<String, String>();
        for (var pkg : config.packages().values()) {
            var part = IdParts.safe(pkg.name());
            var other = taken.putIfAbsent(part, pkg.name());
            if (other != null) {
                diagnostics.error(pkg.position(), "packages '" + other + "' and '" + pkg.name()
                        + "' give the same node id part '" + part + "'; rename one of them");
            }
            safe.put(pkg.name(), part);
        }
        return safe;
    }

    private Map<String, List<JobView>> viewsByPackage() {
        var byPackage = new HashMap<String, List<JobView>>();
        for (var job : config.jobs()) {
            for (var name : job.packageNames()) {
                var pkg = config.packages().get(name);
                if (pkg == null) {
                    diagnostics.error(job.position(), job.path() + " applies to unknown package '" + name + "'");
                    continue;
                }
                var settings = job.perPackage().getOrDefault(name, pkg.settings());
                byPackage.computeIfAbsent(name, key -> new ArrayList<>()).add(new JobView(job, pkg, settings));
            }
        }
        return byPackage;
    }
}
