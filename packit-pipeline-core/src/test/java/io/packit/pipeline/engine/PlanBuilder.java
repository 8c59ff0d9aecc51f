package io.packit.pipeline.engine;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.CoprSettings;
import io.packit.pipeline.config.JobCommon;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackageConfig;
import io.packit.pipeline.config.PackageSettings;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ReleaseSettings;
import io.packit.pipeline.config.Targets;
import io.packit.pipeline.config.TestSettings;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.SourcePosition;
import io.packit.pipeline.graph.ConfigFixtures;
import io.packit.pipeline.graph.CriticalPath;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds plans by hand for engine tests (the planner makes the real ones): srpm + copr_build per package and
 * job, tests per chroot, {@code depends} edges from a dependency's build to the dependent's srpm, release jobs; nodes come out topologically
 * ordered.
 */
public final class PlanBuilder {
    private static final SourcePosition HERE = SourcePosition.of("packit.yaml");

    private final Map<NodeId, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /** The srpm and copr_build nodes of {@code pkg}'s job {@code job} on {@code chroots}. */
    public PlanBuilder build(String pkg, String job, String... chroots) {
        var srpm = NodeId.of(NodeKind.SRPM, pkg, job);
        var build = NodeId.of(NodeKind.COPR_BUILD, pkg, job);
        nodes.put(srpm, node(srpm, CoprBuildJob.KEY, List.of(), ""));
        nodes.put(build, node(build, CoprBuildJob.KEY, List.of(chroots), ""));
        edges.add(new Edge(srpm, build, EdgeKind.SRPM_TO_BUILD, ""));
        return this;
    }

    /** One tests node per chroot of {@code pkg}'s build {@code buildJob}. */
    public PlanBuilder tests(String pkg, String job, String buildJob, String... chroots) {
        var build = NodeId.of(NodeKind.COPR_BUILD, pkg, buildJob);
        for (var chroot : chroots) {
            var id = new NodeId(NodeKind.TESTS, pkg, job, chroot);
            nodes.put(id, node(id, TestsJob.KEY, List.of(chroot), chroot));
            edges.add(new Edge(build, id, EdgeKind.BUILD_TO_TESTS, chroot));
        }
        return this;
    }

    /** {@code pkg} depends on {@code dependency}: its srpm (which submits its build) waits for their whole build. */
    public PlanBuilder depends(String pkg, String dependency, String job) {
        var from = NodeId.of(NodeKind.COPR_BUILD, dependency, job);
        var to = NodeId.of(NodeKind.SRPM, pkg, job);
        edges.add(new Edge(from, to, EdgeKind.DEPENDS, ""));
        return this;
    }

    /** A single-node job of {@code kind} for {@code pkg}, gated on the same job of {@code after} packages. */
    public PlanBuilder release(NodeKind kind, String pkg, String job, String... after) {
        var id = NodeId.of(kind, pkg, job);
        nodes.put(id, node(id, kind.key(), List.of(), ""));
        for (var other : after) {
            edges.add(new Edge(NodeId.of(kind, other, job), id, EdgeKind.RELEASE_GATING, ""));
        }
        return this;
    }

    /** Puts {@code pkg}'s builds (both nodes of job {@code job}) into Copr project {@code project}. */
    public PlanBuilder coprProject(String pkg, String job, String project) {
        for (var kind : List.of(NodeKind.SRPM, NodeKind.COPR_BUILD)) {
            var id = NodeId.of(kind, pkg, job);
            var node = nodes.get(id);
            var view = node.view();
            var old = view.settings();
            var copr = new CoprSettings(old.copr().owner(), project, old.copr().timeout(), old.copr().preserveProject(),
                    old.copr().listOnHomepage(), old.copr().additionalRepos(), old.copr().additionalPackages(),
                    old.copr().bootstrap(), old.copr().moduleHotfixes(), old.copr().enableNet(), old.copr().srpmBuildDeps(),
                    old.copr().forgeProjectsAllowed());
            var settings = new PackageSettings(old.specfilePath(), old.upstreamPackageName(), old.downstreamPackageName(),
                    old.upstreamProjectUrl(), old.paths(), old.targets(), old.branch(), old.identifier(), old.packitInstances(),
                    old.require(), old.upstreamTagInclude(), old.upstreamTagExclude(), old.upstreamTagTemplate(), old.actions(),
                    copr, old.tests(), old.release(), old.otherKeys(), old.positions());
            nodes.put(id, new Node(id, new JobView(view.job(), view.pkg(), settings), node.chroots(), node.testTarget(),
                    node.implicit(), node.condition(), node.skipReason()));
        }
        return this;
    }

    /** Marks a node as not run for the event, with {@code reason}. */
    public PlanBuilder skip(String id, String reason) {
        var nodeId = NodeId.parse(id);
        var node = nodes.get(nodeId);
        nodes.put(nodeId, new Node(nodeId, node.view(), node.chroots(), node.testTarget(), false, node.condition(), reason));
        return this;
    }

    /** The plan, nodes topologically ordered (stable). */
    public Plan plan() {
        var indegree = new HashMap<NodeId, Integer>();
        var out = new HashMap<NodeId, List<NodeId>>();
        nodes.keySet().forEach(id -> indegree.put(id, 0));
        for (var edge : edges) {
            indegree.merge(edge.to(), 1, Integer::sum);
            out.computeIfAbsent(edge.from(), key -> new ArrayList<>()).add(edge.to());
        }
        var order = new ArrayList<Node>();
        var queue = new ArrayDeque<NodeId>();
        nodes.keySet().stream().filter(id -> indegree.get(id) == 0).forEach(queue::add);
        while (!queue.isEmpty()) {
            var id = queue.poll();
            order.add(nodes.get(id));
            for (var next : out.getOrDefault(id, List.of())) {
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    queue.add(next);
                }
            }
        }
        if (order.size() != nodes.size()) {
            throw new IllegalStateException("the test plan has a cycle");
        }
        var config = new PackitConfig("packit.yaml", "sha256:test", true, Map.of(), List.of(), false);
        return new Plan(config, new Event.PullRequest("main", 1, List.of(), List.of()), order, edges, CriticalPath.EMPTY);
    }

    private static Node node(NodeId id, String type, List<String> chroots, String testTarget) {
        var settings = new PackageSettings("", "", id.packageName(), "", List.of("./"), Targets.NONE, "", "",
                List.of("prod"), LabelRequirement.NONE, "", "", "{version}", Map.of(), CoprSettings.DEFAULTS,
                TestSettings.DEFAULTS, ReleaseSettings.DEFAULTS, Map.of(), Map.of());
        var pkg = new PackageConfig(id.packageName(), settings, List.of(), HERE);
        var job = ConfigFixtures.jobOf(type, new JobCommon(0, Trigger.PULL_REQUEST, id.job(), false, List.of(),
                Map.of(id.packageName(), settings), HERE, Map.of()), false, "");
        var condition = new RunCondition(Trigger.PULL_REQUEST, "", "", "", false, LabelRequirement.NONE, List.of());
        return new Node(id, new JobView(job, pkg, settings), chroots, testTarget, false, condition, "");
    }
}
