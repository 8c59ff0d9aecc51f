package io.packit.pipeline.engine;

import io.packit.pipeline.copr.BuildOptions;
import io.packit.pipeline.copr.BuildSource;
import io.packit.pipeline.copr.CoprApiException;
import io.packit.pipeline.copr.CoprBuild;
import io.packit.pipeline.copr.CoprBuildChroot;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprState;
import io.packit.pipeline.copr.ProjectSpec;
import io.packit.pipeline.graph.EdgeKind;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import io.packit.pipeline.graph.Reuse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs {@code srpm} and {@code copr_build} nodes as one Copr build: the srpm node ensures the project and submits
 * the build (Packit's custom SRPM method, {@code packit prepare-sources} run inside Copr) on the chroots where every
 * dependency succeeded, then waits for Copr's source chroot; the copr_build node watches the same build and reports
 * each chroot as it ends, so tests of that chroot start at once.
 *
 * <p>Before submitting, the chroots an existing successful build can serve are taken from it ({@link BuildReuse}, as
 * {@link io.packit.pipeline.graph.Node#reuse()} allows) and reported {@link NodeState#REUSED} on the build node; only
 * the other chroots are submitted, and when none is left both nodes end reused, having submitted nothing. A
 * dependent build's project gets {@code copr://owner/project} in its {@code additional_repos} for every other project
 * a dependency's chroot was taken from.
 *
 * <p>A submission answered with 429 or 503 is tried again later (Copr did not take it). One whose outcome is unknown
 * (a dropped connection, another 5xx) is looked for among the project's new builds before anything is resubmitted;
 * submissions to one project are serialised so that a build found that way is never another node's.
 */
public final class CoprBuildExecutor implements NodeExecutor {
    /** The remote id key of a Copr build. */
    public static final String BUILD_ID = "copr_build_id";
    /**
     * Recorded (and saved) just before a build is submitted: a run resumed after a crash in the window between
     * Copr creating the build and its id being saved looks for that build instead of submitting another.
     */
    public static final String SUBMITTING = "copr_submitting_since";
    /**
     * The chroots a build in its project's chroots ({@link Node#chrootsAtRunTime()}) is submitted on, comma-separated:
     * read from Copr once, before the submission, and kept for the build's polls and for resumed runs.
     */
    public static final String CHROOTS = "copr_chroots";

    private static final Duration CLOCK_SLACK = Duration.ofSeconds(5);
    private static final String OUTCOME_UNKNOWN_SINCE = "outcome unknown since";

    private final CoprClient client;
    private final RunSettings settings;
    private final Map<CoprTarget, ReentrantLock> projectLocks = new ConcurrentHashMap<>();
    /** Projects ensured in this run, with the {@code additional_repos} they were given. */
    private final Map<CoprTarget, Set<String>> ensured = new ConcurrentHashMap<>();
    private final Set<NodeId> lookedUp = ConcurrentHashMap.newKeySet();
    private final BuildReuse reuse;
    private final Map<NodeId, Instant> unknownSince = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final TransientFailures transientFailures;

    /** Submits and watches through {@code client}. */
    public CoprBuildExecutor(CoprClient client, RunSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transientFailures = new TransientFailures(settings.polling());
        this.reuse = new BuildReuse(client, settings);
    }

    @Override
    public Progress start(NodeRun run) {
        return transientFailures.guard(run, () -> first(run));
    }

    private Progress first(NodeRun run) {
        if (run.id().kind() == NodeKind.COPR_BUILD) {
            var srpm = run.state().srpmOf(run.id()).map(run.state()::status);
            if (srpm.isPresent() && srpm.get().state() == NodeState.REUSED) {
                srpm.get().links().forEach(run::addLink);
                return new Progress.Done(NodeState.REUSED, srpm.get().reason());
            }
            var submitted = srpm.map(status -> status.remote().get(BUILD_ID));
            if (submitted.isPresent()) {
                var chroots = srpm.get().remote().get(CHROOTS);
                if (chroots != null) {
                    run.recordRemote(CHROOTS, chroots);
                }
                run.recordRemote(BUILD_ID, submitted.get());
                var link = srpm.get().links().get("copr");
                if (link != null) {
                    run.addLink("copr", link);
                }
                return next(run);
            }
        }
        return submit(run);
    }

    @Override
    public Progress poll(NodeRun run) {
        return transientFailures.guard(run, () -> next(run));
    }

    private Progress next(NodeRun run) {
        var recorded = run.remote(BUILD_ID);
        if (recorded.isEmpty()) {
            return submit(run);
        }
        long buildId = Long.parseLong(recorded.get());
        return run.id().kind() == NodeKind.SRPM ? pollSource(run, buildId) : pollChroots(run, buildId);
    }

    @Override
    public void cancel(NodeRun run) {
        var recorded = run.remote(BUILD_ID);
        if (recorded.isPresent() && cancelled.add(Long.parseLong(recorded.get()))) {
            client.cancel(Long.parseLong(recorded.get()));
        }
    }

    // ---- submission ----------------------------------------------------------------------------------------

    private Progress submit(NodeRun run) {
        var build = buildNode(run.state(), run.id());
        var target = CoprTarget.of(build, run.state().plan().event(), settings);
        var lock = projectLocks.computeIfAbsent(target, key -> new ReentrantLock());
        lock.lock();
        try {
            var since = unknownSince.get(run.id());
            if (since == null && run.remote(SUBMITTING).isPresent()) {
                since = Instant.parse(run.remote(SUBMITTING).get());
            }
            var wanted = submitChroots(run, build, target);
            if (wanted.isEmpty()) {
                return new Progress.Done(NodeState.SKIPPED, "no chroot of Copr project " + target + " is left to build on: "
                        + String.join("; ", leftOut(run.state(), build.id())));
            }
            var chroots = toBuild(run, build, wanted);
            if (chroots.isEmpty()) {
                return reused(run, build, wanted);
            }
            if (since != null) {
                var found = findLostBuild(run, target, since, chroots);
                if (found.isPresent()) {
                    unknownSince.remove(run.id());
                    record(run, target, found.get());
                    return settings.polling().next(run);
                }
            }
            ensureProject(run.state(), target, chroots);
            var options = options(run, build, chroots);
            if (options.isEmpty()) {
                // Copr batches: the build this one is ordered after has not been submitted yet
                return settings.polling().next(run);
            }
            var attempt = run.now();
            run.recordRemote(SUBMITTING, attempt.toString());
            CoprBuild created;
            try {
                created = submitWithBatchFallback(target, source(run.state(), build, settings), options.get());
            } catch (CoprApiException e) {
                if (e.status() == 429 || e.status() == 503) {
                    return settings.polling().next(run);
                }
                if (e.isOutcomeUnknown() || e.status() >= 500) {
                    unknownSince.putIfAbsent(run.id(), attempt);
                    return settings.polling().next(run);
                }
                throw e;
            }
            unknownSince.remove(run.id());
            record(run, target, created.id());
            return settings.polling().next(run);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The chroots of {@code wanted} still to build: those no existing build serves. The first time, the ones an existing
     * build can serve are looked up and reported reused on the build node.
     */
    private List<String> toBuild(NodeRun run, Node build, List<String> wanted) {
        var state = run.state();
        if (build.reuse() != Reuse.NONE && lookedUp.add(build.id())) {
            try {
                var open = openChroots(state.status(build.id()), wanted);
                reuse.find(state, build, open).forEach((chroot, found) ->
                        state.reportChroot(build.id(), chroot, ChrootOutcome.reused(found.build(), found.resultUrl())));
            } catch (RuntimeException e) {
                lookedUp.remove(build.id());
                throw e;
            }
        }
        return openChroots(state.status(build.id()), wanted);
    }

    /** {@code chroots} without those {@code build} reports reused. */
    private static List<String> openChroots(NodeStatus build, List<String> chroots) {
        return chroots.stream().filter(chroot -> build.chroot(chroot).map(ChrootOutcome::state)
                .filter(state -> state == NodeState.REUSED).isEmpty()).toList();
    }

    /** Every chroot of {@code wanted} was taken from existing builds: the node ends reused, naming them. */
    private Progress reused(NodeRun run, Node build, List<String> wanted) {
        var byBuild = new LinkedHashMap<ReusedBuild, List<String>>();
        run.state().status(build.id()).chroots().forEach((chroot, outcome) -> {
            var reused = outcome.reused();
            if (reused != null && wanted.contains(chroot)) {
                byBuild.computeIfAbsent(reused, key -> new ArrayList<>()).add(chroot);
            }
        });
        if (byBuild.isEmpty()) {
            return new Progress.Done(NodeState.SKIPPED, "no chroot left to build");
        }
        var first = byBuild.keySet().iterator().next();
        run.addLink("copr", first.target().buildPage(client.config().coprUrl(), first.buildId()));
        var reason = byBuild.size() == 1 ? "reuses " + first.describe()
                : "reuses " + byBuild.entrySet().stream().map(entry -> entry.getKey().describe() + " ("
                        + String.join(", ", entry.getValue()) + ")").collect(java.util.stream.Collectors.joining("; "));
        return new Progress.Done(NodeState.REUSED, reason);
    }

    private CoprBuild submitWithBatchFallback(CoprTarget target, BuildSource source, BuildOptions options) {
        try {
            return client.submit(target.owner(), target.project(), source, options);
        } catch (CoprApiException e) {
            boolean batched = options.afterBuildId() != null || options.withBuildId() != null;
            if (batched && e.status() == 400 && e.errorText().contains("already finished")) {
                // the batch it should join or follow has ended: the order it asked for holds already
                return client.submit(target.owner(), target.project(), source, options.withoutBatch());
            }
            throw e;
        }
    }

    private void record(NodeRun run, CoprTarget target, long buildId) {
        run.recordRemote(BUILD_ID, Long.toString(buildId));
        run.addLink("copr", target.buildPage(client.config().coprUrl(), buildId));
    }

    /**
     * The chroots to submit the build on: the node's, less those a dependency did not build ({@link NodeRun#chroots()});
     * for a build in its project's chroots, the chroots the Copr project has ({@code GET /project}, the keys of
     * {@code chroot_repos}, as packit-service's {@code get_configured_targets} reads them), or the job's fallback
     * ({@code fedora-stable}) when the project does not exist yet or has none, less the chroots where a dependency
     * did not succeed. Those are read once and recorded ({@link #CHROOTS}); the chroots left out, and those its tests
     * need that the project lacks, are reported skipped on the build node, with the reason. Empty: none is left.
     */
    private List<String> submitChroots(NodeRun run, Node build, CoprTarget target) {
        if (!build.chrootsAtRunTime()) {
            return run.chroots();
        }
        var recorded = run.remote(CHROOTS);
        if (recorded.isPresent()) {
            return List.of(recorded.get().split(","));
        }
        var state = run.state();
        var chroots = new ArrayList<>(projectChroots(target, build));
        var excluded = new LinkedHashMap<String, String>();
        for (var edge : state.needsOf(build.id())) {
            if (edge.kind() != EdgeKind.DEPENDS || edge.from().kind() != NodeKind.COPR_BUILD) {
                continue;
            }
            var theirs = state.status(edge.from());
            var planned = state.node(edge.from()).chroots();
            for (var chroot : chroots) {
                var outcome = theirs.chroot(chroot);
                boolean built = outcome.isPresent() && outcome.get().state().isSuccess();
                if ((planned.contains(chroot) || outcome.isPresent()) && !built) {
                    excluded.putIfAbsent(chroot, edge.from() + (outcome.isPresent() ? " " + outcome.get().state()
                            .name().toLowerCase(Locale.ROOT) : " did not build") + " on " + chroot);
                }
            }
        }
        chroots.removeAll(excluded.keySet());
        excluded.forEach((chroot, cause) -> state.reportChroot(build.id(), chroot,
                new ChrootOutcome(NodeState.SKIPPED, cause, "")));
        for (var edge : state.plan().edges()) {
            if (edge.from().equals(build.id()) && !edge.chroot().isEmpty() && !chroots.contains(edge.chroot())
                    && !excluded.containsKey(edge.chroot())) {
                state.reportChroot(build.id(), edge.chroot(), new ChrootOutcome(NodeState.SKIPPED,
                        "Copr project " + target + " has no chroot " + edge.chroot(), ""));
            }
        }
        if (!chroots.isEmpty()) {
            run.recordRemote(CHROOTS, String.join(",", chroots));
        }
        return List.copyOf(chroots);
    }

    /** Why the chroots of build {@code id} were left out, as reported on it. */
    private static List<String> leftOut(RunState state, NodeId id) {
        return state.status(id).chroots().values().stream().filter(outcome -> outcome.state() == NodeState.SKIPPED)
                .map(ChrootOutcome::reason).distinct().toList();
    }

    /** The chroots Copr project {@code target} has, or the build's fallback when it does not exist yet or has none. */
    private List<String> projectChroots(CoprTarget target, Node build) {
        try {
            var chroots = client.getProject(target.owner(), target.project()).chroots();
            if (!chroots.isEmpty()) {
                return chroots;
            }
        } catch (CoprApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        var fallback = build.view().settings().targets().chrootNames();
        if (fallback.isEmpty()) {
            throw new IllegalStateException(build.id() + ": Copr project " + target
                    + " does not exist and the job has no chroots to create it with");
        }
        return fallback;
    }

    /** The chroots the build node {@code run} watches: its own, or the ones its build was submitted on. */
    private static List<String> watchedChroots(NodeRun run) {
        if (!run.node().chrootsAtRunTime()) {
            return run.chroots();
        }
        return run.remote(CHROOTS).map(text -> List.of(text.split(","))).orElse(List.of());
    }

    /** A build in the project that nobody in this run claims, created since the attempt, on our chroots. */
    private Optional<Long> findLostBuild(NodeRun run, CoprTarget target, Instant since, List<String> chroots) {
        var claimed = new HashSet<String>();
        run.state().statuses().forEach(status -> {
            var id = status.remote().get(BUILD_ID);
            if (id != null) {
                claimed.add(id);
            }
        });
        var wanted = new TreeSet<>(chroots);
        var candidates = new ArrayList<Long>();
        for (var build : client.listBuilds(target.owner(), target.project(), 50, 0)) {
            boolean recent = build.submittedOn() >= since.minus(CLOCK_SLACK).getEpochSecond();
            boolean sameChroots = build.chroots().isEmpty() || new TreeSet<>(build.chroots()).equals(wanted);
            if (recent && sameChroots && !claimed.contains(Long.toString(build.id()))) {
                candidates.add(build.id());
            }
        }
        if (candidates.size() > 1) {
            throw new IllegalStateException(run.id() + ": the answer to a build submission was lost and builds "
                    + candidates + " of " + target + " could each be it; not submitting again");
        }
        return candidates.stream().findFirst();
    }

    private Optional<BuildOptions> options(NodeRun run, Node build, List<String> chroots) {
        var copr = build.view().settings().copr();
        var options = BuildOptions.chroots(chroots).withTimeout(Math.min(copr.timeout(), 108_000));
        if (copr.enableNet()) {
            options = options.withEnvironment(null, null, null, Boolean.TRUE);
        }
        if (!settings.coprBatches()) {
            return Optional.of(options);
        }
        var state = run.state();
        var placement = BatchOrder.of(state).placementOf(build.id(), other -> standing(state, other));
        if (placement instanceof BatchOrder.Placement.Anchor anchor) {
            var anchorId = buildIdOf(state, anchor.build()).orElseThrow();
            return Optional.of(anchor.joins() ? options.with(anchorId) : options.after(anchorId));
        }
        // Copr batches: wait while a build this one would be ordered relative to is not submitted or reused yet
        return placement instanceof BatchOrder.Placement.Free ? Optional.of(options) : Optional.empty();
    }

    /** Where build {@code id} stands for Copr batches: submitted, ended without a submission (reused), or open. */
    private static BatchOrder.Standing standing(RunState state, NodeId id) {
        if (buildIdOf(state, id).isPresent()) {
            return BatchOrder.Standing.SUBMITTED;
        }
        var own = state.status(id).state();
        var srpm = state.srpmOf(id).map(state::status).map(NodeStatus::state);
        return own.isTerminal() || srpm.filter(NodeState::isTerminal).isPresent()
                ? BatchOrder.Standing.NOTHING_SUBMITTED : BatchOrder.Standing.OPEN;
    }

    /**
     * Makes sure {@code target} exists with the chroots of the plan's builds there, and {@code submitted}, and with
     * the repositories its builds need; again when a build needs a repository it was not given yet.
     */
    private void ensureProject(RunState state, CoprTarget target, List<String> submitted) {
        var chroots = new TreeSet<String>(submitted);
        var repos = new LinkedHashSet<String>();
        Node sample = null;
        var event = state.plan().event();
        for (var node : state.plan().nodes()) {
            if (node.kind() != NodeKind.COPR_BUILD || !CoprTarget.of(node, event, settings).equals(target)) {
                continue;
            }
            // a plan for every trigger (a rendered Jenkinsfile's) also holds the other triggers' builds; they do not
            // run for this event, so their chroots do not belong in its project
            if (event.trigger().map(trigger -> trigger != node.condition().trigger()).orElse(false)) {
                continue;
            }
            sample = sample == null ? node : sample;
            chroots.addAll(node.chroots());
            repos.addAll(node.view().settings().copr().additionalRepos());
            repos.addAll(dependencyRepos(state, node, target, event));
        }
        if (sample == null || chroots.isEmpty()) {
            throw new IllegalStateException("no build of the plan goes to Copr project " + target);
        }
        var have = ensured.get(target);
        if (have != null && have.containsAll(repos)) {
            return;
        }
        var copr = sample.view().settings().copr();
        var spec = new ProjectSpec(target.owner(), target.project(), List.copyOf(chroots),
                "Builds by packit-pipeline for " + (settings.repoName().isEmpty() ? "its repository" : settings.repoName()),
                "Temporary builds of the packit-pipeline CI, not meant for general use.",
                List.copyOf(repos), copr.moduleHotfixes(), copr.bootstrap(), copr.enableNet(),
                copr.forgeProjectsAllowed(), copr.preserveProject(), copr.listOnHomepage());
        client.ensureProject(spec);
        ensured.put(target, Set.copyOf(repos));
    }

    /**
     * Copr repos of the builds {@code node} depends on that live in other projects and are not listed already: the
     * dependencies' own projects, and the projects their reused chroots were taken from.
     */
    private List<String> dependencyRepos(RunState state, Node node, CoprTarget target, Event event) {
        var listed = node.view().settings().copr().additionalRepos();
        var repos = new ArrayList<String>();
        for (var dependency : state.dependencyBuildsOf(node.id())) {
            var projects = new LinkedHashSet<CoprTarget>();
            projects.add(CoprTarget.of(state.node(dependency), event, settings));
            state.status(dependency).chroots().values().stream().map(ChrootOutcome::reused).filter(Objects::nonNull)
                    .forEach(reused -> projects.add(reused.target()));
            for (var theirs : projects) {
                if (!theirs.equals(target) && listed.stream().noneMatch(repo -> repo.contains(theirs.fullName()))
                        && !repos.contains(theirs.repo())) {
                    repos.add(theirs.repo());
                }
            }
        }
        return repos;
    }

    /** What Copr builds the SRPM from: Packit's {@code packit prepare-sources} script. */
    static BuildSource source(RunState state, Node build, RunSettings settings) {
        var view = build.view();
        var event = state.plan().event();
        Integer prId = null;
        String targetBranch = null;
        if (event instanceof Event.PullRequest pullRequest) {
            prId = pullRequest.id();
            targetBranch = pullRequest.targetBranch();
        }
        var url = settings.repositoryOf(view.settings());
        if (url.isEmpty()) {
            throw new IllegalStateException(build.id() + ": no repository to build from: "
                    + RunSettings.howToGiveARepository());
        }
        if (settings.commit().isEmpty()) {
            throw new IllegalStateException(build.id() + ": no commit to build: pass --commit");
        }
        return BuildSource.CustomScript.packitPrepareSources(url, settings.commit(),
                state.plan().config().monorepo() ? view.packageName() : null, prId, targetBranch, prId != null,
                view.job().index(), view.settings().copr().srpmBuildDeps(), null);
    }

    // ---- waiting -------------------------------------------------------------------------------------------

    private Progress pollSource(NodeRun run, long buildId) {
        var source = client.sourceChroot(buildId);
        var srpmResults = source.resultUrl();
        if (srpmResults != null) {
            run.addLink("srpm", srpmResults);
        }
        var state = source.state();
        if (state == CoprState.SUCCEEDED || state == CoprState.FORKED) {
            return Progress.succeeded();
        }
        if (state == CoprState.CANCELED) {
            return new Progress.Done(NodeState.CANCELLED, "Copr build " + buildId + " was cancelled");
        }
        if (state.isTerminal()) {
            return Progress.failed("the SRPM build of Copr build " + buildId + " " + state.wireName()
                    + (source.resultUrl() == null ? "" : " (logs: " + source.resultUrl() + ")"));
        }
        return timedOut(run, buildId).orElseGet(() -> settings.polling().next(run));
    }

    private Progress pollChroots(NodeRun run, long buildId) {
        var byName = new HashMap<String, CoprBuildChroot>();
        for (var chroot : client.buildChroots(buildId)) {
            byName.put(chroot.name(), chroot);
        }
        boolean pending = false;
        var failed = new ArrayList<String>();
        for (var name : openChroots(run.status(), watchedChroots(run))) {
            var chroot = byName.get(name);
            if (chroot == null) {
                pending = true;
                continue;
            }
            var results = chroot.resultUrl();
            var url = results == null ? "" : results;
            var outcome = outcome(chroot.state(), url);
            run.reportChroot(name, outcome);
            if (!outcome.state().isTerminal()) {
                pending = true;
            } else if (outcome.state() == NodeState.FAILED || outcome.state() == NodeState.CANCELLED) {
                failed.add(name);
            }
        }
        if (pending) {
            return timedOut(run, buildId).orElseGet(() -> settings.polling().next(run));
        }
        return failed.isEmpty() ? Progress.succeeded() : Progress.failed("failed on " + String.join(", ", failed));
    }

    private static ChrootOutcome outcome(CoprState state, String url) {
        switch (state) {
            case SUCCEEDED:
            case FORKED:
                return new ChrootOutcome(NodeState.SUCCEEDED, "", url);
            case FAILED:
                return new ChrootOutcome(NodeState.FAILED, "", url);
            case UNKNOWN:
                return new ChrootOutcome(NodeState.FAILED, "Copr reports an unknown state", url);
            case CANCELED:
                return new ChrootOutcome(NodeState.CANCELLED, "", url);
            case SKIPPED:
                return new ChrootOutcome(NodeState.FAILED, "Copr skipped it (ExcludeArch/ExclusiveArch)", url);
            default:
                return new ChrootOutcome(NodeState.RUNNING, "", url);
        }
    }

    private Optional<Progress> timedOut(NodeRun run, long buildId) {
        var limit = Duration.ofSeconds(buildNode(run.state(), run.id()).view().settings().copr().timeout());
        if (run.elapsed().compareTo(limit) <= 0) {
            return Optional.empty();
        }
        if (cancelled.add(buildId)) {
            client.cancel(buildId);
        }
        return Optional.of(Progress.failed("Copr build " + buildId + " did not end within " + limit.toSeconds()
                + " s (the job's timeout); cancelled it"));
    }

    // ---- plan lookups --------------------------------------------------------------------------------------

    private static Node buildNode(RunState state, NodeId id) {
        if (id.kind() == NodeKind.SRPM) {
            return state.node(state.buildOf(id).orElseThrow(() -> new IllegalStateException(id + " feeds no build")));
        }
        return state.node(id);
    }

    private static Optional<Long> buildIdOf(RunState state, NodeId build) {
        var own = state.status(build).remote().get(BUILD_ID);
        if (own != null) {
            return Optional.of(Long.parseLong(own));
        }
        return state.srpmOf(build).map(srpm -> state.status(srpm).remote().get(BUILD_ID)).map(Long::parseLong);
    }
}
