package io.packit.pipeline.engine;

import io.packit.pipeline.graph.NodeId;
import io.packit.pipeline.graph.NodeKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake remote service and the executor that drives it, in virtual (or real) time: an srpm node submits one
 * remote build (its SRPM phase ends after the srpm duration, then each chroot after its own duration), the
 * copr_build node watches that same build, every other node is one remote job of its own duration.
 */
public final class ScriptedExecutor implements NodeExecutor {
    static final String JOB = "job_id";

    private final Map<NodeId, Duration> durations = new ConcurrentHashMap<>();
    private final Map<String, Duration> chrootDurations = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, RemoteJob> jobs = new ConcurrentHashMap<>();
    private final Map<NodeId, AtomicInteger> submissions = new ConcurrentHashMap<>();
    private final List<NodeId> cancelOrder = Collections.synchronizedList(new ArrayList<>());
    private final List<String> submittedChroots = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private final Duration defaultDuration;
    private final Duration pollEvery;

    /**
     * @param defaultDuration duration of a node (or chroot) without its own
     * @param pollEvery       poll interval; zero polls exactly when the next thing ends
     */
    public ScriptedExecutor(Duration defaultDuration, Duration pollEvery) {
        this.defaultDuration = defaultDuration;
        this.pollEvery = pollEvery;
    }

    /** Sets a node's duration (an srpm node: its SRPM phase). */
    public ScriptedExecutor duration(String id, Duration duration) {
        durations.put(NodeId.parse(id), duration);
        return this;
    }

    /** Sets the duration of one chroot of a copr_build node, counted from the end of its SRPM phase. */
    public ScriptedExecutor chrootDuration(String buildId, String chroot, Duration duration) {
        chrootDurations.put(buildId + "@" + chroot, duration);
        return this;
    }

    /** Makes a node (or {@code copr_build:...@chroot}) fail. */
    public ScriptedExecutor fail(String idOrChroot) {
        failing.add(idOrChroot);
        return this;
    }

    /** How many times {@code id} submitted remote work. */
    public int submissions(String id) {
        var count = submissions.get(NodeId.parse(id));
        return count == null ? 0 : count.get();
    }

    /** Every submission, all nodes. */
    public int totalSubmissions() {
        return submissions.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The nodes cancelled, in order. */
    public List<NodeId> cancelOrder() {
        return List.copyOf(cancelOrder);
    }

    /** What each srpm node submitted: {@code srpm:A:b -> [chroots]}. */
    public List<String> submittedChroots() {
        return List.copyOf(submittedChroots);
    }

    /** Remote jobs neither ended nor cancelled at {@code now}. */
    public List<String> runningRemotely(Instant now) {
        return jobs.values().stream().filter(job -> !job.cancelled && now.isBefore(job.end)).map(job -> job.id).sorted().toList();
    }

    @Override
    public Progress start(NodeRun run) {
        var id = run.id();
        if (id.kind() == NodeKind.COPR_BUILD) {
            var srpm = run.state().srpmOf(id).map(run.state()::status).map(status -> status.remote().get(JOB));
            if (srpm.isPresent()) {
                run.recordRemote(JOB, srpm.get());
                return poll(run);
            }
        }
        submissions.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        var jobId = "r" + ids.incrementAndGet();
        var now = run.now();
        var phase = durations.getOrDefault(id, defaultDuration);
        var chrootEnds = new HashMap<String, Instant>();
        var build = id.kind() == NodeKind.SRPM ? run.state().buildOf(id).orElse(null) : id.kind() == NodeKind.COPR_BUILD ? id : null;
        var end = now.plus(phase);
        if (build != null) {
            var srpmEnd = id.kind() == NodeKind.SRPM ? end : now;
            for (var chroot : run.chroots()) {
                var chrootEnd = srpmEnd.plus(chrootDurations.getOrDefault(build + "@" + chroot, defaultDuration));
                chrootEnds.put(chroot, chrootEnd);
                end = end.isAfter(chrootEnd) ? end : chrootEnd;
            }
            submittedChroots.add(id + " -> " + run.chroots());
        }
        var job = new RemoteJob(jobId, now.plus(phase), chrootEnds, end);
        jobs.put(jobId, job);
        run.recordRemote(JOB, jobId);
        return poll(run);
    }

    @Override
    public Progress poll(NodeRun run) {
        var id = run.id();
        var job = jobs.get(run.remote(JOB).orElseThrow(() -> new IllegalStateException(id + " has no job")));
        var now = run.now();
        if (job.cancelled) {
            return new Progress.Done(NodeState.CANCELLED, "cancelled remotely");
        }
        if (id.kind() == NodeKind.COPR_BUILD) {
            Instant next = null;
            var failed = new ArrayList<String>();
            for (var chroot : run.chroots()) {
                var end = job.chrootEnds.get(chroot);
                if (end == null) {
                    throw new IllegalStateException(id + " was not submitted for " + chroot);
                }
                if (!now.isBefore(end)) {
                    boolean fails = failing.contains(id + "@" + chroot);
                    run.reportChroot(chroot, ChrootOutcome.of(fails ? NodeState.FAILED : NodeState.SUCCEEDED));
                    if (fails) {
                        failed.add(chroot);
                    }
                } else {
                    run.reportChroot(chroot, ChrootOutcome.of(NodeState.RUNNING));
                    next = next == null || end.isBefore(next) ? end : next;
                }
            }
            if (next != null) {
                return pollUntil(now, next);
            }
            return failed.isEmpty() ? Progress.succeeded() : Progress.failed("failed on " + String.join(", ", failed));
        }
        if (now.isBefore(job.phaseEnd)) {
            return pollUntil(now, job.phaseEnd);
        }
        return failing.contains(id.toString()) ? Progress.failed("scripted failure") : Progress.succeeded();
    }

    @Override
    public void cancel(NodeRun run) {
        cancelOrder.add(run.id());
        run.remote(JOB).map(jobs::get).ifPresent(job -> job.cancelled = true);
    }

    private Progress pollUntil(Instant now, Instant next) {
        var exact = Duration.between(now, next);
        return Progress.pollIn(pollEvery.isZero() || exact.compareTo(pollEvery) < 0 ? exact : pollEvery);
    }

    private static final class RemoteJob {
        final String id;
        final Instant phaseEnd;
        final Map<String, Instant> chrootEnds;
        final Instant end;
        volatile boolean cancelled;

        RemoteJob(String id, Instant phaseEnd, Map<String, Instant> chrootEnds, Instant end) {
            this.id = id;
            this.phaseEnd = phaseEnd;
            this.chrootEnds = chrootEnds;
            this.end = end;
        }
    }

    static Set<String> set(String... values) {
        return new HashSet<>(List.of(values));
    }
}
