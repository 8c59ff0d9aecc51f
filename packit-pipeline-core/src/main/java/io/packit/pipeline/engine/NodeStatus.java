package io.packit.pipeline.engine;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.graph.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one node in a run.
 *
 * @param id        the node
 * @param state     its state
 * @param reason    empty; or the failure message; or, when skipped, the root cause
 *                  ({@code copr_build:B:build1 failed on fedora-41-x86_64}, {@code unchanged}); or why it was cancelled
 * @param chroots   builds: chroot → outcome, in the order they were reported
 * @param remote    remote ids recorded as soon as they existed ({@code copr_build_id}, {@code tf_request_id}, …)
 * @param links     human links ({@code copr} → build page, {@code testing_farm} → artifacts page, …)
 * @param junit     tests: the JUnit XML of the request's results; empty otherwise
 * @param startedAt when it started running, null before
 * @param endedAt   when it reached a final state, null before
 */
public record NodeStatus(
        NodeId id,
        NodeState state,
        String reason,
        Map<String, ChrootOutcome> chroots,
        Map<String, String> remote,
        Map<String, String> links,
        String junit,
        @CheckForNull Instant startedAt,
        @CheckForNull Instant endedAt) {
    public NodeStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        chroots = Collections.unmodifiableMap(new LinkedHashMap<>(chroots));
        remote = Collections.unmodifiableMap(new LinkedHashMap<>(remote));
        links = Collections.unmodifiableMap(new LinkedHashMap<>(links));
        Objects.requireNonNull(junit, "junit");
    }

    /** A node that has not started. */
    public static NodeStatus waiting(NodeId id) {
        return new NodeStatus(id, NodeState.WAITING, "", Map.of(), Map.of(), Map.of(), "", null, null);
    }

    /** How long it ran (until now for a running node, given {@code now}); empty when it never started. */
    public Optional<Duration> elapsed(Instant now) {
        if (startedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt, endedAt == null ? now : endedAt));
    }

    /** Whether any remote id was recorded (a resumed run never submits such a node again). */
    public boolean hasRemoteId() {
        return !remote.isEmpty();
    }

    /** The outcome of {@code chroot}, if reported. */
    public Optional<ChrootOutcome> chroot(String chroot) {
        return Optional.ofNullable(chroots.get(chroot));
    }

    NodeStatus withState(NodeState newState, String newReason) {
        return new NodeStatus(id, newState, newReason, chroots, remote, links, junit, startedAt, endedAt);
    }

    NodeStatus withTimes(@CheckForNull Instant started, @CheckForNull Instant ended) {
        return new NodeStatus(id, state, reason, chroots, remote, links, junit, started, ended);
    }

    NodeStatus withChroot(String chroot, ChrootOutcome outcome) {
        var updated = new LinkedHashMap<>(chroots);
        updated.put(chroot, outcome);
        return new NodeStatus(id, state, reason, updated, remote, links, junit, startedAt, endedAt);
    }

    NodeStatus withRemote(String key, String value) {
        var updated = new LinkedHashMap<>(remote);
        updated.put(key, value);
        return new NodeStatus(id, state, reason, chroots, updated, links, junit, startedAt, endedAt);
    }

    NodeStatus withLink(String key, String url) {
        var updated = new LinkedHashMap<>(links);
        updated.put(key, url);
        return new NodeStatus(id, state, reason, chroots, remote, updated, junit, startedAt, endedAt);
    }

    NodeStatus withJunit(String xml) {
        return new NodeStatus(id, state, reason, chroots, remote, links, xml, startedAt, endedAt);
    }
}
