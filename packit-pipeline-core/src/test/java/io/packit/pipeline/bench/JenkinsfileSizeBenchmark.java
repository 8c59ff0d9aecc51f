package io.packit.pipeline.bench;

import io.packit.pipeline.render.CpsCompiler;
import io.packit.pipeline.render.GroupingLevel;
import io.packit.pipeline.render.JenkinsfileRenderer;
import io.packit.pipeline.render.PlanScenarios;
import io.packit.pipeline.render.RenderOptions;
import java.nio.charset.StandardCharsets;

/**
 * Renders monorepos of 10, 100 and 1,000 packages and the largest real-world-sized config (50 packages × 3 build
 * jobs × 6 chroots, every build tested), and prints render time, Jenkinsfile size, grouping level, stages and
 * whether it compiles under CPS; then finds the largest one-stage-per-node Jenkinsfile that still compiles.
 * Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.JenkinsfileSizeBenchmark}.
 */
public final class JenkinsfileSizeBenchmark {
    private JenkinsfileSizeBenchmark() {
    }

    public static void main(String[] args) {
        var renderer = new JenkinsfileRenderer();
        System.out.printf("%-26s %7s %7s %9s %10s %8s %7s %9s%n", "plan", "nodes", "edges", "render_ms", "bytes",
                "level", "stages", "compiles");
        int[][] cases = {{10, 1, 3}, {100, 1, 3}, {1000, 1, 3}, {50, 3, 6}};
        for (var c : cases) {
            var plan = PlanScenarios.bigMonorepo(c[0], c[1], c[2]);
            renderer.render(plan);
            long start = System.nanoTime();
            int runs = 5;
            String text = null;
            for (int i = 0; i < runs; i++) {
                text = renderer.render(plan);
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            var layout = renderer.layout(plan);
            System.out.printf("%-26s %7d %7d %9.1f %10d %8s %7d %9s%n",
                    c[0] + " pkg x " + c[1] + " builds x " + c[2], plan.nodes().size(), plan.edges().size(), ms,
                    text.getBytes(StandardCharsets.UTF_8).length, layout.level().name().toLowerCase(),
                    layout.stageBlocks(), CpsCompiler.compiles(text));
        }
        var unlimited = new JenkinsfileRenderer(new RenderOptions(100_000, 100_000, 0, 10_000_000, GroupingLevel.NODE));
        int lo = 1;
        int hi = 200;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (CpsCompiler.compiles(unlimited.render(PlanScenarios.bigMonorepo(mid, 1, 3)))) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        var largest = unlimited.render(PlanScenarios.bigMonorepo(lo, 1, 3));
        var layout = unlimited.layout(PlanScenarios.bigMonorepo(lo, 1, 3));
        System.out.printf("largest one-stage-per-node Jenkinsfile that compiles: %d packages, %d stages, %d bytes, "
                + "cost %d (default budget %d, measured %d)%n", lo, layout.stageBlocks(),
                largest.getBytes(StandardCharsets.UTF_8).length, layout.cost(), RenderOptions.DEFAULTS.maxCost(),
                RenderOptions.CPS_BUDGET_MEASURED);
    }
}
