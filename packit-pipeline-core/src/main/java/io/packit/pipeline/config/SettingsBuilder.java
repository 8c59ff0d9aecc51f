package io.packit.pipeline.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the effective entries of one package (or one package within one job) into {@link PackageSettings}.
 * Values were checked already; a value of the wrong shape here falls back to the default silently.
 */
final class SettingsBuilder {
    private static final Set<String> TYPED = Set.of(
            "specfile_path", "upstream_package_name", "downstream_package_name", "upstream_project_url", "paths",
            "targets", "branch", "identifier", "packit_instances", "require", "upstream_tag_include",
            "upstream_tag_exclude", "upstream_tag_template", "actions", "owner", "project", "timeout",
            "preserve_project", "list_on_homepage", "additional_repos", "additional_packages", "bootstrap",
            "module_hotfixes", "enable_net", "srpm_build_deps", "fmf_url", "fmf_ref", "fmf_path", "tmt_plan",
            "tf_post_install_script", "tf_extra_params", "env", "use_internal_tf", "skip_missing_branched_composes",
            "dist_git_branches", "scratch", "allowed_pr_authors", "allowed_committers", "allowed_builders");

    private final TargetAliases aliases;
    private final String file;
    /** Entries are shared by every package a key applies to: convert each once. */
    private final Map<YamlMapping.Entry, Targets> targetsCache = new IdentityHashMap<>();
    private final Map<YamlMapping.Entry, Object> plainCache = new IdentityHashMap<>();

    SettingsBuilder(TargetAliases aliases, String file) {
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * Settings from {@code entries}; {@code defaultDownstreamName} is used when {@code downstream_package_name} is not
     * given, {@code defaultSpecfile} when {@code specfile_path} is not given.
     */
    PackageSettings build(Map<String, YamlMapping.Entry> entries, String defaultDownstreamName, String defaultSpecfile) {
        var values = new Values(entries);
        var positions = new LinkedHashMap<String, SourcePosition>();
        entries.forEach((key, entry) -> positions.put(key, entry.keyPosition()));
        var otherKeys = new LinkedHashMap<String, Object>();
        entries.forEach((key, entry) -> {
            if (!TYPED.contains(key)) {
                // a boolean key holds the value Packit reads ("yes" → true)
                var read = ConfigKeys.COMMON.get(key) == ValueKind.BOOLEAN && entry.value() instanceof YamlScalar scalar
                        ? scalar.packitBoolean() : Optional.<Boolean>empty();
                otherKeys.put(key, read.isPresent() ? read.get() : plain(entry));
            }
        });
        var downstream = values.string("downstream_package_name", defaultDownstreamName);
        var specfile = values.string("specfile_path", entries.containsKey("downstream_package_name") && !downstream.isEmpty()
                ? downstream + ".spec" : defaultSpecfile);
        var copr = new CoprSettings(
                values.string("owner", ""),
                values.string("project", ""),
                values.integer("timeout", CoprSettings.DEFAULT_TIMEOUT),
                values.bool("preserve_project", false),
                values.bool("list_on_homepage", false),
                values.strings("additional_repos", List.of()),
                values.strings("additional_packages", List.of()),
                values.string("bootstrap", "default"),
                values.bool("module_hotfixes", false),
                values.bool("enable_net", false),
                values.strings("srpm_build_deps", List.of()),
                List.of());
        var tests = new TestSettings(
                values.string("fmf_url", ""),
                values.string("fmf_ref", ""),
                fmfPath(values.string("fmf_path", ".")),
                values.string("tmt_plan", ""),
                values.string("tf_post_install_script", ""),
                plainMap(entries.get("tf_extra_params")),
                env(entries.get("env")),
                values.bool("use_internal_tf", false),
                values.bool("skip_missing_branched_composes", false));
        var release = new ReleaseSettings(
                distGitBranches(entries.get("dist_git_branches")),
                values.bool("scratch", false),
                values.strings("allowed_pr_authors", List.of("packit")),
                values.strings("allowed_committers", List.of()),
                values.strings("allowed_builders", List.of("packit")),
                aliases.releaseBranches(ReleaseSettings.DIST_GIT_DEFAULT_BRANCH));
        return new PackageSettings(
                specfile,
                values.string("upstream_package_name", ""),
                downstream,
                values.string("upstream_project_url", ""),
                values.strings("paths", List.of("./")),
                targets(entries.get("targets")),
                values.string("branch", ""),
                values.string("identifier", ""),
                values.strings("packit_instances", List.of("prod")),
                require(entries.get("require")),
                values.string("upstream_tag_include", ""),
                values.string("upstream_tag_exclude", ""),
                values.string("upstream_tag_template", "{version}"),
                actions(entries.get("actions")),
                copr,
                tests,
                release,
                otherKeys,
                positions);
    }

    private Object plain(YamlMapping.Entry entry) {
        if (!plainCache.containsKey(entry)) {
            plainCache.put(entry, entry.value().toPlain());
        }
        return plainCache.get(entry);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> plainMap(YamlMapping.Entry entry) {
        return entry != null && entry.value() instanceof YamlMapping ? (Map<String, Object>) plain(entry) : Map.of();
    }

    /** {@code targets} as written and resolved; {@link Targets#NONE} when not given. */
    Targets targets(YamlMapping.Entry entry) {
        if (entry == null) {
            return Targets.NONE;
        }
        return targetsCache.computeIfAbsent(entry, this::resolveTargets);
    }

    private Targets resolveTargets(YamlMapping.Entry entry) {
        var written = new LinkedHashMap<String, TargetOptions>();
        var value = entry.value();
        if (value instanceof YamlScalar scalar && scalar.isString()) {
            written.put(scalar.text(), TargetOptions.NONE);
        } else if (value instanceof YamlSequence list) {
            for (var item : list.items()) {
                if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                    written.putIfAbsent(scalar.text(), TargetOptions.NONE);
                }
            }
        } else if (value instanceof YamlMapping dict) {
            for (var target : dict.entries().values()) {
                written.put(target.key(), target.value() instanceof YamlMapping options ? targetOptions(options) : TargetOptions.NONE);
            }
        }
        if (written.isEmpty()) {
            return new Targets(Map.of(), Map.of(), value.position());
        }
        return new Targets(written, aliases.resolve(written), value.position());
    }

    /** Targets for Packit's default jobs: {@code [fedora-stable]}, positioned at the file. */
    Targets defaultTargets() {
        var written = Map.of(TargetAliases.DEFAULT_ALIAS, TargetOptions.NONE);
        return new Targets(written, aliases.resolve(written), SourcePosition.of(file));
    }

    private static TargetOptions targetOptions(YamlMapping options) {
        var values = new Values(options.entries());
        return new TargetOptions(
                values.strings("distros", List.of()),
                values.strings("additional_packages", List.of()),
                values.strings("additional_repos", List.of()),
                values.string("additional_modules", ""),
                values.strings("with_opts", List.of()),
                values.strings("without_opts", List.of()));
    }

    /** An entry of {@code dist_git_branches}, with the branches it stands for in the release table. */
    DistGitBranch distGitBranch(String name, List<String> fastForwardMergeInto) {
        return new DistGitBranch(name, fastForwardMergeInto, aliases.releaseBranches(name));
    }

    private List<DistGitBranch> distGitBranches(YamlMapping.Entry entry) {
        if (entry == null) {
            return List.of();
        }
        var branches = new ArrayList<DistGitBranch>();
        var value = entry.value();
        if (value instanceof YamlScalar scalar && scalar.isString()) {
            branches.add(distGitBranch(scalar.text(), List.of()));
        } else if (value instanceof YamlSequence list) {
            for (var item : list.items()) {
                if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                    branches.add(distGitBranch(scalar.text(), List.of()));
                }
            }
        } else if (value instanceof YamlMapping dict) {
            for (var branch : dict.entries().values()) {
                var into = branch.value() instanceof YamlMapping options
                        ? new Values(options.entries()).strings("fast_forward_merge_into", List.of()) : List.<String>of();
                branches.add(distGitBranch(branch.key(), into));
            }
        }
        return branches;
    }

    private static LabelRequirement require(YamlMapping.Entry entry) {
        if (entry == null || !(entry.value() instanceof YamlMapping require)
                || !(require.value("label").orElse(null) instanceof YamlMapping label)) {
            return LabelRequirement.NONE;
        }
        var values = new Values(label.entries());
        return new LabelRequirement(values.strings("present", List.of()), values.strings("absent", List.of()));
    }

    private static Map<String, List<String>> actions(YamlMapping.Entry entry) {
        var actions = new LinkedHashMap<String, List<String>>();
        if (entry == null || !(entry.value() instanceof YamlMapping mapping)) {
            return actions;
        }
        for (var action : mapping.entries().values()) {
            var value = action.value();
            if (value instanceof YamlSequence list) {
                var commands = new ArrayList<String>();
                for (var item : list.items()) {
                    if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                        commands.add(scalar.text());
                    } else if (!(item instanceof YamlScalar)) {
                        commands.add(String.valueOf(item.toPlain()));
                    }
                }
                actions.put(action.key(), commands);
            } else if (value instanceof YamlScalar scalar) {
                actions.put(action.key(), scalar.isNull() ? List.of() : List.of(scalar.text()));
            }
        }
        return actions;
    }

    private static Map<String, String> env(YamlMapping.Entry entry) {
        var env = new LinkedHashMap<String, String>();
        if (entry != null && entry.value() instanceof YamlMapping mapping) {
            mapping.entries().forEach((name, variable) -> {
                if (variable.value() instanceof YamlScalar scalar) {
                    env.put(name, scalar.isNull() ? "" : scalar.kind() == YamlScalar.Kind.BOOLEAN
                            ? String.valueOf(scalar.booleanValue()) : scalar.text());
                }
            });
        }
        return env;
    }

    /** {@code /}, {@code ./}, {@code .} → {@code .}; leading {@code ./} or {@code /} and trailing {@code /} removed. */
    static String fmfPath(String written) {
        var path = written.strip();
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() || path.equals(".") ? "." : path;
    }

    /** Typed reads of checked entries, with defaults for absent, null or mistyped values. */
    private record Values(Map<String, YamlMapping.Entry> entries) {
        @CheckForNull
        private YamlNode node(String key) {
            var entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        String string(String key, String fallback) {
            return node(key) instanceof YamlScalar scalar && !scalar.isNull() && scalar.kind() != YamlScalar.Kind.BOOLEAN
                    ? scalar.text() : fallback;
        }

        boolean bool(String key, boolean fallback) {
            return node(key) instanceof YamlScalar scalar ? scalar.packitBoolean().orElse(fallback) : fallback;
        }

        int integer(String key, int fallback) {
            if (node(key) instanceof YamlScalar scalar) {
                var value = scalar.packitInteger();
                return value.isPresent() && value.get().bitLength() < 32 ? value.get().intValue() : fallback;
            }
            return fallback;
        }

        List<String> strings(String key, List<String> fallback) {
            var value = node(key);
            if (value instanceof YamlSequence list) {
                var strings = new ArrayList<String>();
                for (var item : list.items()) {
                    if (item instanceof YamlScalar scalar && !scalar.isNull()) {
                        strings.add(scalar.text());
                    }
                }
                return strings;
            }
            if (value instanceof YamlScalar scalar && scalar.isString()) {
                return List.of(scalar.text());
            }
            return fallback;
        }
    }
}
