package io.packit.pipeline.copr;

import io.packit.pipeline.http.PollSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Waits on many Copr builds at once and reports each chroot as it ends.
 *
 * <p>Each poll makes one {@code GET /build/list} per project (newest first, paged only when the project has more
 * newer builds than a page holds), so the calls per poll grow with projects, not builds. A build's
 * {@code /build-chroot/list} is read only when its summary changed, or when it has two or more unfinished chroots of
 * which one is running: then a chroot can end without the build's summary changing (reference §1.13), so it is read
 * on every poll. The SRPM build is read once from {@code /build/source-chroot} when the summary shows it ended
 * ({@code importing} is reported as succeeded: the SRPM was built).
 * {@code forked} counts as success, {@code skipped} as an end without a result, {@code unknown} as an error; a
 * canceled build ends its unfinished chroots as canceled, a build failed before its chroots ran ends them as failed.
 */
public final class BuildWaiter {
    private static final int PAGE = 100;

    private final CoprClient client;
    private final PollSchedule schedule;
    private final RandomGenerator random;
    private final ChrootReads chrootReads;

    /** When a build's chroot list is read. */
    public enum ChrootReads {
        /**
         * When the build's summary changed, and on every poll while two or more unfinished chroots include a running
         * one: every chroot end is seen within one poll interval.
         */
        EVERY_POLL_WHILE_HIDDEN,
        /**
         * Only when the build's summary changed: fewer calls, but a chroot that ends while a sibling still runs is
         * seen only at the build's next visible change (at the latest when the build ends).
         */
        ON_SUMMARY_CHANGE
    }

    /**
     * Creates a waiter that sees every chroot end within one poll interval.
     *
     * @param client the Copr client (its sleeper is the clock)
     * @param schedule poll backoff, deadline and call cap
     * @param random the jitter source
     */
    public BuildWaiter(CoprClient client, PollSchedule schedule, RandomGenerator random) {
        this(client, schedule, random, ChrootReads.EVERY_POLL_WHILE_HIDDEN);
    }

    /**
     * Creates a waiter.
     *
     * @param client the Copr client (its sleeper is the clock)
     * @param schedule poll backoff, deadline and call cap
     * @param random the jitter source
     * @param chrootReads when chroot lists are read
     */
    public BuildWaiter(CoprClient client, PollSchedule schedule, RandomGenerator random, ChrootReads chrootReads) {
        this.client = Objects.requireNonNull(client, "client");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.random = Objects.requireNonNull(random, "random");
        this.chrootReads = Objects.requireNonNull(chrootReads, "chrootReads");
    }

    /**
     * Waits until every build ended, the deadline passed, the call cap was reached or the thread was interrupted.
     *
     * @param builds the builds as submitted (owner and project are taken from them)
     * @param listener hears every change once
     * @return how the wait ended and every chroot's end
     */
    public WaitResult waitFor(Collection<CoprBuild> builds, BuildListener listener) {
        Objects.requireNonNull(listener, "listener");
        Map<Long, Tracked> tracked = new LinkedHashMap<>();
        for (CoprBuild build : builds) {
            tracked.put(build.id(), new Tracked(build));
        }
        List<ChrootResult> results = new ArrayList<>();
        PollSchedule.Polling polling = schedule.start(client.sleeper().now(), random);
        WaitResult.Ending ending;
        while (true) {
            pollOnce(tracked, polling, listener, results);
            if (tracked.values().stream().allMatch(t -> t.done)) {
                ending = WaitResult.Ending.ALL_FINISHED;
                break;
            }
            if (polling.isOutOfCalls()) {
                ending = WaitResult.Ending.CALL_CAP;
                break;
            }
            Instant now = client.sleeper().now();
            if (polling.isPastDeadline(now)) {
                ending = WaitResult.Ending.DEADLINE;
                break;
            }
            try {
                client.sleeper().sleep(polling.nextDelay(now));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ending = WaitResult.Ending.INTERRUPTED;
                break;
            }
        }
        Map<Long, CoprBuild> last = new HashMap<>();
        List<Long> unfinished = new ArrayList<>();
        tracked.forEach((id, t) -> {
            last.put(id, t.build);
            if (!t.done) {
                unfinished.add(id);
            }
        });
        return new WaitResult(ending, results, last, unfinished, polling.calls());
    }

    private void pollOnce(Map<Long, Tracked> tracked, PollSchedule.Polling polling, BuildListener listener,
            List<ChrootResult> results) {
        Map<String, List<Tracked>> byProject = new LinkedHashMap<>();
        for (Tracked t : tracked.values()) {
            if (!t.done) {
                byProject.computeIfAbsent(t.build.ownername() + "/" + t.build.projectname(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        for (List<Tracked> group : byProject.values()) {
            Map<Long, CoprBuild> seen = listProject(group, polling);
            for (Tracked t : group) {
                CoprBuild summary = seen.get(t.build.id());
                if (summary == null) {
                    // not on the list (moved to another page meanwhile, or deleted): ask for it alone
                    summary = client.getBuild(t.build.id());
                    polling.countCalls(1);
                }
                update(t, summary, polling, listener, results);
            }
        }
    }

    private Map<Long, CoprBuild> listProject(List<Tracked> group, PollSchedule.Polling polling) {
        CoprBuild first = group.get(0).build;
        long oldest = group.stream().mapToLong(t -> t.build.id()).min().orElseThrow();
        Set<Long> wanted = new TreeSet<>();
        group.forEach(t -> wanted.add(t.build.id()));
        Map<Long, CoprBuild> seen = new HashMap<>();
        for (int offset = 0; ; offset += PAGE) {
            List<CoprBuild> page = client.listBuilds(first.ownername(), first.projectname(), PAGE, offset);
            polling.countCalls(1);
            long lowest = Long.MAX_VALUE;
            for (CoprBuild build : page) {
                lowest = Math.min(lowest, build.id());
                if (wanted.contains(build.id())) {
                    seen.put(build.id(), build);
                }
            }
            if (page.size() < PAGE || lowest <= oldest || seen.size() == wanted.size()) {
                return seen;
            }
        }
    }

    private void update(Tracked t, CoprBuild summary, PollSchedule.Polling polling, BuildListener listener,
            List<ChrootResult> results) {
        boolean changed = !Fingerprint.of(summary).equals(t.fingerprint);
        t.build = summary;
        t.fingerprint = Fingerprint.of(summary);
        CoprState state = summary.state();
        if (!t.srpmReported && srpmEnded(summary)) {
            SourceChroot srpm = client.sourceChroot(summary.id());
            polling.countCalls(1);
            if (srpm.state() == CoprState.IMPORTING) {
                // the SRPM was built and is being imported (reference §1.13): its build succeeded
                srpm = new SourceChroot(CoprState.SUCCEEDED.wireName(), srpm.resultUrl());
            }
            t.srpmReported = true;
            listener.srpmFinished(summary.id(), srpm);
        }
        boolean chrootPhase = summary.startedOn() != null || state.isTerminal();
        boolean hidden = chrootReads == ChrootReads.EVERY_POLL_WHILE_HIDDEN && t.mayHideChrootEnds();
        if ((changed && chrootPhase) || hidden) {
            List<CoprBuildChroot> chroots = client.buildChroots(summary.id());
            polling.countCalls(1);
            for (CoprBuildChroot chroot : chroots) {
                CoprBuildChroot before = t.chroots.put(chroot.name(), chroot);
                if (t.finished.contains(chroot.name())) {
                    continue;
                }
                if (chroot.state().isTerminal()) {
                    finish(t, chroot.name(), chroot.state(), chroot.resultUrl(), listener, results);
                } else if (before == null || !before.stateName().equals(chroot.stateName())) {
                    listener.chrootChanged(summary.id(), chroot);
                }
            }
        }
        if (state.isTerminal()) {
            // Copr may lag on chroot states after a cancel, and fails every chroot when the SRPM fails
            CoprState forced = state == CoprState.CANCELED ? CoprState.CANCELED : CoprState.FAILED;
            for (CoprBuildChroot chroot : t.chroots.values()) {
                if (!t.finished.contains(chroot.name())) {
                    finish(t, chroot.name(), forced, chroot.resultUrl(), listener, results);
                }
            }
            t.done = true;
            listener.buildFinished(summary);
        }
    }

    private void finish(Tracked t, String chroot, CoprState state, String resultUrl, BuildListener listener,
            List<ChrootResult> results) {
        t.finished.add(chroot);
        String repoUrl = t.build.repoUrl() == null ? null : t.build.repoUrl() + "/" + chroot + "/";
        ChrootResult result = new ChrootResult(t.build.id(), chroot, state, resultUrl, logUrl(resultUrl, state),
                repoUrl, client.sleeper().now());
        results.add(result);
        listener.chrootFinished(result);
    }

    /**
     * Returns the builder log of a result directory: {@code builder-live.log} while running, compressed once ended.
     *
     * @param resultUrl the result directory, may be null
     * @param state the chroot's state
     * @return the log URL, null without a result directory
     */
    static String logUrl(String resultUrl, CoprState state) {
        if (resultUrl == null) {
            return null;
        }
        String dir = resultUrl.endsWith("/") ? resultUrl : resultUrl + "/";
        boolean ended = state == CoprState.SUCCEEDED || state == CoprState.FAILED || state == CoprState.CANCELED;
        return dir + (ended ? "builder-live.log.gz" : "builder-live.log");
    }

    private static boolean srpmEnded(CoprBuild build) {
        CoprBuild.SourcePackage source = build.sourcePackage();
        return build.state() == CoprState.IMPORTING || build.startedOn() != null || build.state().isTerminal()
                || (source != null && source.name() != null);
    }

    /** What of a build summary shows progress. */
    private record Fingerprint(String state, Long startedOn, Long endedOn, List<String> chroots, String packageName) {
        static Fingerprint of(CoprBuild build) {
            return new Fingerprint(build.stateName(), build.startedOn(), build.endedOn(), build.chroots(),
                    build.sourcePackage() == null ? null : build.sourcePackage().name());
        }
    }

    /** The waiter's knowledge of one build. */
    private static final class Tracked {
        private CoprBuild build;
        private Fingerprint fingerprint;
        private boolean srpmReported;
        private boolean done;
        private final Map<String, CoprBuildChroot> chroots = new LinkedHashMap<>();
        private final Set<String> finished = new TreeSet<>();

        Tracked(CoprBuild build) {
            this.build = build;
            this.fingerprint = null;
        }

        /** Two or more unfinished chroots, one of them running: an end would not show in the summary. */
        boolean mayHideChrootEnds() {
            long open = chroots.values().stream().filter(c -> !finished.contains(c.name())).count();
            boolean active = chroots.values().stream()
                    .anyMatch(c -> !finished.contains(c.name()) && c.state().isActive());
            return open >= 2 && active;
        }
    }
}
