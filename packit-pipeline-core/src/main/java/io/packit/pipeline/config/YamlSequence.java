package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A YAML sequence.
 *
 * @param items    the items, in order
 * @param position where the sequence starts
 * @param size     nodes in the subtree (saturating)
 */
record YamlSequence(List<YamlNode> items, SourcePosition position, long size) implements YamlNode {
    YamlSequence {
        items = List.copyOf(items);
        Objects.requireNonNull(position, "position");
    }

    /** A sequence of {@code items}, its size computed. */
    static YamlSequence of(List<YamlNode> items, SourcePosition position) {
        long size = 1;
        for (var item : items) {
            size = YamlMapping.saturatedAdd(size, item.size());
        }
        return new YamlSequence(items, position, size);
    }

    @Override
    public String describe() {
        return "a list";
    }

    @Override
    public Object toPlain() {
        var plain = new ArrayList<>(items.size());
        for (var item : items) {
            plain.add(item.toPlain());
        }
        return Collections.unmodifiableList(plain);
    }
}
