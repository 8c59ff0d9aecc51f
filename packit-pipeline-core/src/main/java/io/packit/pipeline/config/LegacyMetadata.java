package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.Map;
import java.util.Objects;

/** A job's deprecated {@code metadata} mapping, merged into the job's own keys with a warning. */
final class LegacyMetadata {
    /**
     * The one key Packit takes from both places: its refusal of keys in both compares the job's keys with the
     * metadata schema's field names, and {@code targets} is the field {@code _targets} there
     * (packit/packit@69d783e8 packit/schema.py:364 {@code _targets = Targets(..., data_key="targets")}, :855 the
     * intersection); the metadata is then merged over the job, so its value wins (:861 {@code job.update(metadata)}).
     */
    static final String METADATA_WINS = "targets";

    private final Diagnostics diagnostics;
    private final ValueChecker checker;

    LegacyMetadata(Diagnostics diagnostics, ValueChecker checker) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /**
     * Merges {@code metadata} of job {@code node} into its common and job-only entries and key positions, refusing
     * keys set both there and in the job, except {@code targets}, where the metadata's value wins with a warning, as
     * in Packit; renames the old spellings of {@code dist_git_branches}.
     */
    void merge(YamlMapping node, String where, Map<String, YamlMapping.Entry> jobCommon,
            Map<String, YamlMapping.Entry> jobOnly, Map<String, SourcePosition> keyPositions) {
        var entry = node.entry("metadata");
        if (entry.isEmpty()) {
            return;
        }
        diagnostics.warning(entry.get().keyPosition(),
                "'metadata' in %s is deprecated; move its keys into the job itself".formatted(where));
        var value = entry.get().value();
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            return;
        }
        if (!(value instanceof YamlMapping metadata)) {
            diagnostics.error(value.position(), "'metadata' in %s must be a mapping, got %s".formatted(where, value.describe()));
            return;
        }
        var metadataWhere = where + ".metadata";
        for (var inner : metadata.entries().values()) {
            var key = inner.key();
            if (ConfigKeys.METADATA_RENAMED_BRANCHES.contains(key)) {
                diagnostics.warning(inner.keyPosition(), "'%s' in %s is an old name; write 'dist_git_branches'"
                        .formatted(key, metadataWhere));
                key = "dist_git_branches";
                inner = new YamlMapping.Entry(key, inner.keyPosition(), inner.value());
            }
            if (!ConfigKeys.METADATA_KEYS.contains(key)) {
                var removed = ConfigKeys.REMOVED.get(key);
                if (removed != null) {
                    diagnostics.error(inner.keyPosition(), "key '%s' in %s was removed from Packit; use %s instead"
                            .formatted(key, metadataWhere, removed));
                } else {
                    diagnostics.error(inner.keyPosition(), "unknown key '%s' in %s%s".formatted(key, metadataWhere,
                            DidYouMean.hint(key, ConfigKeys.METADATA_KEYS)));
                }
                continue;
            }
            if (node.has(key) && !key.equals(METADATA_WINS)) {
                diagnostics.error(inner.keyPosition(), "key '%s' is set both in %s and in %s; keep one"
                        .formatted(key, metadataWhere, where));
                continue;
            }
            if (node.has(key)) {
                diagnostics.warning(inner.keyPosition(), "key '%s' is set both in %s and in %s (line %d): the value in "
                        .formatted(key, metadataWhere, where, node.entries().get(key).keyPosition().line())
                        + "metadata is used, as Packit reads it; keep one");
            }
            var kind = ConfigKeys.COMMON.containsKey(key) ? ConfigKeys.COMMON.get(key) : ConfigKeys.JOB_ONLY.get(key);
            checker.check(inner, kind, metadataWhere, true);
            if (ConfigKeys.COMMON.containsKey(key)) {
                jobCommon.put(key, inner);
            } else {
                jobOnly.put(key, inner);
            }
            keyPositions.put(key, inner.keyPosition());
        }
    }
}
