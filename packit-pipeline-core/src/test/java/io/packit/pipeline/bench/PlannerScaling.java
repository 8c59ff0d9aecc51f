package io.packit.pipeline.bench;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import io.packit.pipeline.graph.Plan;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How planning grows with the size of a monorepo: generated monorepos of 100, 1,000 and 5,000 packages (ten jobs
 * each, six chroots per build; each package depends on up to three of the twenty packages before it), planned
 * for all triggers and for a pull request. Prints nodes, edges, median time and the retained heap of one plan,
 * with both per 1,000 nodes + edges, so linear growth shows as flat per-unit figures.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.PlannerScaling} (optional args: package counts).
 */
public final class PlannerScaling {
    private PlannerScaling() {
    }

    /** Entry point; args: package counts (default 100 1000 5000). */
    public static void main(String[] args) {
        var sizes = new ArrayList<Integer>();
        for (var arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(100, 1000, 5000));
        }
        PrintStream out = System.out;
        out.printf("%-9s %-6s %9s %9s %10s %12s %10s %14s%n", "packages", "event", "nodes", "edges", "median ms",
                "ms/1k n+e", "plan MB", "bytes/(n+e)");
        var planner = new JobGraphPlanner();
        warmUp(planner);
        for (int size : sizes) {
            var config = MonorepoGenerator.benchmark(size, 6, 42);
            for (var event : List.<Event>of(new Event.AllTriggers(),
                    new Event.PullRequest("main", 1, List.of(), List.of()))) {
                measure(out, planner, config, event, size);
            }
        }
    }

    private static void warmUp(JobGraphPlanner planner) {
        var config = MonorepoGenerator.benchmark(300, 6, 7);
        for (int i = 0; i < 15; i++) {
            planner.plan(config, new Event.AllTriggers());
        }
    }

    private static void measure(PrintStream out, JobGraphPlanner planner, PackitConfig config, Event event, int size) {
        int runs = size >= 5000 ? 5 : size >= 1000 ? 9 : 21;
        var times = new long[runs];
        Plan plan = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            plan = planner.plan(config, event);
            times[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        double medianMs = times[runs / 2] / 1e6;
        int units = plan.nodes().size() + plan.edges().size();
        long retained = retainedBytes(planner, config, event);
        out.printf("%-9d %-6s %9d %9d %10.1f %12.2f %10.1f %14.0f%n", size,
                event instanceof Event.AllTriggers ? "all" : "pr", plan.nodes().size(), plan.edges().size(), medianMs,
                medianMs * 1000.0 / units, retained / 1e6, (double) retained / units);
    }

    /** Heap held by one plan beyond its config: used heap after GC with the plan alive, minus without it. */
    private static long retainedBytes(JobGraphPlanner planner, PackitConfig config, Event event) {
        long before = usedAfterGc();
        var plan = planner.plan(config, event);
        long after = usedAfterGc();
        if (plan.nodes().isEmpty()) {
            throw new IllegalStateException("empty plan for " + config.file());
        }
        return Math.max(0, after - before);
    }

    private static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
