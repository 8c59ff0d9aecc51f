package io.packit.pipeline.graph;

import io.packit.pipeline.config.BodhiUpdateJob;
import io.packit.pipeline.config.CoprBuildJob;
import io.packit.pipeline.config.CoprSettings;
import io.packit.pipeline.config.JobCommon;
import io.packit.pipeline.config.JobConfig;
import io.packit.pipeline.config.KojiBuildJob;
import io.packit.pipeline.config.KojiBuildTagJob;
import io.packit.pipeline.config.LabelRequirement;
import io.packit.pipeline.config.PackageConfig;
import io.packit.pipeline.config.PackageDependency;
import io.packit.pipeline.config.PackageRef;
import io.packit.pipeline.config.PackageSettings;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.ProposeDownstreamJob;
import io.packit.pipeline.config.PullFromUpstreamJob;
import io.packit.pipeline.config.ReleaseSettings;
import io.packit.pipeline.config.SyncFromDownstreamJob;
import io.packit.pipeline.config.TargetOptions;
import io.packit.pipeline.config.Targets;
import io.packit.pipeline.config.TestSettings;
import io.packit.pipeline.config.TestsJob;
import io.packit.pipeline.config.Trigger;
import io.packit.pipeline.config.UpstreamKojiBuildJob;
import io.packit.pipeline.config.VmImageBuildJob;
import io.packit.pipeline.diag.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link PackitConfig}s in tests without the loader: packages with {@code depends}, targets, paths; jobs
 * with the keys the planner reads. Every package, job and written key gets a distinct fake line in
 * {@code packit.yaml}, so problems carry positions a test can check.
 */
public final class ConfigFixtures {
    /** The file name every fixture uses. */
    public static final String FILE = "packit.yaml";

    private final Map<String, PackageBuilder> packages = new LinkedHashMap<>();
    private final List<JobBuilder> jobs = new ArrayList<>();
    private int line = 1;

    private ConfigFixtures() {
    }

    /** A new, empty config. */
    public static ConfigFixtures config() {
        return new ConfigFixtures();
    }

    /** Adds (or returns) package {@code name}. */
    public PackageBuilder pkg(String name) {
        return packages.computeIfAbsent(name, key -> new PackageBuilder(key, next()));
    }

    /** Adds a job of {@code type} (its {@code job} value, e.g. {@link CoprBuildJob#KEY}) on {@code trigger}. */
    public JobBuilder job(String type, Trigger trigger) {
        var job = new JobBuilder(jobs.size(), type, trigger, next());
        jobs.add(job);
        return job;
    }

    private SourcePosition next() {
        return new SourcePosition(FILE, line++, 3);
    }

    /** The config: a monorepo when more than one package was added. */
    public PackitConfig build() {
        var pkgs = new LinkedHashMap<String, PackageConfig>();
        packages.values().forEach(pkg -> pkgs.put(pkg.name, pkg.toConfig()));
        var jobConfigs = new ArrayList<JobConfig>();
        for (var job : jobs) {
            jobConfigs.add(job.toConfig(pkgs));
        }
        return new PackitConfig(FILE, "sha256:fixture", packages.size() > 1, pkgs, jobConfigs, false);
    }

    /**
     * The record of job type {@code type} (its {@code job} value) with {@code common}: the tests job's keys as
     * given, every other type's own keys unset.
     */
    public static JobConfig jobOf(String type, JobCommon common, boolean skipBuild, String buildIdentifier) {
        return switch (type) {
            case CoprBuildJob.KEY -> new CoprBuildJob(common);
            case TestsJob.KEY -> new TestsJob(common, skipBuild, List.of(), buildIdentifier);
            case UpstreamKojiBuildJob.KEY -> new UpstreamKojiBuildJob(common);
            case VmImageBuildJob.KEY -> new VmImageBuildJob(common);
            case ProposeDownstreamJob.KEY -> new ProposeDownstreamJob(common);
            case PullFromUpstreamJob.KEY -> new PullFromUpstreamJob(common);
            case KojiBuildJob.KEY -> new KojiBuildJob(common, "", List.of(), List.of());
            case BodhiUpdateJob.KEY -> new BodhiUpdateJob(common, "", List.of());
            case SyncFromDownstreamJob.KEY -> new SyncFromDownstreamJob(common);
            case KojiBuildTagJob.KEY -> new KojiBuildTagJob(common);
            default -> throw new IllegalArgumentException("no job type '" + type + "'");
        };
    }

    /** Settings with Packit's defaults and the given chroots as targets. */
    public static PackageSettings settings(List<String> chroots, List<String> paths) {
        return new PackageSettings("pkg.spec", "", "", "", paths, targets(chroots, Map.of(), SourcePosition.UNKNOWN),
                "", "", List.of("prod"), LabelRequirement.NONE, "", "", "{version}", Map.of(), CoprSettings.DEFAULTS,
                TestSettings.DEFAULTS, ReleaseSettings.DEFAULTS, Map.of(), Map.of());
    }

    static Targets targets(List<String> chroots, Map<String, List<String>> distros, SourcePosition position) {
        var map = new LinkedHashMap<String, TargetOptions>();
        for (var chroot : chroots) {
            var given = distros.getOrDefault(chroot, List.of());
            map.put(chroot, given.isEmpty() ? TargetOptions.NONE
                    : new TargetOptions(given, List.of(), List.of(), "", List.of(), List.of()));
        }
        return new Targets(map, map, position);
    }

    /** A package being built. */
    public final class PackageBuilder {
        private final String name;
        private final SourcePosition position;
        private final List<PackageDependency> depends = new ArrayList<>();
        private List<String> chroots = List.of("fedora-41-x86_64", "fedora-42-x86_64");
        private List<String> paths = List.of("./");
        private String owner = "";
        private String project = "";
        private List<String> additionalRepos = List.of();

        private PackageBuilder(String name, SourcePosition position) {
            this.name = name;
            this.position = position;
        }

        /** The packages it depends on, each written on its own line. */
        public PackageBuilder depends(String... names) {
            for (var dep : names) {
                depends.add(new PackageDependency(dep, true, next()));
            }
            return this;
        }

        /** A package it depends on with {@code rebuild: false}: a change there alone does not make this one run. */
        public PackageBuilder dependsWithoutRebuild(String dep) {
            depends.add(new PackageDependency(dep, false, next()));
            return this;
        }

        /** Its targets (resolved chroots). */
        public PackageBuilder targets(String... chrootNames) {
            chroots = List.of(chrootNames);
            return this;
        }

        /** Its {@code paths}. */
        public PackageBuilder paths(String... given) {
            paths = List.of(given);
            return this;
        }

        /** Its Copr owner and project. */
        public PackageBuilder copr(String coprOwner, String coprProject, String... repos) {
            owner = coprOwner;
            project = coprProject;
            additionalRepos = List.of(repos);
            return this;
        }

        /** Back to the config. */
        public ConfigFixtures done() {
            return ConfigFixtures.this;
        }

        private PackageSettings settings() {
            var base = ConfigFixtures.settings(chroots, paths);
            var copr = new CoprSettings(owner, project, CoprSettings.DEFAULT_TIMEOUT, false, false, additionalRepos,
                    List.of(), "default", false, false, List.of(), List.of());
            return with(base, base.targets(), base.branch(), base.require(), base.packitInstances(), copr,
                    base.upstreamTagInclude(), base.upstreamTagExclude(), base.tests());
        }

        private PackageConfig toConfig() {
            return new PackageConfig(name, settings(), depends, position);
        }
    }

    /** A job being built. */
    public final class JobBuilder {
        private final int index;
        private final String type;
        private final Trigger trigger;
        private final SourcePosition position;
        private final Map<String, SourcePosition> keyPositions = new LinkedHashMap<>();
        private String identifier = "";
        private String buildIdentifier = "";
        private boolean skipBuild;
        private boolean manual;
        private List<String> packageNames;
        private List<String> chroots;
        private Map<String, List<String>> distros = Map.of();
        private String branch;
        private LabelRequirement require;
        private List<String> instances;
        private String tagInclude;
        private String tagExclude;
        private boolean internalTf;

        private JobBuilder(int index, String type, Trigger trigger, SourcePosition position) {
            this.index = index;
            this.type = type;
            this.trigger = trigger;
            this.position = position;
        }

        private SourcePosition key(String key) {
            var where = next();
            keyPositions.put(key, where);
            return where;
        }

        /** {@code identifier}. */
        public JobBuilder identifier(String id) {
            key("identifier");
            identifier = id;
            return this;
        }

        /** {@code build_identifier}. */
        public JobBuilder buildIdentifier(String id) {
            key("build_identifier");
            buildIdentifier = id;
            return this;
        }

        /** {@code skip_build: true}. */
        public JobBuilder skipBuild() {
            key("skip_build");
            skipBuild = true;
            return this;
        }

        /** {@code manual_trigger: true}. */
        public JobBuilder manual() {
            key("manual_trigger");
            manual = true;
            return this;
        }

        /** {@code packages: [...]}. */
        public JobBuilder packages(String... names) {
            key("packages");
            packageNames = List.of(names);
            return this;
        }

        /** {@code targets} (resolved chroots). */
        public JobBuilder targets(String... chrootNames) {
            key("targets");
            chroots = List.of(chrootNames);
            return this;
        }

        /** {@code targets} dict form: {@code distros} for one chroot. */
        public JobBuilder distros(String chroot, String... names) {
            var copy = new LinkedHashMap<>(distros);
            copy.put(chroot, List.of(names));
            distros = copy;
            return this;
        }

        /** {@code branch}. */
        public JobBuilder branch(String regex) {
            key("branch");
            branch = regex;
            return this;
        }

        /** {@code require.label}. */
        public JobBuilder require(List<String> present, List<String> absent) {
            key("require");
            require = new LabelRequirement(present, absent);
            return this;
        }

        /** {@code packit_instances}. */
        public JobBuilder instances(String... names) {
            key("packit_instances");
            instances = List.of(names);
            return this;
        }

        /** {@code upstream_tag_include} / {@code upstream_tag_exclude} (empty: unset). */
        public JobBuilder tags(String include, String exclude) {
            key("upstream_tag_include");
            tagInclude = include;
            tagExclude = exclude;
            return this;
        }

        /** {@code use_internal_tf: true}. */
        public JobBuilder internalTf() {
            internalTf = true;
            return this;
        }

        /** Back to the config. */
        public ConfigFixtures done() {
            return ConfigFixtures.this;
        }

        private JobConfig toConfig(Map<String, PackageConfig> pkgs) {
            var names = packageNames == null ? List.copyOf(pkgs.keySet()) : packageNames;
            var refs = names.stream().map(name -> new PackageRef(name, keyPositions.getOrDefault("packages", position)))
                    .toList();
            var perPackage = new LinkedHashMap<String, PackageSettings>();
            for (var name : names) {
                var pkg = pkgs.get(name);
                if (pkg == null) {
                    continue;
                }
                var base = pkg.settings();
                var targets = chroots == null && distros.isEmpty() ? base.targets()
                        : ConfigFixtures.targets(chroots == null ? base.targets().chrootNames() : chroots, distros,
                                keyPositions.getOrDefault("targets", position));
                var tests = internalTf ? new TestSettings("", "", ".", "", "", Map.of(), Map.of(), true, false)
                        : base.tests();
                perPackage.put(name, with(base, targets, branch == null ? base.branch() : branch,
                        require == null ? base.require() : require,
                        instances == null ? base.packitInstances() : instances, base.copr(),
                        tagInclude == null ? base.upstreamTagInclude() : tagInclude,
                        tagExclude == null ? base.upstreamTagExclude() : tagExclude, tests));
            }
            return jobOf(type, new JobCommon(index, trigger, identifier, manual, refs, perPackage, position, keyPositions),
                    skipBuild, buildIdentifier);
        }
    }

    private static PackageSettings with(PackageSettings base, Targets targets, String branch, LabelRequirement require,
            List<String> instances, CoprSettings copr, String tagInclude, String tagExclude, TestSettings tests) {
        return new PackageSettings(base.specfilePath(), base.upstreamPackageName(), base.downstreamPackageName(),
                base.upstreamProjectUrl(), base.paths(), targets, branch, base.identifier(), instances, require,
                tagInclude, tagExclude, base.upstreamTagTemplate(), base.actions(), copr, tests, base.release(),
                base.otherKeys(), base.positions());
    }
}
