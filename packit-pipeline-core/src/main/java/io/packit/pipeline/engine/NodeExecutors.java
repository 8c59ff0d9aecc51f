package io.packit.pipeline.engine;

import io.packit.pipeline.graph.NodeKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The executor of each node kind.
 *
 * @param byKind node kind → executor
 */
public record NodeExecutors(Map<NodeKind, NodeExecutor> byKind) {
    public NodeExecutors {
        var copy = new EnumMap<NodeKind, NodeExecutor>(NodeKind.class);
        copy.putAll(byKind);
        byKind = Collections.unmodifiableMap(copy);
    }

    /** The same executor for every kind (tests, dry runs). */
    public static NodeExecutors all(NodeExecutor executor) {
        var map = new EnumMap<NodeKind, NodeExecutor>(NodeKind.class);
        for (var kind : NodeKind.values()) {
            map.put(kind, executor);
        }
        return new NodeExecutors(map);
    }

    /** The executor for {@code kind}. */
    public NodeExecutor forKind(NodeKind kind) {
        var executor = byKind.get(kind);
        if (executor == null) {
            throw new IllegalStateException("no executor for " + kind + " nodes");
        }
        return executor;
    }
}
