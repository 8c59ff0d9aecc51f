package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.JobCommon;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackageConfig;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.diag.SourcePosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The critical path against an oracle that shares nothing with it: every path walked by brute force
 * ({@link AllPaths}) on random small DAGs, and small cases computed by hand (default estimates: srpm 5 min,
 * copr_build 20, tests 15, the rest 10).
 */
class CriticalPathFinderTest {
    private static final SourcePosition HERE = SourcePosition.of(ConfigFixtures.FILE);
    private static final RunCondition CONDITION = new RunCondition(Trigger.PULL_REQUEST, "", "", "", false,
            LabelRequirement.NONE, List.of());

    @Property(tries = 500)
    void shouldBeTheHeaviestOfAllPathsThroughRunningNodes(@ForAll @IntRange(min = 0, max = 10) int size,
            @ForAll long seed) {
        var random = new Random(seed);
        var kinds = NodeKind.values();
        var estimates = new EnumMap<NodeKind, Duration>(NodeKind.class);
        for (var kind : kinds) {
            estimates.put(kind, Duration.ofMinutes(random.nextInt(61)));
        }
        var nodes = new ArrayList<Node>();
        for (int i = 0; i < size; i++) {
            nodes.add(node(kinds[random.nextInt(kinds.length)], "n" + i, random.nextInt(5) > 0));
        }
        var edges = new ArrayList<Edge>();
        for (int to = 0; to < size; to++) {
            for (int from = 0; from < to; from++) {
                if (random.nextInt(3) == 0) {
                    edges.add(new Edge(nodes.get(from).id(), nodes.get(to).id(), EdgeKind.DEPENDS, ""));
                    if (random.nextInt(4) == 0) {
                        // a second, chroot-level edge between the same two nodes
                        edges.add(new Edge(nodes.get(from).id(), nodes.get(to).id(), EdgeKind.BUILD_TO_TESTS, "c"));
                    }
                }
            }
        }
        var durations = new DurationEstimates(estimates);
        var running = nodes.stream().filter(Node::runs).map(Node::id).toList();

        var found = CriticalPathFinder.find(nodes, new PlanIndex(nodes, edges), durations);

        assertThat(found.length().toSeconds())
                .isEqualTo(AllPaths.longest(running, edges, id -> durations.of(id.kind()).toSeconds()));
        if (running.isEmpty()) {
            assertThat(found).isEqualTo(CriticalPath.EMPTY);
        } else {
            assertThat(AllPaths.of(running, edges)).contains(found.nodes());
            assertThat(AllPaths.length(found.nodes(), id -> durations.of(id.kind()).toSeconds()))
                    .isEqualTo(found.length().toSeconds());
        }
    }

    @Example
    void shouldHaveNoPathWithoutNodes() {
        assertThat(find(List.of(), List.of())).isEqualTo(CriticalPath.EMPTY);
        assertThat(AllPaths.of(List.of(), List.of())).isEmpty();
    }

    @Example
    void shouldRunAlongAChain() {
        var srpm = node(NodeKind.SRPM, "A", true);
        var build = node(NodeKind.COPR_BUILD, "A", true);
        var tests = node(NodeKind.TESTS, "A", true);

        var path = find(List.of(srpm, build, tests), List.of(edge(srpm, build), edge(build, tests)));

        assertThat(path.nodes()).containsExactly(srpm.id(), build.id(), tests.id());
        assertThat(path.length()).isEqualTo(Duration.ofMinutes(5 + 20 + 15));
    }

    @Example
    void shouldTakeTheHeavierSideOfADiamond() {
        var a = node(NodeKind.SRPM, "A", true);
        var b = node(NodeKind.COPR_BUILD, "B", true);
        var c = node(NodeKind.KOJI_BUILD, "C", true);
        var d = node(NodeKind.BODHI_UPDATE, "D", true);
        var edges = List.of(edge(a, b), edge(a, c), edge(b, d), edge(c, d));

        var path = find(List.of(a, b, c, d), edges);

        // A-B-D: 5 + 20 + 10 = 35 minutes; A-C-D: 5 + 10 + 10 = 25
        assertThat(path.nodes()).containsExactly(a.id(), b.id(), d.id());
        assertThat(path.length()).isEqualTo(Duration.ofMinutes(35));
        // four single nodes, four edges, two paths of three
        assertThat(AllPaths.of(List.of(a.id(), b.id(), c.id(), d.id()), edges)).hasSize(10);
    }

    @Example
    void shouldLeaveOutNodesThatDoNotRun() {
        var srpm = node(NodeKind.SRPM, "A", true);
        var build = node(NodeKind.COPR_BUILD, "A", false);
        var tests = node(NodeKind.TESTS, "A", false);
        var koji = node(NodeKind.KOJI_BUILD, "B", true);
        var bodhi = node(NodeKind.BODHI_UPDATE, "B", true);

        var path = find(List.of(srpm, build, tests, koji, bodhi),
                List.of(edge(srpm, build), edge(build, tests), edge(koji, bodhi)));

        // the 40-minute chain of A does not run: srpm alone is 5 minutes, koji then bodhi 20
        assertThat(path.nodes()).containsExactly(koji.id(), bodhi.id());
        assertThat(path.length()).isEqualTo(Duration.ofMinutes(20));
    }

    private static CriticalPath find(List<Node> nodes, List<Edge> edges) {
        return CriticalPathFinder.find(nodes, new PlanIndex(nodes, edges), DurationEstimates.DEFAULTS);
    }

    private static Edge edge(Node from, Node to) {
        return new Edge(from.id(), to.id(), EdgeKind.DEPENDS, "");
    }

    /** A node of {@code kind} of package {@code pkg}'s job {@code j}, running or skipped. */
    private static Node node(NodeKind kind, String pkg, boolean runs) {
        var settings = ConfigFixtures.settings(List.of(), List.of());
        var type = switch (kind) {
            case SRPM -> CoprBuildJob.KEY;
            case SIDE_TAG, WAIT_REPO -> "koji_build";
            default -> kind.key();
        };
        var job = ConfigFixtures.jobOf(type, new JobCommon(0, Trigger.PULL_REQUEST, "j", false, List.of(),
                Map.of(pkg, settings), HERE, Map.of()), false, "");
        var view = new JobView(job, new PackageConfig(pkg, settings, List.of(), HERE), settings);
        var id = kind == NodeKind.TESTS ? new NodeId(kind, pkg, "j", "fedora-41-x86_64") : NodeId.of(kind, pkg, "j");
        return new Node(id, view, List.of(), "", false, CONDITION, runs ? "" : "manual job not requested");
    }
}
