package io.packit.pipeline.bench;

import io.packit.pipeline.copr.fake.BuildPlan;
import io.packit.pipeline.engine.CoprBuildExecutor;
import io.packit.pipeline.engine.Engine;
import io.packit.pipeline.engine.EngineOptions;
import io.packit.pipeline.engine.FakeServices;
import io.packit.pipeline.engine.NodeExecutor;
import io.packit.pipeline.engine.NodeExecutors;
import io.packit.pipeline.engine.NodeState;
import io.packit.pipeline.engine.PackitCliExecutor;
import io.packit.pipeline.engine.Polling;
import io.packit.pipeline.engine.RunOutcome;
import io.packit.pipeline.engine.RunSettings;
import io.packit.pipeline.engine.RunState;
import io.packit.pipeline.engine.RunSummary;
import io.packit.pipeline.engine.TestingFarmExecutor;
import io.packit.pipeline.engine.VirtualClock;
import io.packit.pipeline.graph.DurationEstimates;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.JobGraphPlanner;
import io.packit.pipeline.graph.MonorepoGenerator;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.PlanOptions;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.testingfarm.FakeTestingFarm;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs random monorepo plans (pull request: srpm, copr_build, three tests jobs per package, packages depending on up
 * to three earlier ones) through the engine with the real Copr and Testing Farm executors against the loopback
 * fakes, on a virtual clock shared by the engine and the fake Copr: SRPM phases take 5 min, every chroot 20 min,
 * every Testing Farm request 15 min (the fake advances a request one state per 5 polls; polls are every 60 s).
 * Prints, per plan, the makespan divided by (a) the plan's critical path under those durations and (b) the
 * critical path through the needs the engine waits for (the same chains: a dependent's srpm needs its dependencies'
 * whole builds in the plan too), the HTTP calls made, and the heap taken by the plan and the final run state.
 *
 * <p>Run: {@code ./mvnw -q -B -ntp -Pbenchmark -pl packit-pipeline-core test
 * -Dbench.main=io.packit.pipeline.bench.EngineBenchmark -Dbench.args="20 5 72"} (packages per random plan, how many
 * random plans, packages of the big plan, about 7 nodes per package).
 */
final class EngineBenchmark {
    private static final Duration SRPM = Duration.ofMinutes(5);
    private static final Duration CHROOT = Duration.ofMinutes(20);
    private static final Duration POLL = Duration.ofSeconds(60);
    private static final int TF_POLLS_PER_STATE = 5;
    private static final Duration TESTS = POLL.multipliedBy(3L * TF_POLLS_PER_STATE);

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        int packages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int plans = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int big = args.length > 2 ? Integer.parseInt(args[2]) : 72;
        out.printf(Locale.ROOT, "%-6s %5s %5s %10s %10s %10s %8s %8s %7s %9s %8s%n", "seed", "pkgs", "nodes", "makespan",
                "plan-cp", "engine-cp", "ratio-a", "ratio-b", "calls", "calls/node", "wall");
        double worst = 0;
        for (int seed = 1; seed <= plans; seed++) {
            worst = Math.max(worst, run(out, packages, seed, false));
        }
        worst = Math.max(worst, run(out, big, 1000, true));
        out.printf(Locale.ROOT, "worst makespan / engine critical path: %.4f%n", worst);
    }

    private static double run(PrintStream out, int packages, long seed, boolean measureMemory) throws Exception {
        var estimates = DurationEstimates.DEFAULTS.with(NodeKind.SRPM, SRPM).with(NodeKind.COPR_BUILD, CHROOT)
                .with(NodeKind.TESTS, TESTS);
        var config = MonorepoGenerator.benchmark(packages, 2, seed);
        long heapBeforePlan = usedHeap();
        var plan = new JobGraphPlanner(PlanOptions.DEFAULTS.withEstimates(estimates))
                .plan(config, new Event.PullRequest("main", 7, List.of(), List.of()));
        long heapPlan = usedHeap() - heapBeforePlan;
        var clock = new VirtualClock();
        var sleeper = new Sleeper() {
            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public void sleep(Duration duration) {
                clock.advanceTo(clock.now().plus(duration));
            }
        };
        try (var services = new FakeServices(sleeper)) {
            services.copr().defaultPlan(new BuildPlan(Duration.ZERO, SRPM, true, Duration.ZERO, "hello", "1.0-1", Map.of(),
                    new BuildPlan.ChrootPlan(Duration.ZERO, CHROOT, "succeeded")));
            services.farm().defaultScript(FakeTestingFarm.Script.passing().slow(TF_POLLS_PER_STATE));
            var settings = new RunSettings("https://github.com/acme/mono", "9f1c2e7d", "mono", "jdoe", Polling.every(POLL), false);
            var copr = new CoprBuildExecutor(services.coprClient(), settings);
            var map = new EnumMap<NodeKind, NodeExecutor>(NodeKind.class);
            map.put(NodeKind.SRPM, copr);
            map.put(NodeKind.COPR_BUILD, copr);
            map.put(NodeKind.TESTS, new TestingFarmExecutor(services.farmClient(), settings));
            var packit = new PackitCliExecutor(Path.of("."), "packit", Map.of(), Path.of("target"));
            for (var kind : NodeKind.values()) {
                map.putIfAbsent(kind, packit);
            }
            var state = new RunState(plan, clock, false);
            long wallStart = System.nanoTime();
            var outcome = new Engine(state, new NodeExecutors(map), new EngineOptions(8, clock)).run();
            long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
            if (outcome != RunOutcome.SUCCEEDED) {
                throw new IllegalStateException("seed " + seed + ": the run " + outcome + ": " + state.statuses().stream()
                        .filter(status -> status.state() != NodeState.SUCCEEDED).limit(3).toList());
            }
            var makespan = RunSummary.of(state, outcome).makespan();
            var engineCp = engineCriticalPath(state, plan);
            var planCp = plan.criticalPath().length();
            long calls = services.copr().requestCount() + services.farm().calls().size();
            int nodes = plan.nodes().size();
            double ratioB = (double) makespan.toSeconds() / engineCp.toSeconds();
            out.printf(Locale.ROOT, "%-6d %5d %5d %10s %10s %10s %8.4f %8.4f %7d %9.1f %7.1fs%n", seed, packages, nodes,
                    RunSummary.format(makespan), RunSummary.format(planCp), RunSummary.format(engineCp),
                    (double) makespan.toSeconds() / planCp.toSeconds(), ratioB, calls, (double) calls / nodes,
                    wallMillis / 1000.0);
            if (measureMemory) {
                long before = usedHeap();
                var copy = new RunState(plan, clock, false);
                copy.restore(state.statuses());
                long after = usedHeap();
                out.printf(Locale.ROOT, "memory for the %d-node plan: plan %d KiB, final run state %d KiB (%d statuses)%n",
                        nodes, heapPlan / 1024, (after - before) / 1024, copy.statuses().size());
            }
            return ratioB;
        }
    }

    /** The longest chain through the needs the engine waits for, with the scheduled durations. */
    private static Duration engineCriticalPath(RunState state, Plan plan) {
        var end = new HashMap<io.packit.pipeline.graph.NodeId, Duration>();
        var longest = Duration.ZERO;
        for (var node : plan.nodes()) {
            var start = Duration.ZERO;
            for (var edge : state.needsOf(node.id())) {
                var before = end.getOrDefault(edge.from(), Duration.ZERO);
                start = before.compareTo(start) > 0 ? before : start;
            }
            var finish = start.plus(duration(node.kind()));
            end.put(node.id(), finish);
            longest = finish.compareTo(longest) > 0 ? finish : longest;
        }
        return longest;
    }

    private static Duration duration(NodeKind kind) {
        if (kind == NodeKind.SRPM) {
            return SRPM;
        }
        if (kind == NodeKind.COPR_BUILD) {
            return CHROOT;
        }
        return kind == NodeKind.TESTS ? TESTS : Duration.ZERO;
    }

    private static long usedHeap() throws InterruptedException {
        var runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
