package io.packit.pipeline.graph;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The longest chain of running nodes by estimated duration: no run can finish faster than {@link #length()}.
 *
 * @param nodes  the chain, first to last
 * @param length the sum of the estimates along it
 */
public record CriticalPath(List<NodeId> nodes, Duration length) {
    /** An empty plan's critical path. */
    public static final CriticalPath EMPTY = new CriticalPath(List.of(), Duration.ZERO);

    public CriticalPath {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(length, "length");
    }
}
