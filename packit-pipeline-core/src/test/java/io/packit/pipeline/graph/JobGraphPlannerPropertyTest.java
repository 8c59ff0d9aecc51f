package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** DESIGN §4's rules hold on random DAG-shaped monorepos, for every event kind. */
class JobGraphPlannerPropertyTest {
    private static final List<Event> EVENTS = List.of(
            new Event.AllTriggers(),
            new Event.PullRequest("main", 1, List.of(), List.of()),
            new Event.PullRequest("main", 2, List.of("src/p0/x.c"), List.of()),
            new Event.Commit("main", List.of("src/p3/a", "README")),
            new Event.Release("v1.0"));

    private final JobGraphPlanner planner = new JobGraphPlanner();

    @Property(tries = 300)
    void shouldKeepEveryEdgeWithinTheRules(@ForAll long seed) {
        var config = MonorepoGenerator.random(seed);
        for (var event : EVENTS) {
            var diagnostics = new Diagnostics();
            var plan = planner.plan(config, event, diagnostics);

            assertThat(diagnostics.errors()).as("errors for %s", event).isEmpty();
            checkRules(config, plan);
        }
    }

    @Property(tries = 200)
    void shouldGiveUniqueStableIdsAndTheSamePlanTwice(@ForAll long seed) {
        var config = MonorepoGenerator.random(seed);
        var all = planner.plan(config, new Event.AllTriggers());
        var allIds = all.nodes().stream().map(Node::id).toList();

        assertThat(allIds).doesNotHaveDuplicates();
        assertThat(planner.plan(config, new Event.AllTriggers())).isEqualTo(all);
        assertThat(planner.plan(MonorepoGenerator.random(seed), new Event.AllTriggers()).nodes())
                .extracting(Node::id).containsExactlyElementsOf(allIds);
        for (var event : EVENTS) {
            var ids = planner.plan(config, event).nodes().stream().map(Node::id).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(allIds).as("ids do not depend on the event").containsAll(ids);
        }
    }

    private static void checkRules(PackitConfig config, Plan plan) {
        var position = new HashMap<NodeId, Integer>();
        for (int i = 0; i < plan.nodes().size(); i++) {
            assertThat(position.put(plan.nodes().get(i).id(), i)).as("unique id").isNull();
        }
        var buildInto = new HashMap<NodeId, Integer>();
        for (var edge : plan.edges()) {
            assertThat(position).containsKeys(edge.from(), edge.to());
            assertThat(position.get(edge.from())).as("topological: %s", edge).isLessThan(position.get(edge.to()));
            var from = plan.find(edge.from()).orElseThrow();
            var to = plan.find(edge.to()).orElseThrow();
            switch (edge.kind()) {
                case SRPM_TO_BUILD -> {
                    assertThat(from.kind()).isEqualTo(NodeKind.SRPM);
                    assertThat(to.kind()).isEqualTo(NodeKind.COPR_BUILD);
                    assertThat(to.id().withoutChroot()).isEqualTo(
                            NodeId.of(NodeKind.COPR_BUILD, from.id().packageName(), from.id().job()));
                }
                case BUILD_TO_TESTS -> {
                    assertThat(from.kind()).isEqualTo(NodeKind.COPR_BUILD);
                    assertThat(to.kind()).isEqualTo(NodeKind.TESTS);
                    assertThat(to.id().packageName()).isEqualTo(from.id().packageName());
                    var tests = (TestsJob) to.view().job();
                    assertThat(tests.skipBuild()).isFalse();
                    assertThat(edge.chroot()).isEqualTo(to.chroots().get(0));
                    assertThat(from.chroots()).contains(edge.chroot());
                    var wanted = tests.buildIdentifier();
                    if (!wanted.isEmpty()) {
                        assertThat(from.view().job().identifier()).isEqualTo(wanted);
                        assertThat(from.view().job().trigger()).isEqualTo(to.view().job().trigger());
                    } else {
                        assertThat(from.implicit()).isTrue();
                    }
                    buildInto.merge(to.id(), 1, Integer::sum);
                }
                case DEPENDS -> {
                    // the dependency's whole build -> the srpm that submits the dependent's build, same job
                    assertThat(from.kind()).isEqualTo(NodeKind.COPR_BUILD);
                    assertThat(to.kind()).isEqualTo(NodeKind.SRPM);
                    assertThat(edge.chroot()).isEmpty();
                    assertThat(from.view().job().index()).isEqualTo(to.view().job().index());
                    assertThat(from.implicit()).isEqualTo(to.implicit());
                    assertThat(from.id().job()).isEqualTo(to.id().job());
                    assertThat(closure(config, to.id().packageName())).contains(from.id().packageName());
                }
                case RELEASE_GATING -> {
                    assertThat(from.id().packageName()).isEqualTo(to.id().packageName());
                    var pair = from.kind() + ">" + to.kind();
                    if (Plan.isSideTagRelease(to.id())) {
                        // side tag -> builds; build -> its repository wait and the update; wait -> dependents' builds
                        assertThat(pair).isIn("side_tag>koji_build", "koji_build>wait_repo", "wait_repo>koji_build",
                                "koji_build>bodhi_update");
                        assertThat(from.id().chroot()).as("one branch").isEqualTo(to.id().chroot());
                        if (!from.id().member().isEmpty()) {
                            assertThat(closure(config, to.id().packageName())).contains(from.id().member());
                        }
                    } else {
                        assertThat(pair).isEqualTo("koji_build>bodhi_update");
                    }
                }
            }
        }
        for (var node : plan.nodes()) {
            if (node.kind() == NodeKind.TESTS && !((TestsJob) node.view().job()).skipBuild()) {
                assertThat(buildInto.get(node.id())).as("one build for %s", node.id()).isEqualTo(1);
            }
            if (node.view().job().releases()) {
                assertThat(isTopLevel(config, node.id().packageName())).as("release only top-level").isTrue();
            }
            if (node.kind() == NodeKind.COPR_BUILD && node.view().job() instanceof CoprBuildJob) {
                // Every direct dependency that has the same build job is waited for by the srpm that submits the
                // build; the build itself waits for that srpm only.
                var srpm = NodeId.of(NodeKind.SRPM, node.id().packageName(), node.id().job());
                assertThat(plan.needsOf(node.id())).extracting(Edge::from).containsExactly(srpm);
                var deps = config.packages().get(node.id().packageName()).dependsNames();
                for (var dep : deps) {
                    var theirs = NodeId.of(NodeKind.COPR_BUILD, dep, node.id().job());
                    if (plan.find(theirs).filter(Node::runs).isPresent()) {
                        assertThat(plan.needsOf(srpm)).extracting(Edge::from).contains(theirs);
                    }
                }
            }
            if (!node.runs() && !node.skipReason().equals("unchanged")) {
                assertThat(node.skipReason()).isNotBlank();
            }
            for (var edge : plan.needsOf(node.id())) {
                if (node.runs()) {
                    assertThat(plan.find(edge.from()).orElseThrow().runs()).as("%s runs after %s", node.id(), edge)
                            .isTrue();
                }
            }
        }
    }

    private static Set<String> closure(PackitConfig config, String name) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<>(config.packages().get(name).dependsNames());
        while (!queue.isEmpty()) {
            var next = queue.poll();
            if (seen.add(next)) {
                queue.addAll(config.packages().get(next).dependsNames());
            }
        }
        return seen;
    }

    private static boolean isTopLevel(PackitConfig config, String name) {
        return config.packages().values().stream().noneMatch(pkg -> pkg.dependsNames().contains(name));
    }
}
