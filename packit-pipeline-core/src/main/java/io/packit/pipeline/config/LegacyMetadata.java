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

    /** Whether {@code value} is what Python reads as false (null, empty, false, 0): Packit then ignores the metadata. */
    private static boolean isEmpty(YamlNode value) {
        if (value instanceof YamlScalar scalar) {
            return scalar.isNull() || scalar.text().isEmpty()
                    || scalar.kind() != YamlScalar.Kind.STRING && scalar.packitBoolean().filter(read -> !read).isPresent();
        }
        return value instanceof YamlMapping mapping && mapping.entries().isEmpty()
                || value instanceof YamlSequence list && list.items().isEmpty();
    }

    /** Whether {@code metadata} holds {@code key}, under an old name of dist_git_branches too. */
    private static boolean inMetadata(YamlMapping metadata, String key) {
        return metadata.has(key) || key.equals("dist_git_branches")
                && ConfigKeys.METADATA_RENAMED_BRANCHES.stream().anyMatch(metadata::has);
    }

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
        if (isEmpty(value)) {
            // packit/packit@69d783e8 packit/schema.py:847: 'if metadata := job.pop("metadata", {})' skips an empty one
            return;
        }
        if (!(value instanceof YamlMapping metadata)) {
            diagnostics.error(value.position(), "'metadata' in %s must be a mapping, got %s".formatted(where, value.describe()));
            return;
        }
        var metadataWhere = where + ".metadata";
        // Packit refuses a job with metadata that has any key of the metadata schema of its own, written in the
        // metadata or not (packit/schema.py:855 intersects the schema's field names with the job's keys); targets is
        // the field '_targets' there, so it is not refused
        for (var own : node.entries().values()) {
            if (!own.key().equals(METADATA_WINS) && ConfigKeys.METADATA_KEYS.contains(own.key()) && !inMetadata(metadata, own.key())) {
                diagnostics.error(own.keyPosition(), "key '%s' in %s cannot be combined with 'metadata' (line %d): Packit "
                        .formatted(own.key(), where, entry.get().keyPosition().line())
                        + "refuses a job that has both; move the keys of 'metadata' into the job");
            }
        }
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
