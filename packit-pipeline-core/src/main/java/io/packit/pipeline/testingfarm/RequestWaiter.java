package io.packit.pipeline.testingfarm;

import io.packit.pipeline.http.PollSchedule;
import io.packit.pipeline.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;

/**
 * Watches many Testing Farm requests: {@link #poll()} reads every unfinished one once and tells the listener about
 * each state change once; {@link #awaitAll()} polls with backoff and jitter until all are terminal, the deadline
 * passes or the cap on calls is reached; {@link #cancelAll()} cancels the unfinished ones. An engine may also call
 * {@link #poll()} from its own loop. Thread-safe: requests may be added while another thread waits.
 */
public final class RequestWaiter {
    private final TestingFarmClient client;
    private final PollSchedule schedule;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final RequestListener listener;
    private final Map<String, RequestStatus> latest = new LinkedHashMap<>();
    private final Map<String, Boolean> tracked = new LinkedHashMap<>();

    /** Watches with {@code client}, polling per {@code schedule} on {@code sleeper}'s clock, telling {@code listener}. */
    public RequestWaiter(TestingFarmClient client, PollSchedule schedule, Sleeper sleeper, RandomGenerator random,
            RequestListener listener) {
        this.client = Objects.requireNonNull(client, "client");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts watching the request {@code id}. */
    public synchronized void track(String id) {
        tracked.putIfAbsent(Objects.requireNonNull(id, "id"), Boolean.TRUE);
    }

    /** The ids watched, in the order they were added. */
    public synchronized List<String> ids() {
        return List.copyOf(tracked.keySet());
    }

    /** The last status read of every request that has been polled. */
    public synchronized Map<String, RequestStatus> statuses() {
        return Map.copyOf(latest);
    }

    /** The ids not yet known to be terminal. */
    public synchronized List<String> unfinished() {
        var ids = new ArrayList<String>();
        for (String id : tracked.keySet()) {
            RequestStatus status = latest.get(id);
            if (status == null || !status.isTerminal()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Reads every unfinished request once and tells the listener about changes.
     *
     * @return the requests whose state changed in this round
     */
    public List<RequestStatus> poll() {
        var changed = new ArrayList<RequestStatus>();
        for (String id : unfinished()) {
            RequestStatus now = client.status(id);
            RequestState previous;
            synchronized (this) {
                RequestStatus before = latest.put(id, now);
                previous = before == null ? null : before.state();
            }
            if (previous != now.state()) {
                changed.add(now);
                listener.stateChanged(previous, now);
            }
        }
        return changed;
    }

    /**
     * Polls until every watched request is terminal.
     *
     * @return the final status of every request, in the order they were added
     * @throws WaitTimeoutException when the deadline passes or the cap on calls is reached first
     * @throws CancellationException when the waiting thread is interrupted (the requests are not canceled here)
     */
    public Map<String, RequestStatus> awaitAll() {
        PollSchedule.Polling polling = schedule.start(sleeper.now(), random);
        while (true) {
            List<String> pending = unfinished();
            if (!pending.isEmpty()) {
                if (polling.isOutOfCalls()) {
                    throw new WaitTimeoutException("gave up waiting for Testing Farm requests " + pending + " after "
                            + polling.calls() + " polls (the cap)", pending);
                }
                polling.countCalls(pending.size());
                if (!poll().isEmpty()) {
                    polling.resetBackoff();
                }
                pending = unfinished();
            }
            if (pending.isEmpty()) {
                return finished();
            }
            if (polling.isPastDeadline(sleeper.now())) {
                throw new WaitTimeoutException("Testing Farm requests " + pending + " still unfinished after "
                        + schedule.timeout() + " (the timeout)", pending);
            }
            sleep(polling.nextDelay(sleeper.now()));
        }
    }

    /** Watches {@code id} and waits for it alone (other watched requests are polled too). */
    public RequestStatus await(String id) {
        track(id);
        return awaitAll().get(id);
    }

    /**
     * Cancels every unfinished request.
     *
     * @return what Testing Farm answered, per request id
     */
    public Map<String, CancelOutcome> cancelAll() {
        var outcomes = new LinkedHashMap<String, CancelOutcome>();
        for (String id : unfinished()) {
            outcomes.put(id, client.cancel(id));
        }
        return outcomes;
    }

    private synchronized Map<String, RequestStatus> finished() {
        var result = new LinkedHashMap<String, RequestStatus>();
        for (String id : tracked.keySet()) {
            result.put(id, latest.get(id));
        }
        return result;
    }

    private void sleep(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            var cancelled = new CancellationException("interrupted while waiting for Testing Farm requests " + unfinished());
            cancelled.initCause(e);
            throw cancelled;
        }
    }
}
