package io.packit.pipeline.config;

/**
 * Caps on the YAML the loader accepts, so that hostile input is refused quickly instead of exhausting memory.
 *
 * @param maxBytes      largest file, in bytes
 * @param maxDepth      deepest nesting of mappings and lists
 * @param maxNodes      most nodes after expanding aliases and merge keys (the billion-laughs guard)
 */
public record YamlLimits(int maxBytes, int maxDepth, long maxNodes) {
    /** 1 MiB, depth 64, 100,000 nodes: far above any real packit.yaml (the largest known is ~30 KiB). */
    public static final YamlLimits DEFAULTS = new YamlLimits(1 << 20, 64, 100_000);

    public YamlLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException(
                    "limits must be >= 1, got maxBytes=%d maxDepth=%d maxNodes=%d".formatted(maxBytes, maxDepth, maxNodes));
        }
    }
}
