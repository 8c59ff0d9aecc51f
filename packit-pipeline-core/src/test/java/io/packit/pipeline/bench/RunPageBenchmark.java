package io.packit.pipeline.bench;

import io.packit.pipeline.engine.AtomicFile;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.HeadlessChromium;
import io.packit.pipeline.report.RunPage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run page, measured on generated monorepos mid-run (a third of the nodes succeeded, one failed, some running):
 * the layout, made once per run ({@code RunPage.of}); one page (median of 21 renders), which {@code run --report}
 * writes on every change of the board; the atomic rewrite of the file (median of 21, forced to disk); the page's
 * size; and the time headless Chromium takes from navigation to the drawing fit on screen (1400 × 1000, median of
 * five loads; from the second load on the page restores the view the first kept, as a reload does). The bar: a plan of 500 nodes renders in under 1 s in Chromium.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.RunPageBenchmark}.
 */
public final class RunPageBenchmark {
    private static final int RENDERS = 21;
    private static final int LOADS = 5;

    private RunPageBenchmark() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        var plans = new LinkedHashMap<String, Plan>();
        for (int packages : List.of(10, 36, 72, 144)) {
            var config = MonorepoGenerator.benchmark(packages, 2, 42);
            plans.put(packages + " packages", new JobGraphPlanner().plan(config, new Event.PullRequest("main", 1, List.of(), List.of())));
        }
        var chromium = HeadlessChromium.binary();
        if (chromium.isEmpty()) {
            out.println("no chromium (PACKIT_CHROMIUM or chromium on PATH): page load times not measured");
        }
        out.printf("%-13s %6s %10s %10s %10s %10s %16s%n", "plan", "nodes", "layout ms", "page ms", "write ms", "bytes",
                "chromium fit ms");
        var dir = Files.createTempDirectory("run-page-bench");
        try (var browser = chromium.isPresent() ? HeadlessChromium.start(chromium.get(), 1400, 1000) : null) {
            for (Map.Entry<String, Plan> entry : plans.entrySet()) {
                var plan = entry.getValue();
                long start = System.nanoTime();
                var page = RunPage.of(plan);
                double layout = (System.nanoTime() - start) / 1e6;
                var state = midRun(plan);
                var statuses = state.statuses();
                var renders = new ArrayList<Double>();
                var writes = new ArrayList<Double>();
                String html = "";
                var file = dir.resolve("run.html");
                for (int i = 0; i < RENDERS; i++) {
                    long t0 = System.nanoTime();
                    html = page.render(statuses, state.clock().now(), Duration.ofSeconds(5));
                    long t1 = System.nanoTime();
                    AtomicFile.write(file, html.getBytes(StandardCharsets.UTF_8), "the run page");
                    long t2 = System.nanoTime();
                    renders.add((t1 - t0) / 1e6);
                    writes.add((t2 - t1) / 1e6);
                }
                var fit = browser == null ? Optional.<Double>empty() : Optional.of(fit(browser, file));
                out.printf("%-13s %6d %10.1f %10.1f %10.1f %10d %16s%n", entry.getKey(), plan.nodes().size(), layout,
                        median(renders), median(writes), html.getBytes(StandardCharsets.UTF_8).length,
                        fit.map(ms -> String.format("%.0f", ms)).orElse("-"));
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (var path : files.toList()) {
                    Files.delete(path);
                }
            }
            Files.delete(dir);
        }
    }

    /** A third of the nodes succeeded, the first failed, the next few running, the rest waiting. */
    private static RunState midRun(Plan plan) {
        var clock = new VirtualClock();
        var state = new RunState(plan, clock, false);
        var nodes = plan.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            var id = nodes.get(i).id();
            if (i < nodes.size() / 3 + 10) {
                state.markRunning(id);
                clock.advanceTo(clock.now().plusSeconds(7));
                if (i < nodes.size() / 3) {
                    state.finish(id, i == 0 ? NodeState.FAILED : NodeState.SUCCEEDED, i == 0 ? "failed on purpose" : "");
                }
            }
        }
        return state;
    }

    private static double fit(HeadlessChromium chromium, Path file) throws InterruptedException {
        var times = new ArrayList<Double>();
        for (int i = 0; i < LOADS; i++) {
            chromium.open(file);
            times.add(chromium.evaluate("performance.getEntriesByName('packit-fit')[0].startTime").asDouble());
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
