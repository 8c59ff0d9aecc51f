package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.graph.CliCommands;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.Reuse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a run would submit, node by node in plan order, without submitting anything: the Copr project and build (with
 * the SRPM method), the Testing Farm request (compose, arch, tmt source, artifacts), the {@code packit} command.
 * It uses the executors' own request builders, so it shows what they would send. Given a Copr client, it looks up
 * the builds the run would reuse ({@link BuildReuse}, reads only) and shows which chroots would be taken from which
 * build and which would be built; every dependency is taken to succeed.
 */
public final class DryRun {
    private final Plan plan;
    private final RunSettings settings;
    @CheckForNull
    private final CoprClient copr;

    /** A dry run of {@code plan} that looks nothing up: builds that may be reused are said to be. */
    public DryRun(Plan plan, RunSettings settings) {
        this(plan, settings, null);
    }

    /** A dry run of {@code plan} that looks up reusable builds in {@code copr} (null: looks nothing up). */
    public DryRun(Plan plan, RunSettings settings, @CheckForNull CoprClient copr) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.copr = copr;
    }

    /** One line per node, in the order the run would start them (each after what it needs). */
    public List<String> lines() {
        var state = new RunState(plan, EngineClock.system(), settings.coprBatches());
        var lookups = new HashMap<NodeId, String>();
        var reuse = copr == null ? null : new BuildReuse(copr, settings);
        // a scratch board where every build "exists" (reused chroots as the lookup found them), so test requests can
        // be built as they would be
        for (var node : plan.nodes()) {
            if (node.kind() != NodeKind.COPR_BUILD) {
                continue;
            }
            if (node.runs() && node.reuse() != Reuse.NONE) {
                if (reuse == null) {
                    lookups.put(node.id(), node.reuse().describe(plan.event()) + " (not looked up: no Copr); ");
                } else {
                    try {
                        reuse.find(state, node, plannedChroots(node)).forEach((chroot, found) -> state.reportChroot(node.id(),
                                chroot, ChrootOutcome.reused(found.build(), found.resultUrl())));
                    } catch (RuntimeException e) {
                        lookups.put(node.id(), "cannot look for builds to reuse (" + e.getMessage() + "); ");
                    }
                }
            }
            if (!toBuild(state, node).isEmpty()) {
                state.recordRemote(node.id(), CoprBuildExecutor.BUILD_ID, "1");
            }
            toBuild(state, node).forEach(chroot -> state.reportChroot(node.id(), chroot, ChrootOutcome.of(NodeState.SUCCEEDED)));
        }
        var width = plan.nodes().stream().mapToInt(node -> node.id().toString().length()).max().orElse(0);
        var lines = new ArrayList<String>();
        for (var node : plan.nodes()) {
            var id = String.format("%-" + width + "s", node.id());
            if (!node.runs()) {
                lines.add(id + "  skipped: " + node.skipReason());
                continue;
            }
            String what;
            try {
                what = describe(state, node, lookups);
            } catch (RuntimeException e) {
                what = "cannot be submitted: " + e.getMessage();
            }
            var needs = state.needsOf(node.id()).stream().map(Edge::need).distinct().collect(Collectors.joining(", "));
            lines.add(id + "  " + what + (needs.isEmpty() ? "" : "  [after " + needs + "]"));
        }
        return lines;
    }

    /**
     * The chroots of build {@code node}; for a build in its project's chroots, the chroots its tests wait for stand
     * in for the project's.
     */
    private List<String> plannedChroots(Node node) {
        if (!node.chrootsAtRunTime()) {
            return node.chroots();
        }
        return plan.edges().stream().filter(edge -> edge.from().equals(node.id()) && !edge.chroot().isEmpty())
                .map(edge -> edge.chroot()).distinct().toList();
    }

    /** The chroots of build {@code node} that no existing build serves. */
    private List<String> toBuild(RunState state, Node node) {
        var status = state.status(node.id());
        return plannedChroots(node).stream().filter(chroot -> status.chroot(chroot).map(ChrootOutcome::state)
                .filter(chrootState -> chrootState == NodeState.REUSED).isEmpty()).toList();
    }

    /** {@code Copr build 8123459 of this commit in jdoe/mono-7 for fedora-41-x86_64; …}, or empty. */
    private static String reusedText(RunState state, Node build) {
        var byBuild = new LinkedHashMap<ReusedBuild, List<String>>();
        state.status(build.id()).chroots().forEach((chroot, outcome) -> {
            var reused = outcome.reused();
            if (reused != null) {
                byBuild.computeIfAbsent(reused, key -> new ArrayList<>()).add(chroot);
            }
        });
        return byBuild.entrySet().stream().map(entry -> entry.getKey().describe() + " for "
                + String.join(", ", entry.getValue())).collect(Collectors.joining("; "));
    }

    /** The chroots a build is submitted on, as a run reads them ({@link CoprBuildExecutor}). */
    private static String chrootsText(Node build, CoprTarget target, List<String> chroots) {
        if (!build.chrootsAtRunTime()) {
            return String.join(", ", chroots);
        }
        return "the chroots of Copr project " + target + ", read from Copr when submitting ("
                + String.join(", ", build.view().settings().targets().chrootNames())
                + " if it does not exist yet or has none)";
    }

    private String describe(RunState state, Node node, Map<NodeId, String> lookups) {
        var kind = node.kind();
        if (kind == NodeKind.SRPM || kind == NodeKind.COPR_BUILD && state.srpmOf(node.id()).isEmpty()) {
            var build = kind == NodeKind.SRPM ? state.node(state.buildOf(node.id()).orElseThrow()) : node;
            var reused = reusedText(state, build);
            var prefix = lookups.getOrDefault(build.id(), "") + (reused.isEmpty() ? "" : "reuse " + reused + "; ");
            var chroots = toBuild(state, build);
            if (chroots.isEmpty() && !build.chrootsAtRunTime()) {
                return prefix + "submit nothing";
            }
            var target = CoprTarget.of(build, plan.event(), settings);
            var source = CoprBuildExecutor.source(state, build, settings);
            var batch = "";
            if (settings.coprBatches()) {
                var placement = BatchOrder.of(state).placementOf(build.id(), other -> toBuild(state, state.node(other))
                        .isEmpty() && !state.node(other).chrootsAtRunTime() ? BatchOrder.Standing.NOTHING_SUBMITTED
                        : BatchOrder.Standing.SUBMITTED);
                if (placement instanceof BatchOrder.Placement.Anchor anchor) {
                    batch = (anchor.joins() ? ", with_build_id of " : ", after_build_id of ") + anchor.build();
                }
            }
            return prefix + "submit a Copr build to " + target + " on " + chrootsText(build, target, chroots) + batch
                    + ", SRPM by " + source.method() + " script: "
                    + source.fields().getOrDefault("script", "").toString().lines().reduce((a, b) -> b).orElse("");
        }
        if (kind == NodeKind.COPR_BUILD) {
            var chroots = toBuild(state, node);
            var reused = reusedText(state, node);
            if (chroots.isEmpty() && !node.chrootsAtRunTime()) {
                return "take " + reused;
            }
            return "wait for that Copr build, chroot by chroot (" + (node.chrootsAtRunTime() ? "the chroots it is submitted on"
                    : String.join(", ", chroots)) + ")" + (reused.isEmpty() ? "" : "; take " + reused);
        }
        if (kind == NodeKind.TESTS) {
            var request = TestingFarmExecutor.request(state, node.id(), settings);
            var fmf = request.payload().path("test").path("tmt");
            var builds = state.needsOf(node.id()).stream().filter(edge -> edge.kind() == EdgeKind.BUILD_TO_TESTS)
                    .map(edge -> {
                        var all = new ArrayList<>(state.dependencyBuildsFirst(edge.from()));
                        all.add(edge.from());
                        return all.stream().map(build -> artifactText(state, build, edge.chroot()))
                                .collect(Collectors.joining(", "));
                    }).collect(Collectors.joining(", "));
            return "submit a Testing Farm request: " + request.compose() + " " + request.arch() + ", tmt "
                    + fmf.path("url").asText() + (fmf.hasNonNull("ref") ? "@" + fmf.path("ref").asText() : "")
                    + (fmf.hasNonNull("name") ? " plan " + fmf.path("name").asText() : "")
                    + (builds.isEmpty() ? ", no build" : ", artifacts of " + builds);
        }
        return "run: " + CliCommands.of(node, plan).line();
    }

    /** {@code copr_build:B:build1@fedora-41-x86_64}, or {@code Copr build 8123459 (reused)} for a reused chroot. */
    private static String artifactText(RunState state, NodeId build, String chroot) {
        var reused = state.status(build).chroot(chroot).map(ChrootOutcome::reused).orElse(null);
        return reused == null ? build.withoutChroot() + "@" + chroot : "Copr build " + reused.buildId() + " (reused)";
    }
}
