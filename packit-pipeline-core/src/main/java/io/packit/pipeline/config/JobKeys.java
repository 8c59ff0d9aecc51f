package io.packit.pipeline.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The checked job-only entries of one {@code jobs[i]}, read as its type reads them; missing or null reads as unset. */
final class JobKeys {
    private final Map<String, YamlMapping.Entry> entries;

    JobKeys(Map<String, YamlMapping.Entry> entries) {
        this.entries = Objects.requireNonNull(entries, "entries");
    }

    /** Whether {@code key} was written. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** A boolean key as Packit reads it ({@link YamlScalar#packitBoolean}); false when unset or null. */
    boolean bool(String key) {
        var entry = entries.get(key);
        return entry != null && entry.value() instanceof YamlScalar scalar && scalar.packitBoolean().orElse(false);
    }

    /** A string key; empty when unset. */
    String string(String key) {
        return text(entries.get(key));
    }

    /** A list of strings; empty when unset. */
    List<String> strings(String key) {
        var entry = entries.get(key);
        if (entry == null || !(entry.value() instanceof YamlSequence list)) {
            return List.of();
        }
        var strings = new ArrayList<String>();
        for (var item : list.items()) {
            if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                strings.add(scalar.text());
            }
        }
        return strings;
    }

    /** The text of a checked string entry; empty when absent, null or not a string. */
    static String text(YamlMapping.Entry entry) {
        return entry != null && entry.value() instanceof YamlScalar scalar && !scalar.isNull()
                && scalar.kind() != YamlScalar.Kind.BOOLEAN ? scalar.text() : "";
    }
}
