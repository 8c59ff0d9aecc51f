package io.packit.pipeline.graph;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.JobType;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

/** One planning run: the state {@link JobGraphPlanner} builds a plan with. */
final class Planning {
    private static final String UNCHANGED = "unchanged";

    private final PackitConfig config;
    private final Event event;
    private final PlanOptions options;
    private final Diagnostics diagnostics;
    private final ConditionCheck check;

    private final List<Node> nodes = new ArrayList<>();
    private final Map<NodeId, Integer> position = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<DependencyRepo> repos = new ArrayList<>();
    /** Build nodes per job (key: {@link #jobKey}) and package, for depends edges. */
    private final Map<String, Map<String, NodeId>> buildsByJob = new LinkedHashMap<>();
    private final Map<NodeId, JobView> buildViews = new HashMap<>();
    /** The srpm node that submits each build. */
    private final Map<NodeId, NodeId> srpmOfBuild = new HashMap<>();
    private final Set<String> validRegexes = new HashSet<>();
    /** Release jobs left out for packages that are not top-level, per job (identity: JobConfig is a deep record). */
    private final Map<JobConfig, List<String>> notReleased = new IdentityHashMap<>();

    Planning(PackitConfig config, Event event, PlanOptions options, Diagnostics diagnostics) {
        this.config = config;
        this.event = event;
        this.options = options;
        this.diagnostics = diagnostics;
        this.check = new ConditionCheck(event, options);
    }

    Plan run() {
        var packages = PackageGraph.of(config, diagnostics);
        var safeNames = safePackageNames();
        var views = viewsByPackage();
        var running = affectedPackages(packages);
        for (var name : packages.order()) {
            var pkgViews = views.getOrDefault(name, List.of());
            var labels = labelsOf(pkgViews);
            planPackage(name, safeNames.get(name), pkgViews, labels, packages, running.contains(name));
        }
        addDependsEdges(packages);
        warnUncoveredReleases(packages);
        var ordered = topologicalOrder();
        var finalNodes = List.copyOf(propagateSkips(ordered));
        var finalEdges = List.copyOf(edges);
        var index = new PlanIndex(finalNodes, finalEdges);
        var critical = CriticalPathFinder.find(finalNodes, index, options.estimates());
        return new Plan(config, event, finalNodes, finalEdges, critical, repos, index);
    }

    // ---- packages -------------------------------------------------------------------------------------------

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

    /** Packages that run: all, or with changed paths those whose paths match or that depend on one that runs. */
    private Set<String> affectedPackages(PackageGraph packages) {
        var changed = event.changedPaths();
        if (options.allPackages() || changed.isEmpty()) {
            return config.packages().keySet();
        }
        var normalized = changed.stream().map(Planning::normalizePath).toList();
        var running = new HashSet<String>();
        for (var name : packages.order()) {
            var pkg = config.packages().get(name);
            boolean touched = pkg.settings().paths().isEmpty()
                    || pkg.settings().paths().stream().map(Planning::normalizePath)
                            .anyMatch(root -> normalized.stream().anyMatch(path -> isUnder(path, root)));
            if (touched || packages.dependenciesOf(name).stream().anyMatch(running::contains)) {
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

    // ---- labels ---------------------------------------------------------------------------------------------

    /** The id parts of one package's jobs: per view its label, and for tests views the label of an implicit build. */
    private record Labels(Map<JobView, String> label, Map<JobView, String> implicitBuild) {
    }

    /**
     * The id part of every view of one package: {@link JobView#label()} made id-safe; when two jobs of the same
     * node kind would share it, the later gets the trigger appended (when the label is an identifier), else its job index. Computed over all views,
     * not just the planned ones, so ids do not depend on the event.
     */
    private static Labels labelsOf(List<JobView> views) {
        var labels = new IdentityHashMap<JobView, String>();
        var taken = new HashSet<String>();
        for (var view : views) {
            var group = view.job().type().key();
            var base = IdParts.safe(view.label());
            var label = base;
            if (!taken.add(group + ":" + label)) {
                // an identifier shared by jobs of several triggers ("a | b") keeps apart by trigger; a label that
                // is the trigger already, or still taken, by the job's index in the file
                var byTrigger = IdParts.safe(base + "-" + view.job().trigger().key());
                label = !view.job().identifier().isEmpty() && taken.add(group + ":" + byTrigger)
                        ? byTrigger
                        : IdParts.safe(base + "-" + view.job().index());
                taken.add(group + ":" + label);
            }
            labels.put(view, label);
        }
        // An implicit build takes its tests job's label, unless a real copr_build job of the package has it.
        var implicit = new IdentityHashMap<JobView, String>();
        for (var view : views) {
            if (view.job().type() == JobType.TESTS) {
                var label = labels.get(view);
                implicit.put(view, taken.contains("copr_build:" + label) ? IdParts.safe(label + "-implicit") : label);
            }
        }
        return new Labels(labels, implicit);
    }

    // ---- nodes ----------------------------------------------------------------------------------------------

    private void planPackage(String name, String safeName, List<JobView> views, Labels labels,
            PackageGraph packages, boolean affected) {
        var builds = new ArrayList<JobView>();
        var buildIds = new IdentityHashMap<JobView, NodeId>();
        for (var view : views) {
            if (view.job().type() == JobType.COPR_BUILD) {
                builds.add(view);
                if (check.plansTrigger(view.job().trigger())) {
                    buildIds.put(view, addBuild(view, safeName, labels.label().get(view), false, affected,
                            chrootsOf(view)));
                }
            }
        }
        var kojiBuilds = new ArrayList<Node>();
        var bodhiUpdates = new ArrayList<Node>();
        for (var view : views) {
            var type = view.job().type();
            if (type == JobType.COPR_BUILD || !check.plansTrigger(view.job().trigger())) {
                continue;
            }
            if (type == JobType.TESTS) {
                planTests(view, safeName, labels, builds, buildIds, affected);
                continue;
            }
            var kind = NodeKind.ofSingleNodeJob(type);
            if (kind.isEmpty()) {
                continue; // sync_from_downstream, koji_build_tag: not pipeline work
            }
            if (type.isRelease() && !packages.isTopLevel(name)) {
                notReleased.computeIfAbsent(view.job(), job -> new ArrayList<>()).add(name);
                continue;
            }
            var node = addNode(NodeId.of(kind.get(), safeName, labels.label().get(view)), view, List.of(), "", false,
                    affected);
            if (type == JobType.KOJI_BUILD) {
                kojiBuilds.add(node);
            } else if (type == JobType.BODHI_UPDATE) {
                bodhiUpdates.add(node);
            }
        }
        // Bodhi updates are made from Koji builds: with both for the same trigger, the update waits for the build.
        for (var update : bodhiUpdates) {
            for (var build : kojiBuilds) {
                if (build.view().job().trigger() == update.view().job().trigger()) {
                    edges.add(new Edge(build.id(), update.id(), EdgeKind.RELEASE_GATING, ""));
                }
            }
        }
    }

    private NodeId addBuild(JobView view, String safeName, String label, boolean implicit, boolean affected,
            List<String> chroots) {
        var srpm = addNode(NodeId.of(NodeKind.SRPM, safeName, label), view, List.of(), "", implicit, affected);
        var build = addNode(NodeId.of(NodeKind.COPR_BUILD, safeName, label), view, chroots, "", implicit, affected);
        edges.add(new Edge(srpm.id(), build.id(), EdgeKind.SRPM_TO_BUILD, ""));
        buildsByJob.computeIfAbsent(jobKey(view.job(), implicit), key -> new LinkedHashMap<>())
                .put(view.packageName(), build.id());
        buildViews.put(build.id(), view);
        srpmOfBuild.put(build.id(), srpm.id());
        return build.id();
    }

    /** The job's resolved targets, or the default chroots when it has none. */
    private List<String> chrootsOf(JobView view) {
        var targets = view.settings().targets();
        return targets.isEmpty() ? options.defaultChroots() : targets.chrootNames();
    }

    private static String jobKey(JobConfig job, boolean implicit) {
        return (implicit ? "implicit:" : "") + job.index() + ":" + job.trigger().key();
    }

    private void planTests(JobView view, String safeName, Labels labels, List<JobView> builds,
            Map<JobView, NodeId> buildIds, boolean affected) {
        var job = view.job();
        var label = labels.label().get(view);
        var testChroots = view.settings().targets().isEmpty() ? List.<String>of() : chrootsOf(view);
        NodeId build = null;
        List<String> buildChroots = List.of();
        JobView buildView = null;
        if (!job.skipBuild()) {
            var choice = chooseBuild(view, builds);
            if (choice.failed()) {
                return;
            }
            var chosen = choice.build();
            if (chosen == null) {
                testChroots = chrootsOf(view);
                build = addBuild(view, safeName, labels.implicitBuild().get(view), true, affected, testChroots);
                buildChroots = testChroots;
                buildView = view;
            } else {
                buildView = chosen;
                build = buildIds.get(buildView);
                buildChroots = chrootsOf(buildView);
                if (testChroots.isEmpty()) {
                    testChroots = buildChroots;
                }
            }
        }
        if (testChroots.isEmpty()) {
            testChroots = chrootsOf(view);
        }
        var targetsPosition = view.settings().targets().position().equals(SourcePosition.UNKNOWN)
                ? job.position() : view.settings().targets().position();
        var covered = new HashSet<>(buildChroots);
        var internal = view.settings().tests().useInternalTf();
        for (var written : testChroots) {
            var chroot = written;
            var idChroot = written;
            if (build != null && !covered.contains(written)) {
                // A tests target may name a Testing Farm target that a build chroot maps to (epel-9 → centos-stream-9).
                var mapped = TestTargets.buildChrootFor(written, buildChroots, internal);
                if (mapped.isPresent()) {
                    chroot = mapped.get();
                    addTests(view, safeName, label, build, chroot, written, written, affected);
                    continue;
                }
                diagnostics.error(targetsPosition, "tests job " + describe(view) + " of package '"
                        + view.packageName() + "' targets " + chroot + ", which its build, copr_build job "
                        + describe(buildView) + ", does not build; add " + chroot
                        + " to the build's targets or remove it from the tests' targets");
                continue;
            }
            var targets = TestTargets.of(chroot, view.settings().targets().optionsFor(chroot), internal);
            for (var target : targets) {
                addTests(view, safeName, label, build, chroot, targets.size() == 1 ? idChroot
                        : IdParts.safe(chroot + "+" + target), target, affected);
            }
        }
    }

    private void addTests(JobView view, String safeName, String label, NodeId build, String chroot, String idChroot,
            String target, boolean affected) {
        var tests = addNode(new NodeId(NodeKind.TESTS, safeName, label, idChroot), view, List.of(chroot), target, false,
                affected);
        if (build != null) {
            edges.add(new Edge(build, tests.id(), EdgeKind.BUILD_TO_TESTS, chroot));
        }
    }

    /** Which copr_build job a tests job uses; {@code build} null and not failed: none exists, build implicitly. */
    private record BuildChoice(@CheckForNull JobView build, boolean failed) {
        static final BuildChoice IMPLICIT = new BuildChoice(null, false);
        static final BuildChoice FAILED = new BuildChoice(null, true);
    }

    private BuildChoice chooseBuild(JobView tests, List<JobView> builds) {
        var job = tests.job();
        var wanted = job.buildIdentifier();
        if (!wanted.isEmpty()) {
            var named = builds.stream().filter(build -> build.job().identifier().equals(wanted)).toList();
            if (named.isEmpty()) {
                var known = builds.stream().map(build -> build.job().identifier()).filter(id -> !id.isEmpty())
                        .distinct().map(id -> "'" + id + "'").toList();
                diagnostics.error(job.positionOf("build_identifier"), "tests job " + describe(tests)
                        + " has build_identifier '" + wanted + "', but package '" + tests.packageName()
                        + "' has no copr_build job with that identifier ("
                        + (known.isEmpty() ? "it has no copr_build job with an identifier"
                                : "copr_build identifiers: " + String.join(", ", known)) + ")");
                return BuildChoice.FAILED;
            }
            var sameTrigger = named.stream().filter(build -> build.job().trigger() == job.trigger()).toList();
            if (sameTrigger.isEmpty()) {
                diagnostics.error(job.positionOf("build_identifier"), "tests job " + describe(tests)
                        + " runs on " + job.trigger().key() + ", but its build_identifier '" + wanted
                        + "' names copr_build job " + describe(named.get(0)) + ", which runs on "
                        + named.stream().map(build -> build.job().trigger().key()).distinct()
                                .collect(Collectors.joining(", ")));
                return BuildChoice.FAILED;
            }
            return new BuildChoice(narrowByBranch(tests, sameTrigger).get(0), false);
        }
        var candidates = builds.stream().filter(build -> build.job().trigger() == job.trigger()).toList();
        if (candidates.isEmpty()) {
            return BuildChoice.IMPLICIT;
        }
        var narrowed = narrowByBranch(tests, candidates);
        if (narrowed.size() == 1) {
            return new BuildChoice(narrowed.get(0), false);
        }
        diagnostics.error(job.position(), "tests job " + describe(tests) + " of package '" + tests.packageName()
                + "' could use several copr_build jobs on " + job.trigger().key() + ": "
                + narrowed.stream().map(Planning::describe).collect(Collectors.joining(", "))
                + "; set build_identifier to the identifier of the one it tests");
        return BuildChoice.FAILED;
    }

    /** The candidates whose {@code branch} equals the tests job's, when that leaves any; else all. */
    private static List<JobView> narrowByBranch(JobView tests, List<JobView> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        var branch = tests.settings().branch();
        var same = candidates.stream().filter(build -> build.settings().branch().equals(branch)).toList();
        return same.isEmpty() ? candidates : same;
    }

    /** {@code jobs[2] (build1)}: how problems name a job. */
    private static String describe(JobView view) {
        var identifier = view.job().identifier();
        return view.job().path() + (identifier.isEmpty() ? "" : " ('" + identifier + "')");
    }

    private Node addNode(NodeId id, JobView view, List<String> chroots, String testTarget, boolean implicit,
            boolean affected) {
        var job = view.job();
        var settings = view.settings();
        checkRegex(settings.branch(), "branch", view);
        checkRegex(settings.upstreamTagInclude(), "upstream_tag_include", view);
        checkRegex(settings.upstreamTagExclude(), "upstream_tag_exclude", view);
        var condition = new RunCondition(job.trigger(), settings.branch(), settings.upstreamTagInclude(),
                settings.upstreamTagExclude(), job.manualTrigger(), settings.require(), settings.packitInstances());
        var reason = check.skipReason(condition);
        if (reason.isEmpty() && !affected) {
            reason = UNCHANGED;
        }
        var node = new Node(id, view, chroots, testTarget, implicit, condition, reason);
        if (position.putIfAbsent(id, nodes.size()) != null) {
            diagnostics.error(job.position(), "two nodes would have the id " + id + "; give " + job.path()
                    + " a distinct identifier");
            return nodes.get(position.get(id));
        }
        nodes.add(node);
        return node;
    }

    private void checkRegex(String regex, String key, JobView view) {
        if (!regex.isEmpty() && !validRegexes.contains(regex) && !ConditionCheck.isValidRegex(regex)) {
            var where = view.job().keyPositions().containsKey(key) ? view.job().positionOf(key)
                    : view.settings().positionOf(key, view.job().position());
            diagnostics.error(where, key + " '" + regex + "' is not a valid regular expression");
            return;
        }
        if (!regex.isEmpty()) {
            validRegexes.add(regex);
        }
    }

    /**
     * A release job left out for a package that is not top-level is fine when the release of a top-level package
     * with the same job covers it (its dependency closure); warn, once per job, about packages no such release covers.
     */
    private void warnUncoveredReleases(PackageGraph packages) {
        for (var entry : notReleased.entrySet()) {
            var job = entry.getKey();
            var withJob = new HashSet<>(job.packageNames());
            var covered = new HashSet<String>();
            var order = packages.order();
            for (int i = order.size() - 1; i >= 0; i--) {
                var name = order.get(i);
                for (var dependent : packages.dependentsOf(name)) {
                    if (covered.contains(dependent) || (withJob.contains(dependent) && packages.isTopLevel(dependent))) {
                        covered.add(name);
                        break;
                    }
                }
            }
            var uncovered = entry.getValue().stream().filter(name -> !covered.contains(name)).toList();
            if (uncovered.isEmpty()) {
                continue;
            }
            var shown = uncovered.stream().limit(10).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            diagnostics.warning(job.position(), job.type().key() + " " + job.path() + " does not run for " + shown
                    + (uncovered.size() > 10 ? " and " + (uncovered.size() - 10) + " more" : "")
                    + ": release jobs run for top-level packages only, and no top-level package that depends on "
                    + (uncovered.size() == 1 ? "it" : "them") + " has this job");
        }
    }

    // ---- depends --------------------------------------------------------------------------------------------

    /**
     * The srpm node of each build of a package waits for the whole build of the same job of the packages it depends
     * on (the nearest ones that have that job): in Copr the SRPM phase is part of the build submission, and a
     * dependent build is submitted once its dependencies' builds have ended (DESIGN §4, edge 3). The edge waits for
     * the whole node; the engine submits the dependent build only on the common chroots where every dependency
     * succeeded. Records how the dependent build sees their results.
     */
    private void addDependsEdges(PackageGraph packages) {
        for (var builds : buildsByJob.values()) {
            var hasJob = builds.keySet();
            for (var entry : builds.entrySet()) {
                var dependent = entry.getValue();
                var submitter = srpmOfBuild.get(dependent);
                for (var depName : packages.nearestDependencies(entry.getKey(), hasJob)) {
                    var dependency = builds.get(depName);
                    var dependencyNode = nodes.get(position.get(dependency));
                    if (!UNCHANGED.equals(dependencyNode.skipReason())) {
                        // An unchanged dependency is not rebuilt: its last build in the Copr project serves.
                        edges.add(new Edge(dependency, submitter, EdgeKind.DEPENDS, ""));
                    }
                    recordRepo(dependent, dependency);
                }
            }
        }
    }

    private void recordRepo(NodeId dependent, NodeId dependency) {
        var mine = buildViews.get(dependent).settings().copr();
        var theirs = buildViews.get(dependency).settings().copr();
        if (mine.owner().equals(theirs.owner()) && mine.project().equals(theirs.project())) {
            repos.add(new DependencyRepo(dependent, dependency, DependencyRepo.Access.SAME_PROJECT, ""));
            return;
        }
        var owner = theirs.owner().isEmpty() ? "packit" : theirs.owner();
        var repo = "copr://" + owner + "/" + (theirs.project().isEmpty() ? "<generated>" : theirs.project());
        var listed = !theirs.project().isEmpty() && mine.additionalRepos().stream()
                .anyMatch(entry -> entry.contains(owner.replace("@", "") + "/" + theirs.project()));
        repos.add(new DependencyRepo(dependent, dependency,
                listed ? DependencyRepo.Access.ADDITIONAL_REPO : DependencyRepo.Access.ADD_REPO, repo));
    }

    // ---- order and skips ------------------------------------------------------------------------------------

    /** Kahn's algorithm, always taking the ready node created first: stable and readable. */
    private List<Node> topologicalOrder() {
        int count = nodes.size();
        var indegree = new int[count];
        var outgoing = new ArrayList<List<Integer>>(count);
        for (int i = 0; i < count; i++) {
            outgoing.add(new ArrayList<>(2));
        }
        var seen = new HashSet<Edge>();
        var unique = new ArrayList<Edge>(edges.size());
        for (var edge : edges) {
            Integer from = position.get(edge.from());
            Integer to = position.get(edge.to());
            if (from == null || to == null || !seen.add(edge)) {
                continue;
            }
            unique.add(edge);
            outgoing.get(from).add(to);
            indegree[to]++;
        }
        edges.clear();
        edges.addAll(unique);
        var ready = new PriorityQueue<Integer>();
        for (int i = 0; i < count; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        var ordered = new ArrayList<Node>(count);
        while (!ready.isEmpty()) {
            int next = ready.poll();
            ordered.add(nodes.get(next));
            for (int to : outgoing.get(next)) {
                if (--indegree[to] == 0) {
                    ready.add(to);
                }
            }
        }
        if (ordered.size() != count) {
            throw new IllegalStateException("the job graph of " + config.file() + " has a cycle among "
                    + (count - ordered.size()) + " nodes; this is a planner bug");
        }
        var edgeOrder = new HashMap<NodeId, Integer>(count * 2);
        for (int i = 0; i < ordered.size(); i++) {
            edgeOrder.put(ordered.get(i).id(), i);
        }
        edges.sort(java.util.Comparator.<Edge>comparingInt(edge -> edgeOrder.get(edge.to()))
                .thenComparingInt(edge -> edgeOrder.get(edge.from()))
                .thenComparing(Edge::chroot));
        return ordered;
    }

    /**
     * A node that needs a node which does not run does not run either, with the root cause named:
     * {@code copr_build:A:b does not run: manual job not requested}.
     */
    private List<Node> propagateSkips(List<Node> ordered) {
        var into = new HashMap<NodeId, List<Edge>>(ordered.size() * 2);
        for (var edge : edges) {
            into.computeIfAbsent(edge.to(), id -> new ArrayList<>(2)).add(edge);
        }
        var rootCause = new HashMap<NodeId, String>();
        var result = new ArrayList<Node>(ordered.size());
        for (var node : ordered) {
            var reason = node.skipReason();
            if (!reason.isEmpty()) {
                rootCause.put(node.id(), node.id() + " does not run: " + reason);
            } else {
                for (var edge : into.getOrDefault(node.id(), List.of())) {
                    var cause = rootCause.get(edge.from());
                    if (cause != null) {
                        reason = cause;
                        rootCause.put(node.id(), cause);
                        node = new Node(node.id(), node.view(), node.chroots(), node.testTarget(), node.implicit(),
                                node.condition(), reason);
                        break;
                    }
                }
            }
            result.add(node);
        }
        return result;
    }
}
