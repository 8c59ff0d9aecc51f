package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks every key of one mapping for the level it is at (top level, {@code packages.<name>}, a job, a job's
 * {@code packages.<name>}): its value's shape, keys Packit removed or no longer reads, keys of another level, and
 * unknown keys with a did-you-mean hint.
 */
final class KeyChecker {
    /** Where a mapping sits in packit.yaml. */
    enum Level { TOP, PACKAGE, JOB, JOB_PACKAGE }

    private final Diagnostics diagnostics;
    private final ValueChecker checker;

    KeyChecker(Diagnostics diagnostics, ValueChecker checker) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /** Checks every key of {@code mapping} for {@code level}; returns the common-key entries (the inheritable ones). */
    Map<String, YamlMapping.Entry> check(YamlMapping mapping, String where, Level level) {
        var common = new LinkedHashMap<String, YamlMapping.Entry>();
        for (var entry : mapping.entries().values()) {
            var key = entry.key();
            var commonKind = ConfigKeys.COMMON.get(key);
            if (commonKind != null) {
                if (commonKind == ValueKind.IGNORED) {
                    diagnostics.warning(entry.keyPosition(), "key '%s' in %s is no longer processed by Packit; remove it"
                            .formatted(key, where));
                    continue;
                }
                checker.check(entry, commonKind, where, level == Level.JOB || level == Level.JOB_PACKAGE);
                common.put(key, entry);
            } else if (level == Level.TOP && ConfigKeys.TOP_ONLY.contains(key)) {
                continue;
            } else if (level == Level.JOB && ConfigKeys.JOB_ONLY.containsKey(key)) {
                continue;
            } else if (level == Level.PACKAGE && ConfigKeys.PACKAGE_ONLY.containsKey(key)) {
                checker.check(entry, ConfigKeys.PACKAGE_ONLY.get(key), where, false);
            } else {
                unknownKey(entry, where, level);
            }
        }
        return common;
    }

    private void unknownKey(YamlMapping.Entry entry, String where, Level level) {
        var key = entry.key();
        var removed = ConfigKeys.REMOVED.get(key);
        if (removed != null) {
            diagnostics.error(entry.keyPosition(), "key '%s' in %s was removed from Packit; use %s instead"
                    .formatted(key, where, removed));
            return;
        }
        if (ConfigKeys.JOB_ONLY.containsKey(key)) {
            diagnostics.error(entry.keyPosition(), "key '%s' is only valid in a job, not in %s".formatted(key, where));
            return;
        }
        if (ConfigKeys.TOP_ONLY.contains(key) && !key.equals("_")) {
            diagnostics.error(entry.keyPosition(), "key '%s' is only valid at the top level, not in %s".formatted(key, where));
            return;
        }
        if (ConfigKeys.PACKAGE_ONLY.containsKey(key)) {
            diagnostics.error(entry.keyPosition(), "key '%s' is only valid in packages.<name>, not in %s".formatted(key, where));
            return;
        }
        var candidates = new LinkedHashSet<>(ConfigKeys.COMMON.keySet());
        switch (level) {
            case TOP:
                candidates.addAll(List.of("jobs", "packages"));
                break;
            case PACKAGE:
                candidates.addAll(ConfigKeys.PACKAGE_ONLY.keySet());
                break;
            case JOB:
                candidates.addAll(ConfigKeys.JOB_ONLY.keySet());
                break;
            default:
                break;
        }
        diagnostics.error(entry.keyPosition(), "unknown key '%s' in %s%s".formatted(key, where, DidYouMean.hint(key, candidates)));
    }

    /** The common-key entries of {@code node} that Packit still reads, unchecked. */
    static Map<String, YamlMapping.Entry> commonEntries(YamlMapping node) {
        var common = new LinkedHashMap<String, YamlMapping.Entry>();
        node.entries().forEach((key, entry) -> {
            var kind = ConfigKeys.COMMON.get(key);
            if (kind != null && kind != ValueKind.IGNORED) {
                common.put(key, entry);
            }
        });
        return common;
    }
}
