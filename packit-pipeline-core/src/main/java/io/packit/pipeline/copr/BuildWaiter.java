package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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
 * newer builds than a page holds), so the calls per poll grow with projects, not builds. The SRPM build is read once
 * from {@code /build/source-chroot} when the summary shows it ended ({@code importing} is reported as succeeded: the
 * SRPM was built). A build's chroots are read when its summary changed after a chroot started, and on every poll while
 * it has two or more unfinished chroots of which one is running: then a chroot can end without the build's summary
 * changing (reference §1.13). By default ({@link ChrootReads#PROJECT_MONITOR}) those reads are served by one
 * {@code GET /monitor} per project directory and poll for every build the monitor shows (the newest build of its
 * package in each of its unfinished chroots, once the SRPM build named the package); only builds it does not show
 * (superseded by a newer build of the same package, or ended before their package was known) read their own
 * {@code /build-chroot/list}. A monitor call that fails falls back to the chroot lists for that poll; one that Copr
 * refuses (4xx other than 429) turns the monitor off for the rest of the wait.
 * {@code forked} counts as success, {@code skipped} as an end without a result, {@code unknown} as an error; a
 * canceled build ends its unfinished chroots as canceled, a build failed before its chroots ran ends them as failed.
 */
public final class BuildWaiter {
    private static final int PAGE = 100;

    private final CoprClient client;
    private final PollSchedule schedule;
    private final RandomGenerator random;
    private final ChrootReads chrootReads;

    /** Where and when a build's chroot states are read. */
    public enum ChrootReads {
        /**
         * As {@link #EVERY_POLL_WHILE_HIDDEN}, but the reads of builds the project monitor shows come from one
         * {@code GET /monitor} per project directory and poll, shared by all of them: every chroot end is seen within
         * one poll interval, and the calls per poll do not grow with the builds.
         */
        PROJECT_MONITOR,
        /**
         * Each build's {@code /build-chroot/list} when its summary changed, and on every poll while two or more
         * unfinished chroots include a running one: every chroot end is seen within one poll interval.
         */
        EVERY_POLL_WHILE_HIDDEN,
        /**
         * Each build's {@code /build-chroot/list} only when its summary changed: fewer calls than
         * {@link #EVERY_POLL_WHILE_HIDDEN}, but a chroot that ends while a sibling still runs is seen only at the
         * build's next visible change (at the latest when the build ends).
         */
        ON_SUMMARY_CHANGE
    }

    /**
     * Creates a waiter that reads chroot states from the project monitor ({@link ChrootReads#PROJECT_MONITOR}) and sees
     * every chroot end within one poll interval.
     *
     * @param client the Copr client (its sleeper is the clock)
     * @param schedule poll backoff, deadline and call cap
     * @param random the jitter source
     */
    public BuildWaiter(CoprClient client, PollSchedule schedule, RandomGenerator random) {
        this(client, schedule, random, ChrootReads.PROJECT_MONITOR);
    }

    /**
     * Creates a waiter.
     *
     * @param client the Copr client (its sleeper is the clock)
     * @param schedule poll backoff, deadline and call cap
     * @param random the jitter source
     * @param chrootReads where and when chroot states are read
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
        PollSchedule.Polling polling = schedule.start(client.sleeper().now(), random);
        Wait wait = new Wait(tracked, polling, listener, chrootReads == ChrootReads.PROJECT_MONITOR);
        WaitResult.Ending ending;
        while (true) {
            pollOnce(wait);
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
        return new WaitResult(ending, wait.results, last, unfinished, polling.calls());
    }

    private void pollOnce(Wait wait) {
        Map<String, List<Tracked>> byProject = new LinkedHashMap<>();
        for (Tracked t : wait.tracked.values()) {
            if (!t.done) {
                byProject.computeIfAbsent(t.build.ownername() + "/" + t.build.projectname(), k -> new ArrayList<>())
                        .add(t);
            }
        }
        for (List<Tracked> group : byProject.values()) {
            Map<Long, CoprBuild> seen = listProject(group, wait.polling);
            Map<Tracked, CoprBuild> summaries = new LinkedHashMap<>();
            for (Tracked t : group) {
                CoprBuild summary = seen.get(t.build.id());
                if (summary == null) {
                    // not on the list (moved to another page meanwhile, or deleted): ask for it alone
                    summary = client.getBuild(t.build.id());
                    wait.polling.countCalls(1);
                }
                summaries.put(t, summary);
            }
            Map<String, Map<String, MonitoredPackage>> monitors = readMonitors(summaries, wait);
            summaries.forEach((t, summary) -> update(t, summary, monitors.get(dirKey(summary)), wait));
        }
    }

    /** One {@code /monitor} per project directory that holds a build whose chroots are due and which it may show. */
    private Map<String, Map<String, MonitoredPackage>> readMonitors(Map<Tracked, CoprBuild> summaries, Wait wait) {
        Map<String, Map<String, MonitoredPackage>> monitors = new HashMap<>();
        if (!wait.monitorOn) {
            return monitors;
        }
        Map<String, CoprBuild> wanted = new LinkedHashMap<>();
        summaries.forEach((t, summary) -> {
            if (!t.offMonitor && packageName(summary) != null && chrootsDue(t, summary)) {
                wanted.putIfAbsent(dirKey(summary), summary);
            }
        });
        for (Map.Entry<String, CoprBuild> dir : wanted.entrySet()) {
            if (!wait.monitorOn) {
                break;
            }
            CoprBuild build = dir.getValue();
            String dirname = build.projectDirname();
            boolean mainDir = dirname == null || dirname.equals(build.projectname());
            wait.polling.countCalls(1);
            try {
                Map<String, MonitoredPackage> packages = new HashMap<>();
                for (MonitoredPackage pkg : client.monitor(build.ownername(), build.projectname(),
                        mainDir ? null : dirname)) {
                    packages.put(pkg.name(), pkg);
                }
                monitors.put(dir.getKey(), packages);
            } catch (CoprApiException e) {
                // this poll reads chroot lists instead; a refusal (no such endpoint, bad parameters) is for good
                boolean refused = e.status() >= 400 && e.status() < 500 && e.status() != 429;
                if (refused) {
                    wait.monitorOn = false;
                }
            }
        }
        return monitors;
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

    /**
     * Whether the build's chroots must be read this poll: its summary changed after a chroot started, or a chroot may
     * end unseen by the summary; never when every chroot of it has already been reported.
     */
    private boolean chrootsDue(Tracked t, CoprBuild summary) {
        boolean changed = !Fingerprint.of(summary).equals(t.fingerprint);
        boolean chrootPhase = summary.startedOn() != null || summary.state().isTerminal();
        boolean hidden = chrootReads != ChrootReads.ON_SUMMARY_CHANGE && t.mayHideChrootEnds();
        boolean allReported = !summary.chroots().isEmpty() && t.finished.containsAll(summary.chroots());
        return ((changed && chrootPhase) || hidden) && !allReported;
    }

    private void update(Tracked t, CoprBuild summary, Map<String, MonitoredPackage> monitor, Wait wait) {
        boolean due = chrootsDue(t, summary);
        t.build = summary;
        t.fingerprint = Fingerprint.of(summary);
        CoprState state = summary.state();
        if (!t.srpmReported && srpmEnded(summary)) {
            SourceChroot srpm = client.sourceChroot(summary.id());
            wait.polling.countCalls(1);
            if (srpm.state() == CoprState.IMPORTING) {
                // the SRPM was built and is being imported (reference §1.13): its build succeeded
                srpm = new SourceChroot(CoprState.SUCCEEDED.wireName(), srpm.resultUrl());
            }
            t.srpmReported = true;
            wait.listener.srpmFinished(summary.id(), srpm);
        }
        if (due) {
            List<CoprBuildChroot> chroots = monitor == null ? null : fromMonitor(t, summary, monitor);
            if (chroots == null) {
                chroots = client.buildChroots(summary.id());
                wait.polling.countCalls(1);
            }
            for (CoprBuildChroot chroot : chroots) {
                CoprBuildChroot before = t.chroots.put(chroot.name(), chroot);
                if (t.finished.contains(chroot.name())) {
                    continue;
                }
                if (chroot.state().isTerminal()) {
                    finish(t, chroot.name(), chroot.state(), chroot.resultUrl(), wait);
                } else if (before == null || !before.stateName().equals(chroot.stateName())) {
                    wait.listener.chrootChanged(summary.id(), chroot);
                }
            }
        }
        if (state.isTerminal()) {
            // Copr may lag on chroot states after a cancel, and fails every chroot when the SRPM fails
            CoprState forced = state == CoprState.CANCELED ? CoprState.CANCELED : CoprState.FAILED;
            for (CoprBuildChroot chroot : t.chroots.values()) {
                if (!t.finished.contains(chroot.name())) {
                    finish(t, chroot.name(), forced, chroot.resultUrl(), wait);
                }
            }
            t.done = true;
            wait.listener.buildFinished(summary);
        }
    }

    /**
     * The build's unfinished chroots as the monitor shows them, or null when it cannot stand in for the build's
     * chroot list: the build is not the newest of its package in each of them (it is then left off the monitor for
     * good), or a chroot ended {@code forked}, whose result directory only the chroot list gives.
     */
    @CheckForNull
    private static List<CoprBuildChroot> fromMonitor(Tracked t, CoprBuild summary, Map<String, MonitoredPackage> monitor) {
        String name = packageName(summary);
        MonitoredPackage pkg = name == null ? null : monitor.get(name);
        if (pkg == null || summary.chroots().isEmpty()) {
            t.offMonitor = name != null;
            return null;
        }
        List<CoprBuildChroot> chroots = new ArrayList<>();
        for (String chroot : summary.chroots()) {
            if (t.finished.contains(chroot)) {
                continue;
            }
            MonitoredPackage.LatestChroot latest = pkg.chroots().get(chroot);
            if (latest == null || latest.buildId() != summary.id()) {
                t.offMonitor = true;
                return null;
            }
            if (latest.state() == CoprState.FORKED && latest.resultUrl() == null) {
                return null;
            }
            chroots.add(new CoprBuildChroot(chroot, latest.stateName(), null, null, latest.resultUrl()));
        }
        return chroots;
    }

    @CheckForNull
    private static String packageName(CoprBuild build) {
        CoprBuild.SourcePackage source = build.sourcePackage();
        return source == null ? null : source.name();
    }

    private static String dirKey(CoprBuild build) {
        String dirname = build.projectDirname();
        String dir = dirname == null ? build.projectname() : dirname;
        return build.ownername() + "/" + build.projectname() + "/" + dir;
    }

    private void finish(Tracked t, String chroot, CoprState state, @CheckForNull String resultUrl, Wait wait) {
        t.finished.add(chroot);
        String projectRepo = t.build.repoUrl();
        String repoUrl = projectRepo == null ? null : projectRepo + "/" + chroot + "/";
        ChrootResult result = new ChrootResult(t.build.id(), chroot, state, resultUrl, logUrl(resultUrl, state),
                repoUrl, client.sleeper().now());
        wait.results.add(result);
        wait.listener.chrootFinished(result);
    }

    /**
     * Returns the builder log of a result directory: {@code builder-live.log} while running, compressed once ended.
     *
     * @param resultUrl the result directory, may be null
     * @param state the chroot's state
     * @return the log URL, null without a result directory
     */
    @CheckForNull
    static String logUrl(@CheckForNull String resultUrl, CoprState state) {
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
    private record Fingerprint(String state, @CheckForNull Long startedOn, @CheckForNull Long endedOn,
            List<String> chroots, @CheckForNull String packageName) {
        static Fingerprint of(CoprBuild build) {
            return new Fingerprint(build.stateName(), build.startedOn(), build.endedOn(), build.chroots(),
                    BuildWaiter.packageName(build));
        }
    }

    /** The waiter's knowledge of one build. */
    private static final class Tracked {
        private CoprBuild build;
        @CheckForNull
        private Fingerprint fingerprint;
        private boolean srpmReported;
        private boolean done;
        /** The monitor showed a newer build of the package, or not this build's package: read its chroot list. */
        private boolean offMonitor;
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

    /** One wait's state. */
    private static final class Wait {
        private final Map<Long, Tracked> tracked;
        private final PollSchedule.Polling polling;
        private final BuildListener listener;
        private final List<ChrootResult> results = new ArrayList<>();
        private boolean monitorOn;

        Wait(Map<Long, Tracked> tracked, PollSchedule.Polling polling, BuildListener listener, boolean monitorOn) {
            this.tracked = tracked;
            this.polling = polling;
            this.listener = listener;
            this.monitorOn = monitorOn;
        }
    }
}
