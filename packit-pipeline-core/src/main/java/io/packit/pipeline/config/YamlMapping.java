package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A YAML mapping with string keys, in written order (merge-key entries after the written ones).
 *
 * @param entries  key → entry
 * @param position where the mapping starts
 * @param size     nodes in the subtree (saturating)
 */
record YamlMapping(Map<String, Entry> entries, SourcePosition position, long size) implements YamlNode {
    /**
     * One key and its value.
     *
     * @param key           the key as written
     * @param keyPosition   where the key was written
     * @param value         the value
     */
    record Entry(String key, SourcePosition keyPosition, YamlNode value) {
        Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(keyPosition, "keyPosition");
            Objects.requireNonNull(value, "value");
        }
    }

    YamlMapping {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        Objects.requireNonNull(position, "position");
    }

    /** A mapping of {@code entries}, its size computed. */
    static YamlMapping of(Map<String, Entry> entries, SourcePosition position) {
        long size = 1;
        for (var entry : entries.values()) {
            size = saturatedAdd(size, saturatedAdd(1, entry.value().size()));
        }
        return new YamlMapping(entries, position, size);
    }

    /** An empty mapping at {@code position}. */
    static YamlMapping empty(SourcePosition position) {
        return new YamlMapping(Map.of(), position, 1);
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    Optional<YamlNode> value(String key) {
        return entry(key).map(Entry::value);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public Object toPlain() {
        var plain = new LinkedHashMap<String, Object>();
        entries.forEach((key, entry) -> plain.put(key, entry.value().toPlain()));
        return Collections.unmodifiableMap(plain);
    }

    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
