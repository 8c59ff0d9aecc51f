package io.packit.pipeline.graph;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.JobView;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.ReleaseBranch;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The release of a top-level package that depends on others, made the way Fedora packagers make a multi-package
 * update (fbrnch's layered builds, juhp/fbrnch {@code c719c5f5} {@code src/Cmd/Parallel.hs:165-235}; Packit
 * Service's side tags, packit/packit-service {@code b828c3d7} {@code packit_service/worker/helpers/sidetag.py}): for
 * each dist-git branch of its {@code koji_build} job,
 * <ol>
 *   <li>{@code side_tag:A:koji@f43}: one Koji side tag;</li>
 *   <li>{@code koji_build:A:koji/B@f43}, …, {@code koji_build:A:koji@f43}: a Koji build of every package of the
 *       closure into it, each after the packages it depends on, independent ones at the same time;</li>
 *   <li>{@code wait_repo:A:koji/B@f43}: after the build of each package others of the closure depend on, a wait
 *       until the side tag's build repository holds it; its dependents build after that wait;</li>
 *   <li>{@code bodhi_update:A:bodhi@f43}: for each {@code bodhi_update} job of the same trigger, one update from
 *       the side tag, after every build of the branch.</li>
 * </ol>
 * Every edge is {@link EdgeKind#RELEASE_GATING}, whole node. A job with {@code sidetag_group} is left to Packit
 * Service's side-tag groups, and a scratch build lands in no tag: those keep one node of their own (the package
 * alone).
 */
final class SideTagRelease {
    /** The nodes of one side-tag release: per dist-git branch, the side tag and the Koji builds of the closure. */
    record Planned(JobView view, Map<String, List<NodeId>> buildsByBranch) {
    }

    private final PlanNodes nodes;
    private final Diagnostics diagnostics;
    private final PackageGraph packages;
    private final Map<String, String> safeNames;

    SideTagRelease(PlanNodes nodes, Diagnostics diagnostics, PackageGraph packages, Map<String, String> safeNames) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.packages = Objects.requireNonNull(packages, "packages");
        this.safeNames = Objects.requireNonNull(safeNames, "safeNames");
    }

    /** Whether the koji_build job {@code view} of a top-level package releases its closure in side tags. */
    boolean applies(JobView view) {
        var job = (KojiBuildJob) view.job();
        return packages.closureOf(view.packageName()).size() > 1 && !view.settings().release().scratch()
                && job.sidetagGroup().isEmpty();
    }

    /** The side tags, builds and repository waits of koji_build job {@code view}, whose id part is {@code label}. */
    Planned plan(JobView view, String safeName, String label, boolean affected) {
        var closure = packages.closureOf(view.packageName());
        var buildsByBranch = new LinkedHashMap<String, List<NodeId>>();
        for (var branch : branchesOf(view, closure)) {
            var side = add(new NodeId(NodeKind.SIDE_TAG, safeName, label, "", branch.name()), view, affected);
            var builds = new LinkedHashMap<String, NodeId>();
            var waits = new LinkedHashMap<String, NodeId>();
            for (var member : closure) {
                var build = add(new NodeId(NodeKind.KOJI_BUILD, safeName, label, memberPart(view, member),
                        branch.name()), view, affected);
                builds.put(member, build);
                nodes.edge(new Edge(side, build, EdgeKind.RELEASE_GATING, ""));
                for (var dependency : packages.dependenciesOf(member)) {
                    nodes.edge(new Edge(waits.get(dependency), build, EdgeKind.RELEASE_GATING, ""));
                }
                if (isNeededInClosure(member, closure)) {
                    var wait = add(new NodeId(NodeKind.WAIT_REPO, safeName, label, memberPart(view, member),
                            branch.name()), view, affected);
                    nodes.edge(new Edge(build, wait, EdgeKind.RELEASE_GATING, ""));
                    waits.put(member, wait);
                }
            }
            buildsByBranch.put(branch.name(), List.copyOf(builds.values()));
        }
        return new Planned(view, buildsByBranch);
    }

    /**
     * The updates of bodhi_update job {@code view} from the side tags of {@code release}: one per branch the job
     * names (all of the release's when it names none) that the release builds, after every build of that branch.
     */
    void update(JobView view, String safeName, String label, boolean affected, Planned release) {
        var written = view.settings().release().branches().stream().map(ReleaseBranch::name).toList();
        var branches = written.isEmpty() ? List.copyOf(release.buildsByBranch().keySet()) : written;
        var missing = new ArrayList<String>();
        for (var branch : branches) {
            var builds = release.buildsByBranch().get(branch);
            if (builds == null) {
                missing.add(branch);
                continue;
            }
            var update = add(new NodeId(NodeKind.BODHI_UPDATE, safeName, label, "", branch), view, affected);
            builds.forEach(build -> nodes.edge(new Edge(build, update, EdgeKind.RELEASE_GATING, "")));
        }
        if (!missing.isEmpty()) {
            diagnostics.warning(where(view, "dist_git_branches"), BodhiUpdateJob.KEY + " " + view.job().path()
                    + " of package '" + view.packageName() + "' makes its update from the side tags of "
                    + KojiBuildJob.KEY + " " + release.view().job().path() + ", which builds no side tag for "
                    + String.join(", ", missing) + ": no update is made there");
        }
    }

    /** Whether the bodhi_update job {@code view} makes its updates from side tags (no {@code sidetag_group}). */
    static boolean updatesFromSideTag(JobView view) {
        return ((BodhiUpdateJob) view.job()).sidetagGroup().isEmpty();
    }

    private List<ReleaseBranch> branchesOf(JobView view, List<String> closure) {
        var branches = view.settings().release().branches();
        var others = String.join(", ", closure.subList(0, closure.size() - 1));
        var known = new ArrayList<ReleaseBranch>();
        for (var branch : branches) {
            if (branch.hasBuildTag()) {
                known.add(branch);
            } else {
                diagnostics.error(where(view, "dist_git_branches"), KojiBuildJob.KEY + " " + view.job().path()
                        + " releases '" + view.packageName() + "' with " + others + " in one Koji side tag per "
                        + "dist-git branch, but no Koji build tag is known for branch '" + branch.name()
                        + "' (it is not in the release table and not of the form f<N> or epel<N>"
                        + (view.settings().release().distGitBranches().isEmpty()
                                ? "; it is the dist-git default branch, taken when dist_git_branches is not given" : "")
                        + ")");
            }
        }
        return known;
    }

    private boolean isNeededInClosure(String member, List<String> closure) {
        return closure.stream().anyMatch(other -> packages.dependenciesOf(other).contains(member));
    }

    private String memberPart(JobView view, String member) {
        return member.equals(view.packageName()) ? "" : safeNames.get(member);
    }

    private NodeId add(NodeId id, JobView view, boolean affected) {
        return nodes.add(id, view, List.of(), "", false, affected).id();
    }

    private static SourcePosition where(JobView view, String key) {
        return view.job().keyPositions().containsKey(key) ? view.job().positionOf(key)
                : view.settings().positionOf(key, view.job().position());
    }

    /** The first side-tag release among {@code releases} made for the trigger of {@code update}, if any. */
    static Optional<Planned> forTrigger(List<Planned> releases, JobView update) {
        return releases.stream().filter(release -> release.view().job().trigger() == update.job().trigger()).findFirst();
    }
}
