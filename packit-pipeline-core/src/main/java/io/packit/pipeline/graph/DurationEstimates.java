package io.packit.pipeline.graph;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long each kind of node is expected to take, for the critical path. Kinds without an entry take the
 * default of their group (release jobs 10 minutes).
 *
 * @param byKind estimate per node kind
 */
public record DurationEstimates(Map<NodeKind, Duration> byKind) {
    /** srpm 5 min, copr_build 20 min, tests 15 min, every other (release, image) job 10 min. */
    public static final DurationEstimates DEFAULTS = new DurationEstimates(defaultMap());

    public DurationEstimates {
        Objects.requireNonNull(byKind, "byKind");
        var copy = new EnumMap<NodeKind, Duration>(NodeKind.class);
        for (var entry : byKind.entrySet()) {
            var duration = Objects.requireNonNull(entry.getValue(), "duration of " + entry.getKey());
            if (duration.isNegative()) {
                throw new IllegalArgumentException("duration of " + entry.getKey() + " must not be negative, got " + duration);
            }
            copy.put(Objects.requireNonNull(entry.getKey(), "kind"), duration);
        }
        for (var kind : NodeKind.values()) {
            copy.putIfAbsent(kind, defaultOf(kind));
        }
        byKind = Collections.unmodifiableMap(copy);
    }

    /** The estimate for {@code kind}. */
    public Duration of(NodeKind kind) {
        return byKind.get(Objects.requireNonNull(kind, "kind"));
    }

    /** These estimates with {@code kind} taking {@code duration}. */
    public DurationEstimates with(NodeKind kind, Duration duration) {
        var copy = new EnumMap<>(byKind);
        copy.put(kind, duration);
        return new DurationEstimates(copy);
    }

    private static Map<NodeKind, Duration> defaultMap() {
        var map = new EnumMap<NodeKind, Duration>(NodeKind.class);
        for (var kind : NodeKind.values()) {
            map.put(kind, defaultOf(kind));
        }
        return map;
    }

    private static Duration defaultOf(NodeKind kind) {
        if (kind == NodeKind.SRPM) {
            return Duration.ofMinutes(5);
        }
        if (kind == NodeKind.COPR_BUILD) {
            return Duration.ofMinutes(20);
        }
        if (kind == NodeKind.TESTS) {
            return Duration.ofMinutes(15);
        }
        return Duration.ofMinutes(10);
    }
}
