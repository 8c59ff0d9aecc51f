package io.packit.pipeline.render;

import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Plans of the scenarios the renderer's tests, golden files and benchmarks use, built with {@link PlanFixtures}. */
public final class PlanScenarios {
    /** Two Fedora chroots. */
    public static final List<String> CHROOTS = List.of("fedora-41-x86_64", "fedora-42-x86_64");

    private PlanScenarios() {
    }

    /** The seed's case: build1 and build2 of one package, tests1 on build1, tests2 on build2 (build_identifier). */
    public static Plan seed() {
        var plan = PlanFixtures.plan().file(".packit.yaml");
        var build1 = plan.build("pkg", "build1", CHROOTS);
        var build2 = plan.build("pkg", "build2", CHROOTS);
        plan.tests("pkg", "tests1", build1, CHROOTS);
        plan.tests("pkg", "tests2", build2, CHROOTS);
        return plan.build();
    }

    /**
     * One package: a pull-request build tested on two chroots, a commit build of main, a manual tests job, and
     * propose_downstream on releases.
     */
    public static Plan singlePackage() {
        var plan = PlanFixtures.plan().file(".packit.yaml");
        var build = plan.build("hello", "pr", CHROOTS);
        plan.tests("hello", "tests", build, CHROOTS);
        plan.when(new RunCondition(Trigger.COMMIT, "^main$", "", "", false, LabelRequirement.NONE, List.of("prod")));
        plan.build("hello", "main", List.of("fedora-rawhide-x86_64"));
        plan.when(new RunCondition(Trigger.PULL_REQUEST, "", "", "", true, LabelRequirement.NONE, List.of("prod")));
        plan.tests("hello", "manual-tests", build, List.of("fedora-42-x86_64"));
        plan.when(new RunCondition(Trigger.RELEASE, "", "^v[0-9.]+$", "rc", false, LabelRequirement.NONE,
                List.of("prod"))).distGitBranches(List.of("fedora-all", "epel-9"));
        plan.cli(NodeKind.PROPOSE_DOWNSTREAM, "hello", "release", List.of());
        return plan.build();
    }

    /**
     * A monorepo: {@code app} depends on {@code lib} and {@code common}, {@code lib} depends on {@code common};
     * each has a build on two chroots and tests; {@code app} releases with koji_build then bodhi_update.
     */
    public static Plan monorepo() {
        var plan = PlanFixtures.plan().file(".packit.yaml");
        var common = plan.build("common", "build", CHROOTS);
        var lib = plan.build("lib", "build", CHROOTS);
        plan.depends(lib, common, CHROOTS);
        var app = plan.build("app", "build", CHROOTS);
        plan.depends(app, lib, CHROOTS).depends(app, common, CHROOTS);
        plan.tests("common", "tests", common, CHROOTS);
        plan.tests("lib", "tests", lib, CHROOTS);
        plan.tests("app", "tests", app, CHROOTS);
        plan.when(new RunCondition(Trigger.COMMIT, "^main$", "", "", false, LabelRequirement.NONE, List.of("prod")))
                .distGitBranches(List.of("rawhide"));
        var koji = plan.cli(NodeKind.KOJI_BUILD, "app", "koji", List.of());
        plan.when(new RunCondition(Trigger.KOJI_BUILD, "", "", "", false, LabelRequirement.NONE, List.of("prod")));
        plan.cli(NodeKind.BODHI_UPDATE, "app", "bodhi", List.of(koji));
        return plan.build();
    }

    /**
     * A random monorepo of {@code packages} packages: each depends on up to three earlier ones, has one build on
     * {@code chroots} chroots (a random subset tested), some have a second build job or a release job.
     */
    public static Plan randomMonorepo(Random random, int packages, int chroots) {
        var plan = PlanFixtures.plan();
        var all = new ArrayList<String>();
        for (int c = 0; c < chroots; c++) {
            all.add("fedora-" + (40 + c) + "-x86_64");
        }
        var builds = new ArrayList<NodeId>();
        for (int p = 0; p < packages; p++) {
            var name = "p" + p;
            int jobs = random.nextInt(4) == 0 ? 2 : 1;
            NodeId first = null;
            for (int j = 0; j < jobs; j++) {
                var targets = all.subList(0, 1 + random.nextInt(all.size()));
                var build = plan.build(name, "build" + j, targets);
                if (first == null) {
                    first = build;
                }
                int dependencies = builds.isEmpty() ? 0 : random.nextInt(Math.min(3, builds.size()) + 1);
                for (int d = 0; d < dependencies; d++) {
                    var dependency = builds.get(random.nextInt(builds.size()));
                    plan.depends(build, dependency, List.of(targets.get(0)));
                }
                if (random.nextBoolean()) {
                    plan.tests(name, "tests" + j, build, targets.subList(0, 1 + random.nextInt(targets.size())));
                }
            }
            builds.add(first);
            if (random.nextInt(6) == 0) {
                plan.cli(NodeKind.KOJI_BUILD, name, "koji", List.of(first));
            }
        }
        return plan.build();
    }

    /** {@code packages} packages, each with {@code buildJobs} build jobs on {@code chroots} chroots, all tested; a chain of depends. */
    public static Plan bigMonorepo(int packages, int buildJobs, int chroots) {
        var plan = PlanFixtures.plan();
        var all = new ArrayList<String>();
        for (int c = 0; c < chroots; c++) {
            all.add("fedora-" + (40 + c) + "-x86_64");
        }
        NodeId previous = null;
        for (int p = 0; p < packages; p++) {
            var name = "package-" + p;
            NodeId first = null;
            for (int j = 0; j < buildJobs; j++) {
                var build = plan.build(name, "build" + j, all);
                plan.tests(name, "tests" + j, build, all);
                if (first == null) {
                    first = build;
                }
                if (previous != null && p % 10 != 0) {
                    plan.depends(build, previous, all);
                }
            }
            previous = first;
        }
        return plan.build();
    }
}
