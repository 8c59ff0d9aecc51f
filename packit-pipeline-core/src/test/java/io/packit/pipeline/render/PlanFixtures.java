package io.packit.pipeline.render;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.CoprSettings;
import io.packit.pipeline.config.DistGitBranch;
import io.packit.pipeline.config.JobCommon;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackageConfig;
import io.packit.pipeline.config.PackageSettings;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ReleaseSettings;
import io.packit.pipeline.config.Targets;
import io.packit.pipeline.config.TestSettings;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.SourcePosition;
import io.packit.pipeline.graph.AllPaths;
import io.packit.pipeline.graph.ConfigFixtures;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds {@link Plan}s in tests without the loader and planner: nodes are added in topological order, edges as
 * the planner would make them. Node views carry default settings; the critical path uses {@link #ESTIMATES}.
 */
public final class PlanFixtures {
    /** A valid digest for fixture configs. */
    public static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);
    /** The duration estimate of each kind (srpm 5, copr_build 20, tests 15, others 10 minutes, as the planner's). */
    public static final Function<NodeKind, Duration> ESTIMATES = kind -> switch (kind) {
        case SRPM -> Duration.ofMinutes(5);
        case COPR_BUILD -> Duration.ofMinutes(20);
        case TESTS -> Duration.ofMinutes(15);
        default -> Duration.ofMinutes(10);
    };

    /** A pull_request condition with no filters. */
    public static final RunCondition PULL_REQUEST = condition(Trigger.PULL_REQUEST);

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final LinkedHashSet<String> packages = new LinkedHashSet<>();
    private String file = "packit.yaml";
    private RunCondition condition = PULL_REQUEST;
    private List<String> distGitBranches = List.of("fedora-all");

    private PlanFixtures() {
    }

    /** An empty plan builder. */
    public static PlanFixtures plan() {
        return new PlanFixtures();
    }

    /** A condition on {@code trigger} without filters. */
    public static RunCondition condition(Trigger trigger) {
        return new RunCondition(trigger, "", "", "", false, LabelRequirement.NONE, List.of("prod"));
    }

    /** The config file name the plan says it came from. */
    public PlanFixtures file(String name) {
        this.file = name;
        return this;
    }

    /** The condition of nodes added from now on. */
    public PlanFixtures when(RunCondition next) {
        this.condition = next;
        return this;
    }

    /** The dist-git branches of release nodes added from now on. */
    public PlanFixtures distGitBranches(List<String> branches) {
        this.distGitBranches = List.copyOf(branches);
        return this;
    }

    /** srpm and copr_build of {@code pkg}'s {@code job} for {@code chroots}; returns the copr_build id. */
    public NodeId build(String pkg, String job, List<String> chroots) {
        var srpm = add(NodeId.of(NodeKind.SRPM, pkg, job), List.of(), "");
        var build = add(NodeId.of(NodeKind.COPR_BUILD, pkg, job), chroots, "");
        edge(srpm, build, EdgeKind.SRPM_TO_BUILD, "");
        return build;
    }

    /** One tests node per chroot of {@code build}, each needing that chroot; returns the ids. */
    public List<NodeId> tests(String pkg, String job, NodeId build, List<String> chroots) {
        var ids = new ArrayList<NodeId>();
        for (var chroot : chroots) {
            var id = add(new NodeId(NodeKind.TESTS, pkg, job, chroot), List.of(chroot), chroot);
            if (build != null) {
                edge(build, id, EdgeKind.BUILD_TO_TESTS, chroot);
            }
            ids.add(id);
        }
        return ids;
    }

    /** {@code dependent}'s srpm waits for each chroot of {@code dependency} ({@code depends}). */
    public PlanFixtures depends(NodeId dependentBuild, NodeId dependencyBuild, List<String> chroots) {
        var srpm = NodeId.of(NodeKind.SRPM, dependentBuild.packageName(), dependentBuild.job());
        for (var chroot : chroots) {
            edge(dependencyBuild, srpm, EdgeKind.DEPENDS, chroot);
        }
        return this;
    }

    /** A node that runs the packit command line, waiting for {@code needs} (whole nodes). */
    public NodeId cli(NodeKind kind, String pkg, String job, List<NodeId> needs) {
        var id = add(NodeId.of(kind, pkg, job), List.of(), "");
        needs.forEach(need -> edge(need, id, EdgeKind.RELEASE_GATING, ""));
        return id;
    }

    /** Adds an edge. */
    public PlanFixtures edge(NodeId from, NodeId to, EdgeKind kind, String chroot) {
        edges.add(new Edge(from, to, kind, chroot));
        return this;
    }

    /** Adds a node with its own view. */
    public NodeId add(NodeId id, List<String> chroots, String testTarget) {
        packages.add(id.packageName());
        nodes.add(new Node(id, view(id, chroots), chroots, testTarget, false, condition, ""));
        return id;
    }

    /** The plan, with its critical path under {@link #ESTIMATES}. */
    public Plan build() {
        var config = config();
        var ids = nodes.stream().map(Node::id).toList();
        return new Plan(config, new Event.AllTriggers(), nodes, edges,
                AllPaths.heaviest(ids, edges, id -> ESTIMATES.apply(id.kind()).toSeconds()));
    }

    private PackitConfig config() {
        var pkgs = new LinkedHashMap<String, PackageConfig>();
        packages.forEach(name -> pkgs.put(name, packageConfig(name)));
        return new PackitConfig(file, DIGEST, packages.size() > 1, pkgs, List.of(), false);
    }

    private JobView view(NodeId id, List<String> chroots) {
        // srpm and copr_build nodes come from a copr_build job; every other node kind is its job type's key
        var type = id.kind() == NodeKind.SRPM ? CoprBuildJob.KEY : id.kind().key();
        var settings = settings(chroots, distGitBranches);
        var job = ConfigFixtures.jobOf(type, new JobCommon(0, condition.trigger(), id.job(), condition.manual(),
                List.of(), Map.of(id.packageName(), settings), SourcePosition.of(file), Map.of()), false, "");
        return new JobView(job, packageConfig(id.packageName()), settings);
    }

    private PackageConfig packageConfig(String name) {
        return new PackageConfig(name, settings(List.of(), List.of()), List.of(), SourcePosition.of(file));
    }

    private static PackageSettings settings(List<String> chroots, List<String> branches) {
        var release = new ReleaseSettings(branches.stream().map(b -> new DistGitBranch(b, List.of())).toList(), false,
                List.of("packit"), List.of(), List.of("packit"));
        var targets = new LinkedHashMap<String, io.packit.pipeline.config.TargetOptions>();
        chroots.forEach(c -> targets.put(c, io.packit.pipeline.config.TargetOptions.NONE));
        return new PackageSettings("pkg.spec", "", "", "", List.of("./"),
                new Targets(targets, targets, SourcePosition.UNKNOWN), "", "", List.of("prod"), LabelRequirement.NONE,
                "", "", "{version}", Map.of(), CoprSettings.DEFAULTS, TestSettings.DEFAULTS, release, Map.of(),
                Map.of());
    }
}
