package io.packit.pipeline.graph;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ProposeDownstreamJob;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.config.UpstreamKojiBuildJob;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Generates valid DAG-shaped monorepos: each package depends on a few packages before it (within a window, so the
 * dependency closure stays local), copr_build jobs on pull_request and commit with identifiers, tests jobs bound by
 * build_identifier (targets a subset of their build's), an implicit-build tests job, a skip_build tests job and
 * release jobs. Used by the property tests and the benchmark.
 */
public final class MonorepoGenerator {
    static final List<String> CHROOTS = List.of("fedora-40-x86_64", "fedora-41-x86_64", "fedora-42-x86_64",
            "fedora-rawhide-x86_64", "epel-9-x86_64", "epel-10-x86_64", "fedora-41-aarch64", "centos-stream-10-x86_64");

    private MonorepoGenerator() {
    }

    /**
     * A monorepo of {@code packages} packages with ten jobs applying to every package, each build job on
     * {@code chroots} chroots: 2 copr_build (pull_request, commit), 4 tests (3 bound by build_identifier, 1
     * skip_build), koji_build, bodhi_update, propose_downstream, upstream_koji_build.
     */
    public static PackitConfig benchmark(int packages, int chroots, long seed) {
        var random = new Random(seed);
        var fixtures = ConfigFixtures.config();
        var targets = CHROOTS.subList(0, chroots).toArray(String[]::new);
        for (int i = 0; i < packages; i++) {
            var pkg = fixtures.pkg("pkg" + i).targets(targets).paths("packages/pkg" + i);
            for (var dep : dependencies(random, i, 3, 20)) {
                pkg.depends("pkg" + dep);
            }
        }
        fixtures.job(CoprBuildJob.KEY, Trigger.PULL_REQUEST).identifier("pr").done()
                .job(CoprBuildJob.KEY, Trigger.COMMIT).identifier("main").branch("main").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("smoke").buildIdentifier("pr").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("full").buildIdentifier("pr").done()
                .job(TestsJob.KEY, Trigger.COMMIT).identifier("nightly").buildIdentifier("main").done()
                .job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("lint").skipBuild().targets(targets[0]).done()
                .job(KojiBuildJob.KEY, Trigger.COMMIT).identifier("koji").done()
                .job(BodhiUpdateJob.KEY, Trigger.COMMIT).identifier("bodhi").done()
                .job(ProposeDownstreamJob.KEY, Trigger.RELEASE).identifier("propose").done()
                .job(UpstreamKojiBuildJob.KEY, Trigger.RELEASE).identifier("scratch").done();
        return fixtures.build();
    }

    /** A small random valid monorepo for property tests. */
    static PackitConfig random(long seed) {
        var random = new Random(seed);
        int packages = 1 + random.nextInt(9);
        var fixtures = ConfigFixtures.config();
        for (int i = 0; i < packages; i++) {
            var pkg = fixtures.pkg("p" + i).targets(pick(random, CHROOTS, 1 + random.nextInt(4)))
                    .paths("src/p" + i);
            for (var dep : dependencies(random, i, 3, i)) {
                pkg.depends("p" + dep);
            }
        }
        var names = new ArrayList<String>();
        for (int i = 0; i < packages; i++) {
            names.add("p" + i);
        }
        var triggers = List.of(Trigger.PULL_REQUEST, Trigger.COMMIT);
        int builds = 1 + random.nextInt(3);
        var buildIds = new ArrayList<String>();
        var buildTriggers = new ArrayList<Trigger>();
        var buildPackages = new ArrayList<String[]>();
        for (int b = 0; b < builds; b++) {
            var trigger = triggers.get(random.nextInt(2));
            var selected = random.nextBoolean() ? names.toArray(String[]::new) : pick(random, names, 1 + random.nextInt(packages));
            var job = fixtures.job(CoprBuildJob.KEY, trigger).identifier("b" + b).packages(selected);
            if (random.nextInt(4) == 0) {
                job.manual();
            }
            buildIds.add("b" + b);
            buildTriggers.add(trigger);
            buildPackages.add(selected);
        }
        int tests = random.nextInt(4);
        for (int t = 0; t < tests; t++) {
            int b = random.nextInt(builds);
            // Bound tests: a subset of the build's packages; targets default to each package's own (= the build's).
            fixtures.job(TestsJob.KEY, buildTriggers.get(b)).identifier("t" + t).buildIdentifier(buildIds.get(b))
                    .packages(pick(random, List.of(buildPackages.get(b)), 1 + random.nextInt(buildPackages.get(b).length)));
        }
        if (random.nextBoolean()) {
            fixtures.job(TestsJob.KEY, Trigger.RELEASE).identifier("implicit").done();
        }
        if (random.nextBoolean()) {
            fixtures.job(TestsJob.KEY, Trigger.PULL_REQUEST).identifier("nobuild").skipBuild().done();
        }
        if (random.nextBoolean()) {
            fixtures.job(KojiBuildJob.KEY, Trigger.COMMIT).identifier("koji").done()
                    .job(BodhiUpdateJob.KEY, Trigger.COMMIT).identifier("bodhi").done();
        }
        return fixtures.build();
    }

    private static List<Integer> dependencies(Random random, int index, int max, int window) {
        var deps = new LinkedHashSet<Integer>();
        if (index == 0 || window == 0) {
            return List.of();
        }
        int count = random.nextInt(max + 1);
        for (int i = 0; i < count; i++) {
            deps.add(index - 1 - random.nextInt(Math.min(window, index)));
        }
        return List.copyOf(deps);
    }

    private static String[] pick(Random random, List<String> from, int count) {
        var copy = new ArrayList<>(from);
        java.util.Collections.shuffle(copy, random);
        var chosen = new LinkedHashSet<>(copy.subList(0, Math.min(count, copy.size())));
        return from.stream().filter(chosen::contains).toArray(String[]::new);
    }
}
