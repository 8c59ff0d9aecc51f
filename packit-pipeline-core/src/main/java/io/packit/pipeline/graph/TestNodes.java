package io.packit.pipeline.graph;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The nodes of a tests job for one package: one Testing Farm node per chroot (and per target when a chroot's
 * targets name several distros), each needing that chroot of the build it tests: the copr_build job its
 * {@code build_identifier} names, the one copr_build job of its trigger, or an implicit build of its own. A target
 * that build does not build is planned as a node skipped with that cause, and warned about, as packit-service runs
 * the build on its own targets and reports such a test target without testing it.
 */
final class TestNodes {
    private final PlanNodes nodes;
    private final BuildNodes builds;
    private final Diagnostics diagnostics;

    TestNodes(PlanNodes nodes, BuildNodes builds, Diagnostics diagnostics) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.builds = Objects.requireNonNull(builds, "builds");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /**
     * Plans tests job {@code job} of {@code view} in package {@code pkg}: against its one build, or, when the
     * copr_build jobs that may serve it are of different branches (an {@code identifier} may repeat across
     * branches), once per build: each such set of nodes runs on its build's branch and has the label of the tests job
     * with that branch appended (the first keeps the plain label), so ids do not depend on the event.
     */
    void plan(TestsJob job, JobView view, PackagePlanning pkg) {
        var label = pkg.labels().label().get(view);
        if (job.skipBuild()) {
            plan(job, view, pkg, label, null);
            return;
        }
        var choice = chooseBuild(job, view, pkg.builds());
        if (choice.failed()) {
            return;
        }
        if (choice.builds().isEmpty()) {
            plan(job, view, pkg, label, null);
            return;
        }
        var builds = choice.builds();
        for (int i = 0; i < builds.size(); i++) {
            var build = builds.get(i);
            if (builds.size() == 1) {
                plan(job, view, pkg, label, build);
                continue;
            }
            var branch = build.settings().branch();
            var ownBranch = view.settings().branch();
            var variant = ownBranch.isEmpty() ? new JobView(job, view.pkg(), view.settings().withBranch(branch)) : view;
            var variantLabel = i == 0 ? label : IdParts.safe(label + "-" + (branch.isEmpty() ? String.valueOf(i) : branch));
            plan(job, variant, pkg, variantLabel, build);
        }
    }

    /** The nodes of {@code view} against the build of {@code chosen}: null for none (skip_build) or an implicit build. */
    private void plan(TestsJob job, JobView view, PackagePlanning pkg, String label, @CheckForNull JobView chosen) {
        var testChroots = view.settings().targets().isEmpty() ? List.<String>of() : builds.chrootsOf(view);
        NodeId build = null;
        List<String> buildChroots = List.of();
        JobView buildView = null;
        boolean anyChroot = false;
        if (!job.skipBuild()) {
            if (chosen == null) {
                testChroots = builds.chrootsOf(view);
                build = builds.add(view, pkg.safeName(), pkg.labels().implicitBuild().get(view), true, pkg.affected(),
                        testChroots);
                buildChroots = testChroots;
                buildView = view;
            } else {
                buildView = chosen;
                build = pkg.buildIds().get(buildView);
                buildChroots = builds.chrootsOf(buildView);
                if (buildView.buildsInProjectChroots()) {
                    if (testChroots.isEmpty()) {
                        diagnostics.error(job.position(), "tests job " + describe(view) + " of package '"
                                + view.packageName() + "' has no targets, and its build, copr_build job "
                                + describe(buildView) + ", builds in the chroots of its Copr project, which are read "
                                + "from Copr at run time; give the tests job targets (the chroots to test)");
                        return;
                    }
                    // the project's chroots are known at run time only: a chroot it lacks is not built, and its
                    // tests are then skipped with that cause
                    anyChroot = true;
                } else if (testChroots.isEmpty()) {
                    testChroots = buildChroots;
                }
            }
        }
        if (testChroots.isEmpty()) {
            testChroots = builds.chrootsOf(view);
        }
        var targetsPosition = view.settings().targets().position().equals(SourcePosition.UNKNOWN)
                ? job.position() : view.settings().targets().position();
        var covered = new HashSet<>(buildChroots);
        var internal = view.settings().tests().useInternalTf();
        var uncovered = new ArrayList<String>();
        for (var written : testChroots) {
            var chroot = written;
            var idChroot = written;
            var planSkip = "";
            if (build != null && !anyChroot && !covered.contains(written)) {
                // A tests target may name a Testing Farm target that a build chroot maps to (epel-9 → centos-stream-9).
                var mapped = TestTargets.buildChrootFor(written, buildChroots, internal);
                if (mapped.isPresent()) {
                    chroot = mapped.get();
                    add(view, pkg, label, build, chroot, written, written, "");
                    continue;
                }
                // As packit-service: the build runs on its own targets, and a tests target none of them serves gets
                // "No build defined for the target" and no tests; the plan shows it skipped with that cause.
                uncovered.add(written);
                planSkip = build + " does not build " + written + "; add it to the build's targets";
            }
            var targets = TestTargets.of(chroot, view.settings().targets().optionsFor(chroot), internal);
            for (var target : targets) {
                add(view, pkg, label, planSkip.isEmpty() ? build : null, chroot, targets.size() == 1 ? idChroot
                        : IdParts.safe(chroot + "+" + target), target, planSkip);
            }
        }
        if (!uncovered.isEmpty()) {
            var one = uncovered.size() == 1;
            var listed = String.join(", ", uncovered);
            diagnostics.warning(targetsPosition, "tests job " + describe(view) + " of package '" + view.packageName()
                    + "' targets " + listed + ", which its build, copr_build job " + describe(buildView)
                    + ", does not build: " + (one ? "its tests are" : "their tests are")
                    + " planned as skipped, as Packit runs none there (\"No build defined for the target\"); add "
                    + (one ? "it" : "them") + " to the build's targets or remove " + (one ? "it" : "them")
                    + " from the tests' targets");
        }
    }

    private void add(JobView view, PackagePlanning pkg, String label, @CheckForNull NodeId build, String chroot,
            String idChroot, String target, String planSkip) {
        var tests = nodes.add(new NodeId(NodeKind.TESTS, pkg.safeName(), label, idChroot), view, List.of(chroot), target,
                false, pkg.affected(), planSkip);
        if (build != null) {
            nodes.edge(new Edge(build, tests.id(), EdgeKind.BUILD_TO_TESTS, chroot));
        }
    }

    /**
     * Which copr_build jobs a tests job uses: one, or one per branch when the candidates are of different branches;
     * none and not failed: there is no copr_build job, build implicitly.
     */
    private record BuildChoice(List<JobView> builds, boolean failed) {
        static final BuildChoice IMPLICIT = new BuildChoice(List.of(), false);
        static final BuildChoice FAILED = new BuildChoice(List.of(), true);
    }

    private BuildChoice chooseBuild(TestsJob job, JobView tests, List<JobView> candidatesOfPackage) {
        var wanted = job.buildIdentifier();
        if (!wanted.isEmpty()) {
            var named = candidatesOfPackage.stream().filter(build -> build.job().identifier().equals(wanted)).toList();
            if (named.isEmpty()) {
                var known = candidatesOfPackage.stream().map(build -> build.job().identifier()).filter(id -> !id.isEmpty())
                        .distinct().map(id -> "'" + id + "'").toList();
                diagnostics.error(job.positionOf("build_identifier"), "tests job " + describe(tests)
                        + " has build_identifier '" + wanted + "', but package '" + tests.packageName()
                        + "' has no copr_build job with that identifier ("
                        + (known.isEmpty() ? "it has no copr_build job with an identifier"
                                : "copr_build identifiers: " + String.join(", ", known)) + ")");
                return BuildChoice.FAILED;
            }
            var sameTrigger = named.stream().filter(build -> build.job().trigger() == job.trigger()).toList();
            if (sameTrigger.isEmpty()) {
                diagnostics.error(job.positionOf("build_identifier"), "tests job " + describe(tests)
                        + " runs on " + job.trigger().key() + ", but its build_identifier '" + wanted
                        + "' names copr_build job " + describe(named.get(0)) + ", which runs on "
                        + named.stream().map(build -> build.job().trigger().key()).distinct()
                                .collect(Collectors.joining(", ")));
                return BuildChoice.FAILED;
            }
            // the loader refuses an identifier twice for one trigger and branch: these are of different branches
            return new BuildChoice(narrowByBranch(tests, sameTrigger), false);
        }
        var candidates = candidatesOfPackage.stream().filter(build -> build.job().trigger() == job.trigger()).toList();
        if (candidates.isEmpty()) {
            return BuildChoice.IMPLICIT;
        }
        var narrowed = narrowByBranch(tests, candidates);
        var branches = narrowed.stream().map(build -> build.settings().branch()).distinct().count();
        if (narrowed.size() == 1 || branches == narrowed.size()) {
            return new BuildChoice(narrowed, false);
        }
        diagnostics.error(job.position(), "tests job " + describe(tests) + " of package '" + tests.packageName()
                + "' could use several copr_build jobs on " + job.trigger().key() + ": "
                + narrowed.stream().map(TestNodes::describe).collect(Collectors.joining(", "))
                + "; set build_identifier to the identifier of the one it tests");
        return BuildChoice.FAILED;
    }

    /** The candidates whose {@code branch} equals the tests job's, when that leaves any; else all. */
    private static List<JobView> narrowByBranch(JobView tests, List<JobView> candidates) {
        if (candidates.size() < 2) {
            return candidates;
        }
        var branch = tests.settings().branch();
        var same = candidates.stream().filter(build -> build.settings().branch().equals(branch)).toList();
        return same.isEmpty() ? candidates : same;
    }

    /** {@code jobs[2] (build1)}: how problems name a job. */
    private static String describe(JobView view) {
        var identifier = view.job().identifier();
        return view.job().path() + (identifier.isEmpty() ? "" : " ('" + identifier + "')");
    }
}
