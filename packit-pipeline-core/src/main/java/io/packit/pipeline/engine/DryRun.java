package io.packit.pipeline.engine;

import io.packit.pipeline.graph.CliCommands;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a run would submit, node by node in plan order, without calling anything: the Copr project and build (with
 * the SRPM method), the Testing Farm request (compose, arch, tmt source, artifacts), the {@code packit} command.
 * It uses the executors' own request builders, so it shows what they would send.
 */
public final class DryRun {
    private final Plan plan;
    private final RunSettings settings;

    /** A dry run of {@code plan}. */
    public DryRun(Plan plan, RunSettings settings) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** One line per node, in the order the run would start them (each after what it needs). */
    public List<String> lines() {
        var state = new RunState(plan, EngineClock.system(), settings.coprBatches());
        // a scratch board where every build "exists", so test requests can be built as they would be
        for (var node : plan.nodes()) {
            if (node.kind() == NodeKind.COPR_BUILD) {
                state.recordRemote(node.id(), CoprBuildExecutor.BUILD_ID, "1");
                node.chroots().forEach(chroot -> state.reportChroot(node.id(), chroot, ChrootOutcome.of(NodeState.SUCCEEDED)));
                // a build in its project's chroots: the chroots its tests wait for stand in for the project's
                plan.edges().stream().filter(edge -> edge.from().equals(node.id()) && !edge.chroot().isEmpty())
                        .forEach(edge -> state.reportChroot(node.id(), edge.chroot(), ChrootOutcome.of(NodeState.SUCCEEDED)));
            }
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
                what = describe(state, node);
            } catch (RuntimeException e) {
                what = "cannot be submitted: " + e.getMessage();
            }
            var needs = state.needsOf(node.id()).stream().map(Edge::need).distinct().collect(Collectors.joining(", "));
            lines.add(id + "  " + what + (needs.isEmpty() ? "" : "  [after " + needs + "]"));
        }
        return lines;
    }

    /** The chroots a build is submitted on, as a run reads them ({@link CoprBuildExecutor}). */
    private static String chrootsText(Node build, CoprTarget target) {
        if (!build.chrootsAtRunTime()) {
            return String.join(", ", build.chroots());
        }
        return "the chroots of Copr project " + target + ", read from Copr when submitting ("
                + String.join(", ", build.view().settings().targets().chrootNames())
                + " if it does not exist yet or has none)";
    }

    private String describe(RunState state, Node node) {
        var kind = node.kind();
        if (kind == NodeKind.SRPM || kind == NodeKind.COPR_BUILD && state.srpmOf(node.id()).isEmpty()) {
            var build = kind == NodeKind.SRPM ? state.node(state.buildOf(node.id()).orElseThrow()) : node;
            var target = CoprTarget.of(build, plan.event(), settings);
            var source = CoprBuildExecutor.source(state, build, settings);
            var batch = "";
            if (settings.coprBatches()) {
                var anchor = BatchOrder.of(state).anchorOf(build.id());
                batch = anchor.map(a -> (a.joins() ? ", with_build_id of " : ", after_build_id of ") + a.build()).orElse("");
            }
            return "submit a Copr build to " + target + " on " + chrootsText(build, target) + batch
                    + ", SRPM by " + source.method() + " script: "
                    + source.fields().getOrDefault("script", "").toString().lines().reduce((a, b) -> b).orElse("");
        }
        if (kind == NodeKind.COPR_BUILD) {
            return "wait for that Copr build, chroot by chroot (" + (node.chrootsAtRunTime() ? "the chroots it is submitted on"
                    : String.join(", ", node.chroots())) + ")";
        }
        if (kind == NodeKind.TESTS) {
            var request = TestingFarmExecutor.request(state, node.id(), settings);
            var fmf = request.payload().path("test").path("tmt");
            var builds = state.needsOf(node.id()).stream().filter(edge -> edge.kind() == io.packit.pipeline.graph.EdgeKind.BUILD_TO_TESTS)
                    .map(edge -> {
                        var deps = state.dependencyBuildsOf(edge.from()).stream().map(dep -> dep + "@" + edge.chroot()).toList();
                        var all = new ArrayList<>(deps);
                        java.util.Collections.reverse(all);
                        all.add(edge.need());
                        return String.join(", ", all);
                    }).collect(Collectors.joining(", "));
            return "submit a Testing Farm request: " + request.compose() + " " + request.arch() + ", tmt "
                    + fmf.path("url").asText() + (fmf.hasNonNull("ref") ? "@" + fmf.path("ref").asText() : "")
                    + (fmf.hasNonNull("name") ? " plan " + fmf.path("name").asText() : "")
                    + (builds.isEmpty() ? ", no build" : ", artifacts of " + builds);
        }
        return "run: " + CliCommands.of(node, plan).line();
    }
}
