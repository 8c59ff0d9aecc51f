package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    private final SettingsBuilder settings;
    private final LoadOptions options;
    private final KeyChecker keys;
    private final PackageReader packageReader;
    private final JobReader jobReader;

    ConfigAssembler(String file, LoadOptions options, Diagnostics diagnostics) {
        this.file = Objects.requireNonNull(file, "file");
        this.options = Objects.requireNonNull(options, "options");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        var checker = new ValueChecker(diagnostics, options.aliases());
        this.settings = new SettingsBuilder(options.aliases(), file);
        this.keys = new KeyChecker(diagnostics, checker);
        this.packageReader = new PackageReader(diagnostics, keys, options);
        this.jobReader = new JobReader(diagnostics, checker, keys, settings);
    }

    /** The model, or empty when the tree is too broken to build one (problems recorded). */
    Optional<PackitConfig> assemble(YamlNode root, String digest) {
        if (!(root instanceof YamlMapping top)) {
            diagnostics.error(root.position(), "the top level must be a mapping of packit.yaml keys, got " + root.describe());
            return Optional.empty();
        }
        var topEntries = keys.check(top, TOP, KeyChecker.Level.TOP);
        var packageNodes = packageReader.packages(top);
        var jobNodes = jobReader.items(top);
        boolean monorepo = top.has("packages");

        var packages = new LinkedHashMap<String, PackageConfig>();
        var packageEntries = new LinkedHashMap<String, Map<String, YamlMapping.Entry>>();
        if (monorepo) {
            packageNodes.forEach((name, node) -> {
                var entries = new LinkedHashMap<>(topEntries);
                entries.putAll(KeyChecker.commonEntries(node));
                packageEntries.put(name, entries);
                packages.put(name, new PackageConfig(name, settings.build(entries, name, options.specfileFallback()),
                        packageReader.depends(name, node, packageNodes.keySet()), node.position()));
            });
        } else {
            var name = packageReader.singlePackageName(topEntries);
            packageEntries.put(name, topEntries);
            packages.put(name, new PackageConfig(name, settings.build(topEntries, options.repositoryName(), options.specfileFallback()), List.of(),
                    top.position()));
        }

        var defaults = new DefaultJobs(file, settings.defaultTargets(), settings.distGitBranch("fedora-all", List.of()));
        var jobs = new ArrayList<JobConfig>();
        boolean defaultJobs = !top.has("jobs");
        if (defaultJobs) {
            jobs.addAll(defaults.of(packages, packageEntries));
        } else {
            for (int index = 0; index < jobNodes.size(); index++) {
                jobs.addAll(jobReader.read(index, jobNodes.get(index), packages, packageEntries));
            }
        }
        var withTargets = defaults.withDefaultTargets(jobs);
        new ReferenceChecker(diagnostics).check(withTargets);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new PackitConfig(file, digest, monorepo, packages, withTargets, defaultJobs));
    }
}
