package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.Problem;
import io.packit.pipeline.diag.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a valid packit.yaml loads into: inheritance, expansion, defaults, positions, YAML conveniences. */
class LoaderTest {
    /** fedora-all in the bundled table (Fedora 41-43 and Rawhide, which is then 44), with their Koji build tags. */
    private static final List<ReleaseBranch> FEDORA_ALL = List.of(new ReleaseBranch("f41", "f41-build"),
            new ReleaseBranch("f42", "f42-build"), new ReleaseBranch("f43", "f43-build"),
            new ReleaseBranch("rawhide", "f44-build"));

    private final PackitConfigLoader loader = new PackitConfigLoader();

    private PackitConfig load(String yaml) {
        var result = loader.load(".packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.diagnostics().errors()).as(result.diagnostics().format()).isEmpty();
        return result.configOrThrow();
    }

    private static SourcePosition at(int line, int column) {
        return new SourcePosition(".packit.yaml", line, column);
    }

    @Test
    void shouldTurnASinglePackageFileIntoOnePackageNamedByItsDownstreamName() {
        var config = load("""
                specfile_path: fedora/foo.spec
                downstream_package_name: foo
                upstream_package_name: foo-upstream
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-stable]
                """);

        assertThat(config.monorepo()).isFalse();
        assertThat(config.packages()).containsOnlyKeys("foo");
        var pkg = config.packages().get("foo");
        assertThat(pkg.settings().specfilePath()).isEqualTo("fedora/foo.spec");
        assertThat(pkg.settings().upstreamPackageName()).isEqualTo("foo-upstream");
        assertThat(pkg.settings().paths()).containsExactly("./");
        assertThat(pkg.position()).isEqualTo(at(1, 1));
        assertThat(config.digest()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void shouldApplyInheritanceByWholeValueReplacement() {
        var config = load("""
                specfile_path: top.spec
                owner: top-owner
                targets: [fedora-all]
                actions:
                  post-upstream-clone: make prepare
                  create-archive: [make dist, ls]
                packages:
                  a:
                    owner: a-owner
                    targets: [epel-9]
                  b:
                    specfile_path: b.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    actions:
                      fix-spec-file: [true]
                    packages:
                      a:
                        targets: [fedora-rawhide]
                      b: {}
                  - job: copr_build
                    trigger: commit
                    owner: job-owner
                """);

        var pr = config.jobs().get(0);
        assertThat(pr.packageNames()).containsExactly("a", "b");
        var a = pr.perPackage().get("a");
        assertThat(a.copr().owner()).isEqualTo("a-owner");
        assertThat(a.targets().chrootNames()).containsExactly("fedora-rawhide-x86_64");
        assertThat(a.actions()).containsExactly(Map.entry("fix-spec-file", List.of("true")));
        var b = pr.perPackage().get("b");
        assertThat(b.specfilePath()).isEqualTo("b.spec");
        assertThat(b.copr().owner()).isEqualTo("top-owner");
        assertThat(b.targets().written()).containsOnlyKeys("fedora-all");
        assertThat(config.packages().get("b").settings().actions()).containsExactly(
                Map.entry("post-upstream-clone", List.of("make prepare")),
                Map.entry("create-archive", List.of("make dist", "ls")));
        var commit = config.jobs().get(1);
        assertThat(commit.perPackage().get("a").copr().owner()).isEqualTo("job-owner");
        assertThat(commit.perPackage().get("a").targets().chrootNames()).containsExactly("epel-9-x86_64");
        assertThat(commit.perPackage().get("a").positionOf("owner", SourcePosition.UNKNOWN)).isEqualTo(at(24, 5));
        assertThat(commit.perPackage().get("b").positionOf("owner", SourcePosition.UNKNOWN)).isEqualTo(at(24, 5));
        assertThat(pr.perPackage().get("b").positionOf("owner", SourcePosition.UNKNOWN)).isEqualTo(at(2, 1));
        assertThat(pr.perPackage().get("a").positionOf("owner", SourcePosition.UNKNOWN)).isEqualTo(at(9, 5));
        assertThat(config.packages().get("a").settings().downstreamPackageName()).isEqualTo("a");
    }

    @Test
    void shouldExpandMultipleTriggersIntoOneJobEach() {
        var config = load("""
                specfile_path: foo.spec
                jobs:
                  - job: koji_build
                    trigger: commit | koji_build
                    sidetag_group: group
                    dependents: [other]
                  - job: bodhi_update
                    trigger: koji_build
                    dependencies: [other]
                """);

        assertThat(config.jobs()).extracting(JobConfig::index, JobConfig::getClass, JobConfig::trigger).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, KojiBuildJob.class, Trigger.COMMIT),
                org.assertj.core.groups.Tuple.tuple(0, KojiBuildJob.class, Trigger.KOJI_BUILD),
                org.assertj.core.groups.Tuple.tuple(1, BodhiUpdateJob.class, Trigger.KOJI_BUILD));
        var koji = (KojiBuildJob) config.jobs().get(1);
        assertThat(koji.sidetagGroup()).isEqualTo("group");
        assertThat(koji.dependents()).containsExactly("other");
        assertThat(((BodhiUpdateJob) config.jobs().get(2)).dependencies()).containsExactly("other");
    }

    @Test
    void shouldUsePackitsDefaultJobsWhenJobsIsAbsentAndNoneForAnEmptyList() {
        var defaults = load("specfile_path: foo.spec\ndownstream_package_name: foo\n");

        assertThat(defaults.defaultJobs()).isTrue();
        assertThat(defaults.jobs()).extracting(JobConfig::getClass, JobConfig::trigger).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CoprBuildJob.class, Trigger.PULL_REQUEST),
                org.assertj.core.groups.Tuple.tuple(TestsJob.class, Trigger.PULL_REQUEST),
                org.assertj.core.groups.Tuple.tuple(ProposeDownstreamJob.class, Trigger.RELEASE));
        assertThat(defaults.jobs().get(0).perPackage().get("foo").targets().written()).containsOnlyKeys("fedora-stable");
        assertThat(defaults.jobs().get(0).perPackage().get("foo").targets().chrootNames())
                .containsExactly("fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64");
        assertThat(defaults.jobs().get(2).perPackage().get("foo").release().distGitBranches())
                .containsExactly(new DistGitBranch("fedora-all", List.of(), FEDORA_ALL));

        var none = load("specfile_path: foo.spec\njobs: []\n");
        assertThat(none.defaultJobs()).isFalse();
        assertThat(none.jobs()).isEmpty();
    }

    @Test
    void shouldReadTheTypedJobKeysAndKeepTheOthers() {
        var config = load("""
                specfile_path: foo.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    identifier: fedora
                    targets:
                      fedora-all:
                        additional_modules: "nodejs:20"
                        with_opts: [feature]
                      epel-9-aarch64: {}
                    owner: "@group"
                    project: foo-ci
                    timeout: 3600
                    enable_net: true
                    srpm_build_deps: [make]
                    notifications:
                      pull_request:
                        successful_build: true
                  - job: tests
                    trigger: pull_request
                    build_identifier: fedora
                    manual_trigger: true
                    labels: [smoke]
                    skip_build: false
                    branch: main
                    fmf_url: https://example.org/tests.git
                    fmf_path: ./tests/
                    tmt_plan: /plans/smoke
                    env:
                      DEBUG: yes
                      LEVEL: 3
                    tf_extra_params:
                      environments:
                        - tmt: {context: {target: x}}
                    require:
                      label:
                        present: [run-tests]
                        absent: [skip-tests]
                    targets:
                      fedora-all:
                        distros: [fedora-41, fedora-42]
                """);

        var build = config.jobs().get(0);
        var buildSettings = build.perPackage().get("foo");
        assertThat(build.identifier()).isEqualTo("fedora");
        assertThat(buildSettings.targets().optionsFor("fedora-42-x86_64").additionalModules()).isEqualTo("nodejs:20");
        assertThat(buildSettings.targets().optionsFor("fedora-42-x86_64").withOpts()).containsExactly("feature");
        assertThat(buildSettings.targets().chrootNames()).endsWith("epel-9-aarch64");
        assertThat(buildSettings.copr().owner()).isEqualTo("@group");
        assertThat(buildSettings.copr().timeout()).isEqualTo(3600);
        assertThat(buildSettings.copr().enableNet()).isTrue();
        assertThat(buildSettings.copr().srpmBuildDeps()).containsExactly("make");
        assertThat(buildSettings.otherKeys()).containsEntry("notifications",
                Map.of("pull_request", Map.of("successful_build", true)));

        var tests = (TestsJob) config.jobs().get(1);
        var testSettings = tests.perPackage().get("foo");
        assertThat(tests.buildIdentifier()).isEqualTo("fedora");
        assertThat(tests.identifier()).isEmpty();
        assertThat(tests.manualTrigger()).isTrue();
        assertThat(tests.labels()).containsExactly("smoke");
        assertThat(tests.positionOf("build_identifier")).isEqualTo(at(21, 5));
        assertThat(testSettings.branch()).isEqualTo("main");
        assertThat(testSettings.tests().fmfPath()).isEqualTo("tests");
        assertThat(testSettings.tests().tmtPlan()).isEqualTo("/plans/smoke");
        assertThat(testSettings.tests().env()).containsExactly(Map.entry("DEBUG", "true"), Map.entry("LEVEL", "3"));
        assertThat(testSettings.tests().tfExtraParams()).containsOnlyKeys("environments");
        assertThat(testSettings.require().present()).containsExactly("run-tests");
        assertThat(testSettings.require().absent()).containsExactly("skip-tests");
        assertThat(testSettings.targets().optionsFor("fedora-41-x86_64").distros()).containsExactly("fedora-41", "fedora-42");
    }

    @Test
    void shouldReadDependsAndJobPackageSelectionsWithPositions() {
        var config = load("""
                packages:
                  lib:
                    specfile_path: lib/lib.spec
                    paths: [lib]
                  cli:
                    specfile_path: cli/cli.spec
                    paths: [cli]
                    depends: [lib]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                  - job: tests
                    trigger: pull_request
                    packages: [cli]
                """);

        assertThat(config.monorepo()).isTrue();
        assertThat(config.packages().get("cli").depends()).containsExactly(new PackageDependency("lib", true, at(8, 15)));
        assertThat(config.packages().get("cli").position()).isEqualTo(at(6, 5));
        assertThat(config.packages().get("lib").settings().paths()).containsExactly("lib");
        assertThat(config.jobs().get(0).packages()).containsExactly(new PackageRef("lib", at(10, 5)), new PackageRef("cli", at(10, 5)));
        assertThat(config.jobs().get(1).packages()).containsExactly(new PackageRef("cli", at(14, 16)));
        assertThat(config.jobViewsOf("cli")).hasSize(2);
        assertThat(config.jobViewsOf("lib")).hasSize(1);
    }

    @Test
    void shouldReadBothFormsOfDependsWithRebuildDefaultingToTrue() {
        var config = load("""
                packages:
                  app:
                    depends:
                      - lib
                      - name: common
                        rebuild: false
                      - {name: tools, rebuild: true}
                      - {name: docs}
                  lib: {}
                  common: {}
                  tools: {}
                  docs: {}
                """);

        assertThat(config.packages().get("app").depends()).containsExactly(
                new PackageDependency("lib", true, at(4, 9)), new PackageDependency("common", false, at(5, 15)),
                new PackageDependency("tools", true, at(7, 16)), new PackageDependency("docs", true, at(8, 16)));
        assertThat(config.packages().get("app").dependsNames()).containsExactly("lib", "common", "tools", "docs");
    }

    @Test
    void shouldReadRebuildAsPackitReadsBooleansWithAWarning() {
        var result = new PackitConfigLoader().load(".packit.yaml", """
                packages:
                  app:
                    depends:
                      - {name: lib, rebuild: 'no'}
                  lib: {}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.diagnostics().problems()).extracting(Object::toString).containsExactly(".packit.yaml:4:30: warning: "
                + "'rebuild' in packages.app.depends[0] is string 'no', which Packit reads as false; write false (a YAML boolean)");
        assertThat(result.configOrThrow().packages().get("app").depends()).extracting(PackageDependency::rebuild)
                .containsExactly(false);
    }

    @Test
    void shouldExpandAnchorsMergeKeysAndDropTheParkingKey() {
        var config = load("""
                _:
                  base: &base
                    job: copr_build
                    trigger: pull_request
                    targets: [fedora-all]
                specfile_path: foo.spec
                jobs:
                  - <<: *base
                    identifier: one
                  - <<: *base
                    trigger: commit
                    targets: &epel [epel-9]
                  - job: tests
                    trigger: commit
                    targets: *epel
                """);

        assertThat(config.jobs()).extracting(JobConfig::getClass, JobConfig::trigger, JobConfig::identifier).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CoprBuildJob.class, Trigger.PULL_REQUEST, "one"),
                org.assertj.core.groups.Tuple.tuple(CoprBuildJob.class, Trigger.COMMIT, ""),
                org.assertj.core.groups.Tuple.tuple(TestsJob.class, Trigger.COMMIT, ""));
        assertThat(config.jobs().get(0).perPackage().get("foo").targets().written()).containsOnlyKeys("fedora-all");
        assertThat(config.jobs().get(1).perPackage().get("foo").targets().written()).containsOnlyKeys("epel-9");
        assertThat(config.jobs().get(2).perPackage().get("foo").targets().chrootNames()).containsExactly("epel-9-x86_64");
        assertThat(config.jobs().get(0).keyPositions().get("trigger")).isEqualTo(at(4, 5));
        assertThat(config.jobs().get(1).keyPositions().get("trigger")).isEqualTo(at(11, 5));
    }

    @Test
    void shouldMergeLegacyMetadataIntoTheJobWithAWarning() {
        var result = loader.load(".packit.yaml", """
                specfile_path: foo.spec
                jobs:
                  - job: propose_downstream
                    trigger: release
                    metadata:
                      dist-git-branch: fedora-all
                  - job: copr_build
                    trigger: pull_request
                    metadata:
                      targets: fedora-rawhide
                      owner: me
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(result.diagnostics().problems()).map(Problem::toString).containsExactly(
                ".packit.yaml:5:5: warning: 'metadata' in jobs[0] is deprecated; move its keys into the job itself",
                ".packit.yaml:6:7: warning: 'dist-git-branch' in jobs[0].metadata is an old name; write 'dist_git_branches'",
                ".packit.yaml:9:5: warning: 'metadata' in jobs[1] is deprecated; move its keys into the job itself");
        var config = result.configOrThrow();
        assertThat(config.jobs().get(0).perPackage().get("foo").release().distGitBranches())
                .containsExactly(new DistGitBranch("fedora-all", List.of(), FEDORA_ALL));
        var build = config.jobs().get(1).perPackage().get("foo");
        assertThat(build.targets().chrootNames()).containsExactly("fedora-rawhide-x86_64");
        assertThat(build.copr().owner()).isEqualTo("me");
        assertThat(config.jobs().get(1).positionOf("targets")).isEqualTo(at(10, 7));
    }

    @Test
    void shouldReadFastForwardBranchesAndEmptyFile() {
        var config = load("""
                specfile_path: foo.spec
                jobs:
                  - job: propose_downstream
                    trigger: release
                    dist_git_branches:
                      rawhide:
                        fast_forward_merge_into: [f43]
                      epel-9: {}
                """);

        assertThat(config.jobs().get(0).perPackage().get("foo").release().distGitBranches()).containsExactly(
                new DistGitBranch("rawhide", List.of("f43"), List.of(new ReleaseBranch("rawhide", "f44-build"))),
                new DistGitBranch("epel-9", List.of(), List.of(new ReleaseBranch("epel9", "epel9-build"))));
        assertThat(config.jobs().get(0).perPackage().get("foo").release().branches())
                .extracting(ReleaseBranch::name).containsExactly("rawhide", "epel9");

        var empty = load("");
        assertThat(empty.packages()).containsOnlyKeys("package");
        assertThat(empty.defaultJobs()).isTrue();
    }

    @Test
    void shouldFindEveryConfigFileNameAndTakeTheRepositoryAndSpecFromItsDirectory(@TempDir Path directory) throws IOException {
        assertThat(PackitConfigLoader.findConfig(directory)).isEmpty();
        for (var name : List.of("packit.yml", "packit.yaml", ".packit.yml", ".packit.yaml")) {
            Files.writeString(directory.resolve(name), "jobs: []\n");
            assertThat(PackitConfigLoader.findConfig(directory)).contains(directory.resolve(name));
        }
        Files.writeString(directory.resolve("tool.spec"), "Name: tool\n");

        var config = loader.load(directory.resolve(".packit.yaml")).configOrThrow();

        assertThat(config.file()).isEqualTo(directory.resolve(".packit.yaml").toString());
        var repositoryName = directory.getFileName().toString();
        assertThat(config.packages()).containsOnlyKeys(repositoryName);
        assertThat(config.packages().get(repositoryName).settings().specfilePath()).isEqualTo("tool.spec");
        assertThat(config.packages().get(repositoryName).settings().downstreamPackageName()).isEqualTo(repositoryName);
    }

    @Test
    void shouldResolveTargetsAgainstAReplacementReleaseTable() {
        var table = ReleaseTable.parse("table.txt", "date 2027-01-01\nfedora 46 f46 stable\nfedora rawhide rawhide development\n");
        var config = new PackitConfigLoader(LoadOptions.defaults().withReleaseTable(table)).load(".packit.yaml", """
                specfile_path: foo.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-all-aarch64]
                """.getBytes(StandardCharsets.UTF_8)).configOrThrow();

        assertThat(config.jobs().get(0).perPackage().get("foo").targets().chrootNames())
                .containsExactly("fedora-46-aarch64", "fedora-rawhide-aarch64");
    }

    @Test
    void shouldLoadDependsCyclesForThePlannerToReport() {
        var config = load("""
                packages:
                  a: {depends: [b]}
                  b: {depends: [c]}
                  c: {depends: [a]}
                jobs:
                  - job: copr_build
                    trigger: pull_request
                """);

        assertThat(config.packages().get("c").dependsNames()).containsExactly("a");
        assertThat(config.packages().get("a").dependsNames()).containsExactly("b");
    }

    @Test
    void shouldLoadTheInternalKojiBuildTagJobWithAWarning() {
        var result = loader.load(".packit.yaml", """
                specfile_path: foo.spec
                jobs:
                  - job: koji_build_tag
                    trigger: koji_build
                    env:
                      A: [1]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(result.diagnostics().problems()).map(Problem::toString).containsExactly(
                ".packit.yaml:3:10: warning: job type 'koji_build_tag' in jobs[0] is internal to Packit; the service creates it "
                        + "for Koji tag events by itself",
                ".packit.yaml:6:10: warning: environment variable 'A' in 'env' in jobs[0] is a list, not a value; it is left out");
        assertThat(result.configOrThrow().jobs()).extracting(JobConfig::getClass).containsExactly(KojiBuildTagJob.class);
    }

    @Test
    void shouldDefaultTargetsToFedoraStableWherePackitBuildsWithoutThem() {
        var config = load("""
                specfile_path: foo.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                  - job: tests
                    trigger: pull_request
                  - job: tests
                    trigger: pull_request
                    skip_build: true
                  - job: tests
                    trigger: commit
                  - job: propose_downstream
                    trigger: release
                """);

        var stable = List.of("fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64");
        var build = config.jobs().get(0).perPackage().get("foo").targets();
        assertThat(build.isEmpty()).isTrue();
        assertThat(build.chrootNames()).isEqualTo(stable);
        assertThat(build.position()).isEqualTo(SourcePosition.UNKNOWN);
        assertThat(config.jobs().get(1).perPackage().get("foo").targets().chrootNames()).isEmpty();
        assertThat(config.jobs().get(2).perPackage().get("foo").targets().chrootNames()).isEqualTo(stable);
        assertThat(config.jobs().get(3).perPackage().get("foo").targets().chrootNames()).isEqualTo(stable);
        assertThat(config.jobs().get(4).perPackage().get("foo").targets().chrootNames()).isEmpty();
    }
}
