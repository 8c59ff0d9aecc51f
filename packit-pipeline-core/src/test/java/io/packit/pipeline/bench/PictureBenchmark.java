package io.packit.pipeline.bench;

import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.render.HeadlessChromium;
import io.packit.pipeline.render.HtmlGraphPage;
import io.packit.pipeline.render.PlanLayout;
import io.packit.pipeline.render.layout.Crossings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan picture, measured: edge crossings and edges running through boxes of the hand-placed layout the HTML page
 * had before (all triggers in one drawing) and of the ELK layout it has now (the "all triggers" drawing, and the
 * per-trigger drawings added up), for the three {@code examples/} and a generated 100-package monorepo; then, per
 * page, its size, the time core takes to write it, and with the argument {@code chromium} the time headless Chromium
 * takes from navigation to the drawing fit on screen (1400 × 1000; median of five loads), also for plans of about
 * 500 nodes.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.PictureBenchmark -Dbench.args=chromium}.
 */
public final class PictureBenchmark {
    private static final int LOADS = 5;

    private PictureBenchmark() {
    }

    /** Entry point; {@code chromium}: also time the pages in headless Chromium. */
    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        var plans = plans();
        out.printf("%-26s %6s %6s | %-17s | %-17s | %-17s | %8s%n", "plan (all triggers)", "nodes", "edges",
                "before: cross/thru", "after all: c/t", "after per trigger", "ELK ms");
        for (var entry : plans.entrySet()) {
            var plan = entry.getValue();
            if (!(plan.event() instanceof Event.AllTriggers)) {
                continue;
            }
            var before = Crossings.of(HandPlacedLayout.of(plan));
            long start = System.nanoTime();
            var all = Crossings.of(PlanLayout.of(plan, Optional.empty()).geometry());
            long elk = (System.nanoTime() - start) / 1_000_000;
            int crossings = 0;
            int through = 0;
            for (var trigger : Trigger.values()) {
                var part = PlanLayout.of(plan, Optional.of(trigger));
                if (part.nodeCount() > 0) {
                    var counted = Crossings.of(part.geometry());
                    crossings += counted.crossings();
                    through += counted.throughBoxes();
                }
            }
            out.printf("%-26s %6d %6d | %8d / %6d | %8d / %6d | %8d / %6d | %8d%n", entry.getKey(), plan.nodes().size(),
                    plan.edges().size(), before.crossings(), before.throughBoxes(), all.crossings(), all.throughBoxes(),
                    crossings, through, elk);
        }
        boolean browser = Arrays.asList(args).contains("chromium");
        var chromium = browser ? HeadlessChromium.binary() : Optional.<String>empty();
        if (browser && chromium.isEmpty()) {
            out.println("no chromium (PACKIT_CHROMIUM or chromium on PATH): page load times not measured");
        }
        out.printf("%n%-26s %6s %10s %10s %18s%n", "page", "nodes", "bytes", "write ms", "chromium fit ms");
        var dir = Files.createTempDirectory("packit-picture");
        try (var browserSession = chromium.isPresent() ? HeadlessChromium.start(chromium.get(), 1400, 1000) : null) {
            for (var entry : plans.entrySet()) {
                var page = new HtmlGraphPage();
                page.render(entry.getValue());
                long start = System.nanoTime();
                var html = page.render(entry.getValue());
                long write = (System.nanoTime() - start) / 1_000_000;
                var file = dir.resolve(entry.getKey().replaceAll("[^A-Za-z0-9.-]", "_") + ".html");
                Files.writeString(file, html, StandardCharsets.UTF_8);
                var fit = browserSession == null ? "-" : String.format("%.0f", median(browserSession, file));
                out.printf("%-26s %6d %10d %10d %18s%n", entry.getKey(), entry.getValue().nodes().size(),
                        html.getBytes(StandardCharsets.UTF_8).length, write, fit);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (var file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static double median(HeadlessChromium chromium, Path file) throws InterruptedException {
        var times = new ArrayList<Double>();
        for (int i = 0; i < LOADS; i++) {
            chromium.open(file);
            times.add(chromium.evaluate("performance.getEntriesByName('packit-fit')[0].startTime").asDouble());
        }
        times.sort(Double::compare);
        return times.get(LOADS / 2);
    }

    private static Map<String, Plan> plans() throws IOException {
        var plans = new LinkedHashMap<String, Plan>();
        var examples = Path.of(System.getProperty("examples.dir", "../examples"));
        for (var name : List.of("single-package", "build-identifier", "monorepo-depends")) {
            var content = Files.readAllBytes(examples.resolve(name).resolve("packit.yaml"));
            var config = new PackitConfigLoader().load("packit.yaml", content).configOrThrow();
            plans.put(name, new JobGraphPlanner().plan(config, new Event.AllTriggers()));
        }
        var planner = new JobGraphPlanner();
        plans.put("generated, 100 packages", planner.plan(MonorepoGenerator.benchmark(100, 2, 42), new Event.AllTriggers()));
        plans.put("generated, 34 packages", planner.plan(MonorepoGenerator.benchmark(34, 2, 42), new Event.AllTriggers()));
        plans.put("generated, 72 pkgs, PR", planner.plan(MonorepoGenerator.benchmark(72, 2, 42),
                new Event.PullRequest("main", 1, List.of(), List.of())));
        return plans;
    }
}
