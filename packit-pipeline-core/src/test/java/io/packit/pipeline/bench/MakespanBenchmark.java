package io.packit.pipeline.bench;

import io.packit.pipeline.graph.AllPaths;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.JenkinsfileRenderer;
import io.packit.pipeline.render.JenkinsfileTree;
import io.packit.pipeline.render.PlanScenarios;
import io.packit.pipeline.render.RenderedRun;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * On random DAG-shaped monorepos with random node durations, compares the makespan of our rendered structure
 * (simulated with {@link RenderedRun}) against a layered rendering (one column per DAG level, each column waiting
 * for the whole previous one) and against the critical path; prints the ratios. Exits 1 when ours ever differs
 * from the critical path. Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.MakespanBenchmark}.
 */
public final class MakespanBenchmark {
    private MakespanBenchmark() {
    }

    public static void main(String[] args) {
        var random = new Random(2026);
        var renderer = new JenkinsfileRenderer();
        int rounds = 200;
        double sumLayered = 0;
        double maxLayered = 0;
        int mismatches = 0;
        for (int round = 0; round < rounds; round++) {
            var plan = PlanScenarios.randomMonorepo(random, 2 + random.nextInt(40), 1 + random.nextInt(5));
            var durations = new HashMap<NodeId, Long>();
            plan.nodes().forEach(node -> durations.put(node.id(), 60 + (long) random.nextInt(3600)));
            long critical = AllPaths.longest(plan, node -> durations.get(node.id()));
            var run = RenderedRun.of(JenkinsfileTree.parse(renderer.render(plan)), plan, node -> durations.get(node.id()));
            long layered = layered(plan, durations);
            if (run.makespan() != critical) {
                mismatches++;
            }
            double ratio = (double) layered / critical;
            sumLayered += ratio;
            maxLayered = Math.max(maxLayered, ratio);
        }
        System.out.printf("%d random DAGs: ours/critical = %s, layered/critical mean %.3f max %.3f, ours/layered mean %.3f%n",
                rounds, mismatches == 0 ? "1.000 on every DAG" : mismatches + " mismatches", sumLayered / rounds,
                maxLayered, rounds / sumLayered);
        if (mismatches > 0) {
            throw new IllegalStateException(mismatches + " DAGs where our makespan differs from the critical path");
        }
    }

    /** The makespan when each DAG level is one column that starts after the whole previous column ended. */
    static long layered(Plan plan, Map<NodeId, Long> durations) {
        var level = new HashMap<NodeId, Integer>();
        var longest = new HashMap<Integer, Long>();
        var needs = new HashMap<NodeId, java.util.List<io.packit.pipeline.graph.Edge>>();
        plan.edges().forEach(edge -> needs.computeIfAbsent(edge.to(), id -> new java.util.ArrayList<>()).add(edge));
        for (var node : plan.nodes()) {
            int l = 0;
            for (var edge : needs.getOrDefault(node.id(), java.util.List.of())) {
                l = Math.max(l, level.get(edge.from()) + 1);
            }
            level.put(node.id(), l);
            longest.merge(l, durations.get(node.id()), Math::max);
        }
        return longest.values().stream().mapToLong(Long::longValue).sum();
    }
}
