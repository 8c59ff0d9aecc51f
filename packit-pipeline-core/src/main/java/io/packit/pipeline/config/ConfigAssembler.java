package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a packit.yaml tree key by key at every level and assembles the model with Packit's inheritance
 * (top level &lt; package &lt; job &lt; job.packages.&lt;name&gt;, whole-value replacement), the default jobs,
 * {@code trigger: "a | b"} expansion, legacy {@code metadata}, and our extensions {@code build_identifier} and
 * {@code depends}. Every problem goes to the diagnostics; nothing is thrown for bad input.
 */
final class ConfigAssembler {
    private static final String TOP = "the top level";

    private final String file;
    private final Diagnostics diagnostics;
    private final ValueChecker checker;
    private final SettingsBuilder settings;
    private final LoadOptions options;

    ConfigAssembler(String file, LoadOptions options, Diagnostics diagnostics) {
        this.file = Objects.requireNonNull(file, "file");
        this.options = Objects.requireNonNull(options, "options");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.checker = new ValueChecker(diagnostics, options.aliases());
        this.settings = new SettingsBuilder(options.aliases(), file);
    }

    /** The model, or empty when the tree is too broken to build one (problems recorded). */
    Optional<PackitConfig> assemble(YamlNode root, String digest) {
        if (!(root instanceof YamlMapping top)) {
            diagnostics.error(root.position(), "the top level must be a mapping of packit.yaml keys, got " + root.describe());
            return Optional.empty();
        }
        var topEntries = checkKeys(top, TOP, Level.TOP);
        var packageNodes = packages(top);
        var jobNodes = jobs(top);
        boolean monorepo = top.has("packages");

        var packages = new LinkedHashMap<String, PackageConfig>();
        var packageEntries = new LinkedHashMap<String, Map<String, YamlMapping.Entry>>();
        if (monorepo) {
            packageNodes.forEach((name, node) -> {
                var entries = new LinkedHashMap<>(topEntries);
                entries.putAll(commonEntries(node));
                packageEntries.put(name, entries);
                packages.put(name, new PackageConfig(name, settings.build(entries, name, options.specfileFallback()),
                        depends(name, node, packageNodes.keySet()), node.position()));
            });
        } else {
            var name = singlePackageName(topEntries);
            packageEntries.put(name, topEntries);
            packages.put(name, new PackageConfig(name, settings.build(topEntries, options.repositoryName(), options.specfileFallback()), List.of(),
                    top.position()));
        }

        var jobs = new ArrayList<JobConfig>();
        boolean defaultJobs = !top.has("jobs");
        if (defaultJobs) {
            jobs.addAll(defaultJobs(packages, packageEntries));
        } else {
            for (int index = 0; index < jobNodes.size(); index++) {
                jobs.addAll(job(index, jobNodes.get(index), packages, packageEntries));
            }
        }
        jobs.replaceAll(job -> withDefaultTargets(job, jobs));
        new ReferenceChecker(diagnostics).check(jobs);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PackitConfig(file, digest, monorepo, packages, jobs, defaultJobs));
    }

    private enum Level { TOP, PACKAGE, JOB, JOB_PACKAGE }

    /** Checks every key of {@code mapping} for {@code level}; returns the common-key entries (the inheritable ones). */
    private Map<String, YamlMapping.Entry> checkKeys(YamlMapping mapping, String where, Level level) {
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

    private Map<String, YamlMapping.Entry> commonEntries(YamlMapping node) {
        var common = new LinkedHashMap<String, YamlMapping.Entry>();
        node.entries().forEach((key, entry) -> {
            var kind = ConfigKeys.COMMON.get(key);
            if (kind != null && kind != ValueKind.IGNORED) {
                common.put(key, entry);
            }
        });
        return common;
    }

    /** The checked {@code packages} mappings by name (empty when absent or broken). */
    private Map<String, YamlMapping> packages(YamlMapping top) {
        var packages = new LinkedHashMap<String, YamlMapping>();
        var entry = top.entry("packages");
        if (entry.isEmpty()) {
            return packages;
        }
        var value = entry.get().value();
        if (!(value instanceof YamlMapping mapping)) {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'packages' must be a mapping of package name to settings, got " + value.describe());
            return packages;
        }
        if (mapping.entries().isEmpty()) {
            diagnostics.error(entry.get().keyPosition(), "'packages' is empty; list at least one package or remove the key");
            return packages;
        }
        for (var pkg : mapping.entries().values()) {
            var where = "packages." + pkg.key();
            if (pkg.value() instanceof YamlMapping settings) {
                checkKeys(settings, where, Level.PACKAGE);
                packages.put(pkg.key(), settings);
            } else {
                diagnostics.error(pkg.value() instanceof YamlScalar scalar && scalar.isNull() ? pkg.keyPosition() : pkg.value().position(),
                        "%s must be a mapping of settings, got %s".formatted(where, pkg.value().describe()));
                packages.put(pkg.key(), YamlMapping.empty(pkg.keyPosition()));
            }
        }
        return packages;
    }

    /** The {@code jobs} items that are mappings (others reported), in order; empty when absent or broken. */
    private List<YamlMapping> jobs(YamlMapping top) {
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

    private String singlePackageName(Map<String, YamlMapping.Entry> top) {
        if (top.get("downstream_package_name") != null && top.get("downstream_package_name").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            return scalar.text();
        }
        if (!options.repositoryName().isEmpty()) {
            return options.repositoryName();
        }
        if (top.get("upstream_package_name") != null && top.get("upstream_package_name").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            return scalar.text();
        }
        if (top.get("specfile_path") != null && top.get("specfile_path").value() instanceof YamlScalar scalar
                && scalar.isString() && !scalar.text().isBlank()) {
            var name = scalar.text().substring(scalar.text().lastIndexOf('/') + 1);
            return name.endsWith(".spec") ? name.substring(0, name.length() - 5) : name;
        }
        var specName = options.specfileFallback();
        if (!specName.isEmpty()) {
            var name = specName.substring(specName.lastIndexOf('/') + 1);
            return name.endsWith(".spec") ? name.substring(0, name.length() - 5) : name;
        }
        return "package";
    }

    private List<PackageRef> depends(String name, YamlMapping node, Set<String> known) {
        var refs = new ArrayList<PackageRef>();
        var entry = node.entry("depends");
        if (entry.isEmpty() || !(entry.get().value() instanceof YamlSequence list)) {
            return refs;
        }
        var seen = new LinkedHashSet<String>();
        for (var item : list.items()) {
            if (!(item instanceof YamlScalar scalar) || scalar.isNull()) {
                continue;
            }
            var other = scalar.text();
            if (other.equals(name)) {
                diagnostics.error(scalar.position(), "package '%s' depends on itself in packages.%s.depends".formatted(name, name));
            } else if (!known.contains(other)) {
                diagnostics.error(scalar.position(), "unknown package '%s' in packages.%s.depends (known: %s)%s"
                        .formatted(other, name, quoted(known), DidYouMean.hint(other, known)));
            } else if (!seen.add(other)) {
                diagnostics.warning(scalar.position(), "package '%s' is listed twice in packages.%s.depends".formatted(other, name));
            } else {
                refs.add(new PackageRef(other, scalar.position()));
            }
        }
        return refs;
    }

    private List<JobConfig> defaultJobs(Map<String, PackageConfig> packages, Map<String, Map<String, YamlMapping.Entry>> packageEntries) {
        var position = SourcePosition.of(file);
        var refs = packages.keySet().stream().map(name -> new PackageRef(name, position)).toList();
        var jobs = new ArrayList<JobConfig>();
        int index = 0;
        for (var type : List.of(JobType.COPR_BUILD, JobType.TESTS, JobType.PROPOSE_DOWNSTREAM)) {
            var perPackage = new LinkedHashMap<String, PackageSettings>();
            for (var pkg : packages.entrySet()) {
                var name = pkg.getKey();
                var base = pkg.getValue().settings();
                var entries = packageEntries.get(name);
                if (type == JobType.PROPOSE_DOWNSTREAM) {
                    var release = base.release();
                    perPackage.put(name, withRelease(base, new ReleaseSettings(
                            entries.containsKey("dist_git_branches") ? release.distGitBranches()
                                    : List.of(new DistGitBranch("fedora-all", List.of())),
                            release.scratch(), release.allowedPrAuthors(), release.allowedCommitters(), release.allowedBuilders())));
                } else {
                    perPackage.put(name, entries.containsKey("targets") ? base : withTargets(base, settings.defaultTargets()));
                }
            }
            var trigger = type == JobType.PROPOSE_DOWNSTREAM ? Trigger.RELEASE : Trigger.PULL_REQUEST;
            jobs.add(new JobConfig(index++, type, trigger, "", false, false, List.of(), "", List.of(), List.of(), "",
                    refs, perPackage, position, Map.of()));
        }
        return jobs;
    }

    /**
     * Packit's {@code fedora-stable} for jobs that build without {@code targets}: copr_build jobs, and tests jobs
     * that build nothing ({@code skip_build}) or have no copr_build job of their trigger for the package (Packit then
     * builds for them). Other tests jobs keep no targets: they test what their build builds. Defaulted targets have
     * nothing {@link Targets#written() written} and an unknown position.
     */
    private JobConfig withDefaultTargets(JobConfig job, List<JobConfig> jobs) {
        if (job.type() != JobType.COPR_BUILD && job.type() != JobType.TESTS) {
            return job;
        }
        var perPackage = new LinkedHashMap<String, PackageSettings>();
        boolean changed = false;
        for (var entry : job.perPackage().entrySet()) {
            var pkg = entry.getKey();
            var current = entry.getValue();
            boolean needsDefault = current.targets().isEmpty() && (job.type() == JobType.COPR_BUILD || job.skipBuild()
                    || jobs.stream().noneMatch(other -> other.type() == JobType.COPR_BUILD && other.trigger() == job.trigger()
                            && other.perPackage().containsKey(pkg)));
            if (needsDefault) {
                var chroots = settings.defaultTargets().chroots();
                current = withTargets(current, new Targets(Map.of(), chroots, SourcePosition.UNKNOWN));
                changed = true;
            }
            perPackage.put(pkg, current);
        }
        if (!changed) {
            return job;
        }
        return new JobConfig(job.index(), job.type(), job.trigger(), job.identifier(), job.skipBuild(), job.manualTrigger(),
                job.labels(), job.sidetagGroup(), job.dependents(), job.dependencies(), job.buildIdentifier(), job.packages(),
                perPackage, job.position(), job.keyPositions());
    }

    private static PackageSettings withTargets(PackageSettings base, Targets targets) {
        return new PackageSettings(base.specfilePath(), base.upstreamPackageName(), base.downstreamPackageName(),
                base.upstreamProjectUrl(), base.paths(), targets, base.branch(), base.identifier(), base.packitInstances(),
                base.require(), base.upstreamTagInclude(), base.upstreamTagExclude(), base.upstreamTagTemplate(),
                base.actions(), base.copr(), base.tests(), base.release(), base.otherKeys(), base.positions());
    }

    private static PackageSettings withRelease(PackageSettings base, ReleaseSettings release) {
        return new PackageSettings(base.specfilePath(), base.upstreamPackageName(), base.downstreamPackageName(),
                base.upstreamProjectUrl(), base.paths(), base.targets(), base.branch(), base.identifier(), base.packitInstances(),
                base.require(), base.upstreamTagInclude(), base.upstreamTagExclude(), base.upstreamTagTemplate(),
                base.actions(), base.copr(), base.tests(), release, base.otherKeys(), base.positions());
    }

    /** One {@code jobs[index]} item: checked, and expanded into one JobConfig per trigger. */
    private List<JobConfig> job(int index, YamlMapping node, Map<String, PackageConfig> packages,
            Map<String, Map<String, YamlMapping.Entry>> packageEntries) {
        var where = "jobs[" + index + "]";
        if (node == null) {
            return List.of();
        }
        var jobCommon = checkKeys(node, where, Level.JOB);
        var keyPositions = new LinkedHashMap<String, SourcePosition>();
        node.entries().forEach((key, entry) -> keyPositions.put(key, entry.keyPosition()));
        var jobOnly = new LinkedHashMap<String, YamlMapping.Entry>();
        node.entries().forEach((key, entry) -> {
            var kind = ConfigKeys.JOB_ONLY.get(key);
            if (kind != null && kind != ValueKind.JOB_TYPE && kind != ValueKind.TRIGGER && kind != ValueKind.JOB_PACKAGES
                    && kind != ValueKind.METADATA) {
                checker.check(entry, kind, where, true);
                jobOnly.put(key, entry);
            }
        });
        metadata(node, where, jobCommon, jobOnly, keyPositions);

        var type = jobType(node, where);
        var triggers = triggers(node, where);
        var selection = jobPackages(node, where, packages.keySet());
        if (type.isEmpty() || triggers.isEmpty() || selection.isEmpty()) {
            return List.of();
        }
        var jobType = type.get();
        if (jobOnly.containsKey("build_identifier") && jobType != JobType.TESTS) {
            diagnostics.error(jobOnly.get("build_identifier").keyPosition(),
                    "'build_identifier' in %s is only valid on tests jobs, not on %s".formatted(where, jobType.key()));
        }
        var flags = new Flags(jobOnly);
        var perPackage = new LinkedHashMap<String, PackageSettings>();
        for (var ref : selection.get().refs()) {
            var entries = new LinkedHashMap<>(packageEntries.getOrDefault(ref.name(), Map.of()));
            entries.putAll(jobCommon);
            entries.putAll(selection.get().overrides().getOrDefault(ref.name(), Map.of()));
            var base = packages.get(ref.name()).settings();
            var built = settings.build(entries, base.downstreamPackageName(), base.specfilePath());
            perPackage.put(ref.name(), built);
        }
        var identifier = jobCommon.containsKey("identifier") ? flags.string(jobCommon.get("identifier")) : "";
        var result = new ArrayList<JobConfig>();
        for (var trigger : triggers) {
            result.add(new JobConfig(index, jobType, trigger, identifier, flags.bool("skip_build"), flags.bool("manual_trigger"),
                    flags.strings("labels"), flags.string(jobOnly.get("sidetag_group")), flags.strings("dependents"),
                    flags.strings("dependencies"), flags.string(jobOnly.get("build_identifier")), selection.get().refs(),
                    perPackage, node.position(), keyPositions));
        }
        return result;
    }

    /** Merges a legacy {@code metadata} mapping into the job's entries (warning), refusing mixed keys. */
    private void metadata(YamlMapping node, String where, Map<String, YamlMapping.Entry> jobCommon,
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
            if (node.has(key)) {
                diagnostics.error(inner.keyPosition(), "key '%s' is set both in %s and in %s; keep one"
                        .formatted(key, metadataWhere, where));
                continue;
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

    private Optional<JobType> jobType(YamlMapping node, String where) {
        var entry = node.entry("job");
        if (entry.isEmpty()) {
            diagnostics.error(node.position(), "%s has no 'job' key (expected one of: %s)".formatted(where, jobTypeNames()));
            return Optional.empty();
        }
        var value = entry.get().value();
        if (!(value instanceof YamlScalar scalar) || !scalar.isString()) {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'job' in %s must be a job type, got %s (expected one of: %s)".formatted(where, value.describe(), jobTypeNames()));
            return Optional.empty();
        }
        var replacement = ConfigKeys.REMOVED_JOB_TYPES.get(scalar.text());
        if (replacement != null) {
            diagnostics.error(value.position(), "job type '%s' in %s was removed from Packit; use '%s' instead"
                    .formatted(scalar.text(), where, replacement));
            return Optional.empty();
        }
        var type = JobType.fromKey(scalar.text());
        if (type.isEmpty()) {
            var names = List.of(JobType.values()).stream().filter(t -> t != JobType.KOJI_BUILD_TAG).map(JobType::key).toList();
            diagnostics.error(value.position(), "invalid job type '%s' in %s (expected one of: %s)%s".formatted(
                    YamlScalar.abbreviated(scalar.text()), where, jobTypeNames(), DidYouMean.hint(scalar.text(), names)));
            return Optional.empty();
        }
        if (type.get() == JobType.KOJI_BUILD_TAG) {
            diagnostics.warning(value.position(), "job type 'koji_build_tag' in %s is internal to Packit; the service creates "
                    .formatted(where) + "it for Koji tag events by itself");
        }
        return type;
    }

    private static String jobTypeNames() {
        return List.of(JobType.values()).stream().filter(t -> t != JobType.KOJI_BUILD_TAG).map(JobType::key)
                .collect(Collectors.joining(", "));
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
                diagnostics.error(value.position(), "trigger '%s' is given twice in %s".formatted(name, where));
                ok = false;
            } else {
                triggers.add(trigger.get());
            }
        }
        return ok ? triggers : List.of();
    }

    /** A job's package selection: the refs, and per-package overrides of the dict form. */
    private record Selection(List<PackageRef> refs, Map<String, Map<String, YamlMapping.Entry>> overrides) {
    }

    private Optional<Selection> jobPackages(YamlMapping node, String where, Set<String> known) {
        var entry = node.entry("packages");
        if (entry.isEmpty()) {
            var refs = known.stream().map(name -> new PackageRef(name, node.position())).toList();
            return Optional.of(new Selection(refs, Map.of()));
        }
        var value = entry.get().value();
        var refs = new ArrayList<PackageRef>();
        var overrides = new LinkedHashMap<String, Map<String, YamlMapping.Entry>>();
        boolean ok = true;
        if (value instanceof YamlSequence list) {
            for (var item : list.items()) {
                if (!(item instanceof YamlScalar scalar) || scalar.isNull()) {
                    diagnostics.error(item.position(), "'packages' in %s must list package names, got %s".formatted(where, item.describe()));
                    ok = false;
                    continue;
                }
                addRef(refs, scalar.text(), scalar.position(), where, known);
            }
        } else if (value instanceof YamlMapping dict) {
            for (var pkg : dict.entries().values()) {
                addRef(refs, pkg.key(), pkg.keyPosition(), where, known);
                var pkgWhere = where + ".packages." + pkg.key();
                if (pkg.value() instanceof YamlMapping settings) {
                    overrides.put(pkg.key(), checkKeys(settings, pkgWhere, Level.JOB_PACKAGE));
                } else if (!(pkg.value() instanceof YamlScalar scalar && scalar.isNull())) {
                    diagnostics.error(pkg.value().position(), "%s must be a mapping of settings, got %s"
                            .formatted(pkgWhere, pkg.value().describe()));
                    ok = false;
                }
            }
        } else {
            diagnostics.error(value instanceof YamlScalar scalar && scalar.isNull() ? entry.get().keyPosition() : value.position(),
                    "'packages' in %s must be %s, got %s".formatted(where, ValueKind.JOB_PACKAGES.expected(), value.describe()));
            return Optional.empty();
        }
        if (refs.isEmpty() && ok && !diagnostics.hasErrors()) {
            diagnostics.warning(entry.get().keyPosition(), "'packages' in %s selects no package; the job never runs".formatted(where));
        }
        return ok ? Optional.of(new Selection(refs, overrides)) : Optional.empty();
    }

    /** Adds {@code name} to {@code refs} when it names a package (reported otherwise, and left out). */
    private void addRef(List<PackageRef> refs, String name, SourcePosition position, String where, Set<String> known) {
        if (!known.contains(name)) {
            diagnostics.error(position, "unknown package '%s' in %s.packages (known: %s)%s"
                    .formatted(name, where, quoted(known), DidYouMean.hint(name, known)));
        } else if (refs.stream().anyMatch(ref -> ref.name().equals(name))) {
            diagnostics.warning(position, "package '%s' is listed twice in %s.packages".formatted(name, where));
        } else {
            refs.add(new PackageRef(name, position));
        }
    }

    static String quoted(Set<String> names) {
        return names.isEmpty() ? "none" : names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /** Reads of job-only entries that were checked already. */
    private record Flags(Map<String, YamlMapping.Entry> entries) {
        boolean bool(String key) {
            var entry = entries.get(key);
            return entry != null && entry.value() instanceof YamlScalar scalar && scalar.kind() == YamlScalar.Kind.BOOLEAN
                    && scalar.booleanValue();
        }

        String string(YamlMapping.Entry entry) {
            return entry != null && entry.value() instanceof YamlScalar scalar && !scalar.isNull()
                    && scalar.kind() != YamlScalar.Kind.BOOLEAN ? scalar.text() : "";
        }

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
    }
}
