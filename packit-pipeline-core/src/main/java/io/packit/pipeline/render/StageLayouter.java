package io.packit.pipeline.render;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.Edge;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.Plan;
import io.packit.pipeline.graph.RunCondition;
import io.packit.pipeline.steps.StepCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Cuts a plan into the branches and stages of a Jenkinsfile at one {@link GroupingLevel}. */
final class StageLayouter {
    private static final String DOT = " \u00b7 ";

    private final Plan plan;
    private final Map<NodeId, Node> byId;
    private final Map<NodeId, List<Edge>> in = new HashMap<>();
    private final Map<NodeId, List<Edge>> out = new HashMap<>();
    private final Map<String, List<NodeId>> byPackage = new HashMap<>();
    private final Map<String, List<NodeId>> byJob = new HashMap<>();

    StageLayouter(Plan plan) {
        this.plan = plan;
        this.byId = plan.nodesById();
        for (var node : plan.nodes()) {
            byPackage.computeIfAbsent(node.id().packageName(), p -> new ArrayList<>()).add(node.id());
            byJob.computeIfAbsent(StepCatalog.selectJob(node.id().packageName(), node.id().job()),
                    j -> new ArrayList<>()).add(node.id());
        }
        for (var edge : plan.edges()) {
            if (!byId.containsKey(edge.from()) || !byId.containsKey(edge.to())) {
                throw new IllegalArgumentException("edge " + edge + " joins a node that is not in the plan");
            }
            in.computeIfAbsent(edge.to(), id -> new ArrayList<>()).add(edge);
            out.computeIfAbsent(edge.from(), id -> new ArrayList<>()).add(edge);
        }
    }

    /** The layout at {@code level}; {@code options} bound the bundles of {@link GroupingLevel#BUNDLE}. */
    PipelineLayout layout(GroupingLevel level, RenderOptions options) {
        var branches = switch (level) {
            case NODE -> nodeBranches();
            case JOB, PACKAGE, BUNDLE -> groupBranches(level, options);
        };
        return new PipelineLayout(level, uniqueNames(branches));
    }

    private List<BranchSpec> nodeBranches() {
        var chainIn = new HashMap<NodeId, Edge>();
        var chainOut = new HashMap<NodeId, Edge>();
        for (var edge : plan.edges()) {
            if (isChainEdge(edge)) {
                chainIn.put(edge.to(), edge);
                chainOut.put(edge.from(), edge);
            }
        }
        var branches = new ArrayList<BranchSpec>();
        for (var node : plan.nodes()) {
            if (chainIn.containsKey(node.id())) {
                continue;
            }
            var stages = new ArrayList<StageSpec>();
            var current = node;
            while (true) {
                var skip = chainIn.get(current.id());
                stages.add(nodeStage(current, skip));
                var next = chainOut.get(current.id());
                if (next == null) {
                    break;
                }
                current = byId.get(next.to());
            }
            branches.add(new BranchSpec(node.id().packageName() + DOT + node.id().job(), stages));
        }
        return branches;
    }

    /**
     * An edge is written as stage order in one branch when it is the only way out of its source and the only
     * way into its target, and waits for the whole source (or for the source's only chroot).
     */
    private boolean isChainEdge(Edge edge) {
        if (out.get(edge.from()).size() != 1 || in.get(edge.to()).size() != 1) {
            return false;
        }
        return edge.chroot().isEmpty() || byId.get(edge.from()).chroots().equals(List.of(edge.chroot()));
    }

    private StageSpec nodeStage(Node node, @CheckForNull Edge chainEdge) {
        var needs = new LinkedHashSet<String>();
        for (var edge : in.getOrDefault(node.id(), List.of())) {
            if (edge != chainEdge) {
                needs.add(edge.need());
            }
        }
        return new StageSpec(nodeStageName(node.id()), StepCatalog.stepOf(node.kind()), List.of(node.id()), List.of(),
                List.copyOf(needs), node.condition());
    }

    private static String nodeStageName(NodeId id) {
        var job = id.member().isEmpty() ? id.job() : id.job() + "/" + id.member();
        return id.packageName() + DOT + id.kind().title(job) + (id.chroot().isEmpty() ? "" : DOT + id.chroot());
    }

    private record GroupKey(String packageName, String job, RunCondition condition) {
    }

    /**
     * One stage per group of nodes (per package and job, or per package and run condition; bundles of those for
     * {@link GroupingLevel#BUNDLE}); nodes that run the {@code packit} command line keep a stage each, since they
     * need an agent. Each stage is its own branch: a group step runs every node when its own needs are met.
     */
    private List<BranchSpec> groupBranches(GroupingLevel level, RenderOptions options) {
        var groups = new LinkedHashMap<GroupKey, List<Node>>();
        var cliStages = new ArrayList<StageSpec>();
        var order = new ArrayList<Object>();
        for (var node : plan.nodes()) {
            if (node.kind().runsPackitCli()) {
                var stage = nodeStage(node, null);
                cliStages.add(stage);
                order.add(stage);
                continue;
            }
            // a job run by its own build parameter is never grouped with other jobs: the stage's when names it
            boolean perJob = level == GroupingLevel.JOB || WhenConditions.needsParameter(node.condition());
            var key = new GroupKey(node.id().packageName(), perJob ? node.id().job() : "", node.condition());
            groups.computeIfAbsent(key, k -> {
                order.add(k);
                return new ArrayList<>();
            }).add(node);
        }
        if (level == GroupingLevel.BUNDLE) {
            return bundleBranches(groups, cliStages, options);
        }
        var conditionsPerPackage = new HashMap<String, Set<RunCondition>>();
        groups.keySet().forEach(key -> conditionsPerPackage
                .computeIfAbsent(key.packageName(), p -> new HashSet<>()).add(key.condition()));
        var branches = new ArrayList<BranchSpec>();
        for (var item : order) {
            if (item instanceof StageSpec cli) {
                branches.add(single(cli));
                continue;
            }
            var key = (GroupKey) item;
            String name;
            if (!key.job().isEmpty()) {
                name = key.packageName() + DOT + key.job();
            } else if (conditionsPerPackage.get(key.packageName()).size() == 1) {
                name = key.packageName();
            } else {
                name = key.packageName() + DOT + conditionLabel(key.condition());
            }
            branches.add(single(groupStage(name, groups.get(key), key.condition())));
        }
        return branches;
    }

    /** Bundles of groups, as many as the budget allows (fewer and bigger until the file fits), then CLI stages. */
    private List<BranchSpec> bundleBranches(
            Map<GroupKey, List<Node>> groups, List<StageSpec> cliStages, RenderOptions options) {
        var branches = new ArrayList<BranchSpec>();
        // every group costs about one list string; start from what the rest of the budget pays for
        int byCost = (options.maxCost() - groups.size()) / PipelineLayout.STAGE_COST;
        int available = Math.max(1, Math.min(options.maxStages() - cliStages.size(), byCost));
        while (true) {
            branches.clear();
            var bundles = bundle(groups, available);
            bundles.forEach(stage -> branches.add(single(stage)));
            cliStages.forEach(stage -> branches.add(single(stage)));
            var candidate = new PipelineLayout(GroupingLevel.BUNDLE, branches);
            boolean fits = candidate.cost() <= options.maxCost() && candidate.stageBlocks() <= options.maxStages();
            if (fits || available == 1) {
                return branches;
            }
            available = Math.min(available, bundles.size()) - 1;
        }
    }

    private static BranchSpec single(StageSpec stage) {
        return new BranchSpec(stage.name(), List.of(stage));
    }

    /**
     * The groups cut into about {@code available} bundles: groups of one run condition (or one parameter-gated
     * job) share bundles, each condition gets bundles in proportion to its groups, sizes differ by at most one.
     */
    private List<StageSpec> bundle(Map<GroupKey, List<Node>> groups, int available) {
        var byCondition = new LinkedHashMap<Object, List<List<Node>>>();
        groups.forEach((key, nodes) -> byCondition.computeIfAbsent(
                WhenConditions.needsParameter(key.condition()) ? key : key.condition(), c -> new ArrayList<>()).add(nodes));
        int total = groups.size();
        var stages = new ArrayList<StageSpec>();
        byCondition.forEach((bundleKey, packages) -> {
            var condition = packages.get(0).get(0).condition();
            int count = Math.max(1, Math.min(packages.size(), (int) ((long) packages.size() * available / total)));
            for (int b = 0; b < count; b++) {
                var chunk = packages.subList(b * packages.size() / count, (b + 1) * packages.size() / count);
                var nodes = chunk.stream().flatMap(List::stream).toList();
                var first = chunk.get(0).get(0).id().packageName();
                var last = chunk.get(chunk.size() - 1).get(0).id().packageName();
                var name = (chunk.size() == 1 ? first : first + " .. " + last + " (" + chunk.size() + " packages)")
                        + DOT + conditionLabel(condition);
                stages.add(groupStage(name, nodes, condition));
            }
        });
        return stages;
    }

    private StageSpec groupStage(String name, List<Node> nodes, RunCondition condition) {
        var ids = nodes.stream().map(Node::id).toList();
        return new StageSpec(name, StepCatalog.GROUP, ids, selectors(ids), List.of(), condition);
    }

    /** The fewest selectors that select exactly {@code ids}: whole packages, then whole jobs, then nodes. */
    private List<String> selectors(List<NodeId> ids) {
        var chosen = new HashSet<>(ids);
        var selectors = new ArrayList<String>();
        var packagesDone = new HashSet<String>();
        var jobsDone = new HashSet<String>();
        for (var id : ids) {
            if (packagesDone.contains(id.packageName())) {
                continue;
            }
            if (allChosen(chosen, byPackage.get(id.packageName()))) {
                packagesDone.add(id.packageName());
                selectors.add(StepCatalog.selectPackage(id.packageName()));
                continue;
            }
            var job = StepCatalog.selectJob(id.packageName(), id.job());
            if (jobsDone.contains(job)) {
                continue;
            }
            if (allChosen(chosen, byJob.get(job))) {
                jobsDone.add(job);
                selectors.add(job);
                continue;
            }
            selectors.add(id.toString());
        }
        return selectors;
    }

    private boolean allChosen(Set<NodeId> chosen, List<NodeId> selected) {
        return chosen.containsAll(selected);
    }

    private static String conditionLabel(RunCondition condition) {
        return condition.trigger().key() + (condition.manual() ? " manual" : "");
    }

    /** Makes every stage and branch name unique by numbering repeats: {@code name (2)}, {@code name (3)}. */
    private static List<BranchSpec> uniqueNames(List<BranchSpec> branches) {
        var seen = new HashMap<String, Integer>();
        var result = new ArrayList<BranchSpec>();
        for (var branch : branches) {
            var stages = branch.stages().stream()
                    .map(stage -> new StageSpec(unique(stage.name(), seen), stage.step(), stage.nodes(),
                            stage.selectors(), stage.needs(), stage.condition()))
                    .toList();
            var name = stages.size() == 1 ? stages.get(0).name() : unique(branch.name(), seen);
            result.add(new BranchSpec(name, stages));
        }
        return result;
    }

    private static String unique(String name, Map<String, Integer> seen) {
        int count = seen.merge(name, 1, Integer::sum);
        return count == 1 ? name : unique(name + " (" + count + ")", seen);
    }
}
