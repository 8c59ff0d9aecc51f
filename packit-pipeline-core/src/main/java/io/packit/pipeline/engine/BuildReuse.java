package io.packit.pipeline.engine;

import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.copr.CoprApiException;
import io.packit.pipeline.copr.CoprBuild;
import io.packit.pipeline.copr.CoprBuildChroot;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprState;
import io.packit.pipeline.copr.PrepareSourcesCall;
import io.packit.pipeline.graph.Event;
import io.packit.pipeline.graph.Node;
import io.packit.pipeline.graph.Reuse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the successful Copr builds a build node may take instead of submitting one ({@link Node#reuse()}), chroot
 * by chroot, as Packit finds builds by owner, project, commit and chroot (DESIGN §4). A build counts when it is a
 * build of the same package and build job (read from its {@code packit prepare-sources} script,
 * {@code GET /build/source-build-config/{id}}), was not cancelled, and the chroot succeeded in it
 * ({@code succeeded} or {@code forked}); a failed or cancelled chroot is never taken, and an older successful one
 * may be. Where to look, in order:
 * <ol>
 *   <li>this commit in the node's own Copr project ({@link Reuse#THIS_COMMIT}, and first for {@link Reuse#NEWEST});
 *   <li>for {@link Reuse#NEWEST}, the newest build of any commit in that project (an earlier push of the pull
 *       request);
 *   <li>for {@link Reuse#NEWEST} in a pull request, the project the package's commit builds of the target branch go
 *       to ({@code <repo>-<branch>} unless the job names one).
 * </ol>
 * A project Copr does not have holds nothing. Each project's builds are read newest first, {@value #PAGE} a page,
 * at most {@value #PAGES} pages; answers about finished builds are kept for the run. Thread-safe.
 */
final class BuildReuse {
    /** Builds per {@code GET /build/list} page. */
    static final int PAGE = 100;
    /** Pages read per project at most. */
    static final int PAGES = 5;

    private final CoprClient client;
    private final RunSettings settings;
    private final Map<String, List<CoprBuild>> pages = new ConcurrentHashMap<>();
    private final Map<Long, Optional<PrepareSourcesCall>> calls = new ConcurrentHashMap<>();
    private final Map<Long, List<CoprBuildChroot>> finishedChroots = new ConcurrentHashMap<>();

    BuildReuse(CoprClient client, RunSettings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A chroot taken from an existing build.
     *
     * @param build     the build
     * @param resultUrl its result directory for the chroot (empty when Copr gave none)
     */
    record Found(ReusedBuild build, String resultUrl) {
        Found {
            Objects.requireNonNull(build, "build");
            Objects.requireNonNull(resultUrl, "resultUrl");
        }
    }

    /** Where builds of a package and job are looked for. */
    private record Place(CoprTarget target, int jobIndex, ReusedBuild.Origin origin, boolean anyCommit) {
    }

    /**
     * The chroots of {@code wanted} that build node {@code build} can take from an existing build, and which build
     * each takes; the others are to be built.
     *
     * @throws CoprApiException when Copr fails other than with a 404 (the caller retries later)
     */
    Map<String, Found> find(RunState state, Node build, List<String> wanted) {
        var found = new LinkedHashMap<String, Found>();
        if (build.reuse() == Reuse.NONE || wanted.isEmpty()) {
            return found;
        }
        var event = state.plan().event();
        var pkg = state.plan().config().monorepo() ? build.view().packageName() : null;
        for (var place : places(state, build, event)) {
            var open = wanted.stream().filter(chroot -> !found.containsKey(chroot)).toList();
            if (open.isEmpty()) {
                break;
            }
            search(place, pkg, open, found);
        }
        return found;
    }

    private List<Place> places(RunState state, Node build, Event event) {
        var own = CoprTarget.of(build, event, settings);
        var index = build.view().job().index();
        var places = new ArrayList<Place>();
        places.add(new Place(own, index, ReusedBuild.Origin.THIS_COMMIT, false));
        if (build.reuse() != Reuse.NEWEST) {
            return places;
        }
        places.add(new Place(own, index, ReusedBuild.Origin.EARLIER_COMMIT, true));
        if (event instanceof Event.PullRequest pullRequest) {
            var branch = new Event.Commit(pullRequest.targetBranch(), List.of());
            var seen = new LinkedHashSet<String>();
            for (var view : state.plan().config().jobViewsOf(build.view().packageName())) {
                if (view.job() instanceof CoprBuildJob && view.job().trigger() == Trigger.COMMIT
                        && followsBranch(view.settings().branch(), pullRequest.targetBranch())) {
                    var target = CoprTarget.of(view, view.job().path(), branch, settings);
                    if (seen.add(target + "#" + view.job().index())) {
                        places.add(new Place(target, view.job().index(), ReusedBuild.Origin.TARGET_BRANCH, true));
                    }
                }
            }
        }
        return places;
    }

    /** Whether commit jobs with {@code branch} build pushes to {@code target} (no branch: the default branch, any). */
    private static boolean followsBranch(String branch, String target) {
        if (branch.isEmpty()) {
            return true;
        }
        try {
            return Pattern.compile(branch).matcher(target).lookingAt();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private void search(Place place, String pkg, List<String> open, Map<String, Found> found) {
        var wanted = new LinkedHashSet<>(open);
        for (int page = 0; page < PAGES && !wanted.isEmpty(); page++) {
            var builds = page(place.target(), page);
            for (var build : builds) {
                if (wanted.isEmpty()) {
                    return;
                }
                if (build.state() == CoprState.CANCELED || build.chroots().stream().noneMatch(wanted::contains)) {
                    continue;
                }
                var call = callOf(build.id());
                if (call.isEmpty() || !Objects.equals(call.get().packageName(), pkg)
                        || call.get().jobConfigIndex() != place.jobIndex()
                        || !place.anyCommit() && !call.get().ref().equals(settings.commit())) {
                    continue;
                }
                var origin = place.origin() == ReusedBuild.Origin.EARLIER_COMMIT && call.get().ref().equals(settings.commit())
                        ? ReusedBuild.Origin.THIS_COMMIT : place.origin();
                for (var chroot : chrootsOf(build)) {
                    if (wanted.contains(chroot.name()) && chroot.state().isSuccess()) {
                        var reused = new ReusedBuild(build.id(), place.target().owner(), place.target().project(),
                                call.get().ref(), origin);
                        var url = chroot.resultUrl();
                        found.put(chroot.name(), new Found(reused, url == null ? "" : url));
                        wanted.remove(chroot.name());
                    }
                }
            }
            if (builds.size() < PAGE) {
                return;
            }
        }
    }

    private List<CoprBuild> page(CoprTarget target, int page) {
        return pages.computeIfAbsent(target + "#" + page, key -> {
            try {
                return client.listBuilds(target.owner(), target.project(), PAGE, page * PAGE);
            } catch (CoprApiException e) {
                if (e.status() == 404) {
                    return List.of();
                }
                throw e;
            }
        });
    }

    private Optional<PrepareSourcesCall> callOf(long buildId) {
        return calls.computeIfAbsent(buildId, id -> {
            try {
                return client.sourceBuildConfig(id).script().flatMap(PrepareSourcesCall::read);
            } catch (CoprApiException e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private List<CoprBuildChroot> chrootsOf(CoprBuild build) {
        var known = finishedChroots.get(build.id());
        if (known != null) {
            return known;
        }
        var chroots = client.buildChroots(build.id());
        if (build.state().isTerminal()) {
            finishedChroots.put(build.id(), chroots);
        }
        return chroots;
    }
}
