package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code jobs}: each item's keys checked, its {@code job} and {@code trigger} read, its packages selected,
 * and one record of its type ({@link JobTypes}) made per trigger, with each package's effective settings.
 */
final class JobReader {
    private final Diagnostics diagnostics;
    private final ValueChecker checker;
    private final KeyChecker keys;
    private final SettingsBuilder settings;

    JobReader(Diagnostics diagnostics, ValueChecker checker, KeyChecker keys, SettingsBuilder settings) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.checker = Objects.requireNonNull(checker, "checker");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The {@code jobs} items in order, null for items that are not mappings (reported); empty when absent or broken. */
    List<YamlMapping> items(YamlMapping top) {
        var jobs = new ArrayList<YamlMapping>();
        var entry = top.entry("jobs");
        if (entry.isEmpty()) {
            return jobs;
        }
        var value = entry.get().value();
        if (value instanceof YamlScalar scalar && scalar.isNull()) {
            diagnostics.error(entry.get().keyPosition(),
                    "'jobs' is empty (null); write 'jobs: []' for no jobs, or remove the key for Packit's default jobs");
            return jobs;
        }
        if (!(value instanceof YamlSequence list)) {
            diagnostics.error(value.position(), "'jobs' must be a list of jobs, got %s%s".formatted(value.describe(),
                    value instanceof YamlMapping mapping && mapping.has("job") ? " (write '- job: ...' for each job)" : ""));
            return jobs;
        }
        for (int index = 0; index < list.items().size(); index++) {
            var item = list.items().get(index);
            if (item instanceof YamlMapping job) {
                jobs.add(job);
            } else {
                diagnostics.error(item.position(), "jobs[%d] must be a mapping with 'job' and 'trigger', got %s"
                        .formatted(index, item.describe()));
                jobs.add(null);
            }
        }
        return jobs;
    }

    /** One {@code jobs[index]} item: checked, and expanded into one job per trigger (none when broken or null). */
    List<JobConfig> read(int index, YamlMapping node, Map<String, PackageConfig> packages,
            Map<String, Map<String, YamlMapping.Entry>> packageEntries) {
        var where = "jobs[" + index + "]";
        if (node == null) {
            return List.of();
        }
        var jobCommon = keys.check(node, where, KeyChecker.Level.JOB);
        var keyPositions = new LinkedHashMap<String, SourcePosition>();
        node.entries().forEach((key, entry) -> keyPositions.put(key, entry.keyPosition()));
        var jobOnly = new LinkedHashMap<String, YamlMapping.Entry>();
        node.entries().forEach((key, entry) -> {
            var kind = ConfigKeys.JOB_ONLY.get(key);
            if (kind != null && kind != ValueKind.JOB_TYPE && kind != ValueKind.TRIGGER && kind != ValueKind.JOB_PACKAGES
                    && kind != ValueKind.METADATA) {
                // Packit drops job-level keys whose value is null before its schema sees them (packit/packit@69d783e8
                // packit/schema.py:865, rearrange_jobs), so 'manual_trigger:' with no value reads as unset
                if (!(entry.value() instanceof YamlScalar scalar && scalar.isNull())) {
                    checker.check(entry, kind, where, true);
                }
                jobOnly.put(key, entry);
            }
        });
        new LegacyMetadata(diagnostics, checker).merge(node, where, jobCommon, jobOnly, keyPositions);

        var type = jobType(node, where);
        var triggers = triggers(node, where);
        var selection = JobPackageSelection.read(node, where, packages.keySet(), keys, diagnostics);
        if (type.isEmpty() || triggers.isEmpty() || selection.isEmpty()) {
            return List.of();
        }
        var jobType = type.get();
        for (var key : ConfigKeys.JOB_ONLY_EXTENSIONS) {
            if (jobOnly.containsKey(key) && !jobType.ownKeys().contains(key)) {
                diagnostics.error(jobOnly.get(key).keyPosition(), "'%s' in %s is only valid on %s jobs, not on %s"
                        .formatted(key, where, JobTypes.owners(key), jobType.key()));
            }
        }
        var perPackage = new LinkedHashMap<String, PackageSettings>();
        for (var ref : selection.get().refs()) {
            var entries = new LinkedHashMap<>(packageEntries.getOrDefault(ref.name(), Map.of()));
            entries.putAll(jobCommon);
            entries.putAll(selection.get().overrides().getOrDefault(ref.name(), Map.of()));
            var base = packages.get(ref.name()).settings();
            perPackage.put(ref.name(), settings.build(entries, base.downstreamPackageName(), base.specfilePath()));
        }
        var jobKeys = new JobKeys(jobOnly);
        var identifier = JobKeys.text(jobCommon.get("identifier"));
        var result = new ArrayList<JobConfig>();
        for (var trigger : triggers) {
            var common = new JobCommon(index, trigger, identifier, jobKeys.bool("manual_trigger"), selection.get().refs(),
                    perPackage, node.position(), keyPositions);
            result.add(jobType.make().apply(common, jobKeys));
        }
        return result;
    }

    private Optional<JobTypes.JobType> jobType(YamlMapping node, String where) {
        var entry = node.entry("job");
        var names = JobTypes.writtenKeys();
        if (entry.isEmpty()) {
            diagnostics.error(node.position(), "%s has no 'job' key (expected one of: %s)".formatted(where, String.join(", ", names)));
            return Optional.empty();
        }
        var value = entry.get().value();
        if (!(value instanceof YamlScalar scalar) || !scalar.isString()) {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'job' in %s must be a job type, got %s (expected one of: %s)".formatted(where, value.describe(),
                            String.join(", ", names)));
            return Optional.empty();
        }
        var replacement = ConfigKeys.REMOVED_JOB_TYPES.get(scalar.text());
        if (replacement != null) {
            diagnostics.error(value.position(), "job type '%s' in %s was removed from Packit; use '%s' instead"
                    .formatted(scalar.text(), where, replacement));
            return Optional.empty();
        }
        var type = JobTypes.of(scalar.text());
        if (type.isEmpty()) {
            diagnostics.error(value.position(), "invalid job type '%s' in %s (expected one of: %s)%s".formatted(
                    YamlScalar.abbreviated(scalar.text()), where, String.join(", ", names), DidYouMean.hint(scalar.text(), names)));
            return Optional.empty();
        }
        if (!type.get().internal().isEmpty()) {
            diagnostics.warning(value.position(), "job type '%s' in %s is internal to Packit; %s"
                    .formatted(type.get().key(), where, type.get().internal()));
        }
        return type;
    }

    private List<Trigger> triggers(YamlMapping node, String where) {
        var entry = node.entry("trigger");
        var names = List.of(Trigger.values()).stream().map(Trigger::key).toList();
        if (entry.isEmpty()) {
            diagnostics.error(node.position(), "%s has no 'trigger' key (expected one of: %s)".formatted(where, String.join(", ", names)));
            return List.of();
        }
        var value = entry.get().value();
        if (!(value instanceof YamlScalar scalar) || !scalar.isString()) {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'trigger' in %s must be a trigger, got %s (expected one of: %s)".formatted(where, value.describe(),
                            String.join(", ", names)));
            return List.of();
        }
        var triggers = new ArrayList<Trigger>();
        boolean ok = true;
        for (var part : scalar.text().split("\\|", -1)) {
            var name = part.strip();
            var trigger = Trigger.fromKey(name);
            if (trigger.isEmpty()) {
                diagnostics.error(value.position(), "invalid trigger '%s' in %s (expected one of: %s, or several joined by '|')%s"
                        .formatted(YamlScalar.abbreviated(name), where, String.join(", ", names), DidYouMean.hint(name, names)));
                ok = false;
            } else if (triggers.contains(trigger.get())) {
                // Packit makes the job once per part, twice then (packit/packit@69d783e8 packit/schema.py:919-945)
                diagnostics.warning(value.position(), "trigger '%s' is given twice in %s: Packit makes the job twice "
                        .formatted(name, where) + "for it; it is planned once");
            } else {
                triggers.add(trigger.get());
            }
        }
        return ok ? triggers : List.of();
    }
}
