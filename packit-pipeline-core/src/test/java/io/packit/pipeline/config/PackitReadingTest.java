package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.diag.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files Packit's own loader accepts are accepted, and read as Packit reads them (issue 16): repeated keys, booleans
 * written as marshmallow reads them, {@code targets} both in {@code metadata} and in the job, an identifier
 * repeated across branches, a Copr project of one's own without targets; and only the root problem where
 * {@code packages} is broken. Packit: packit/packit at 69d783e81dd17ff1ecf617a5817d39afdefecf26, marshmallow 3.18,
 * PyYAML.
 */
class PackitReadingTest {
    private final PackitConfigLoader loader = new PackitConfigLoader();

    private LoadResult load(String yaml) {
        return loader.load(".packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String yaml) {
        return load(yaml).diagnostics().problems().stream().map(Problem::toString).toList();
    }

    // ---- 2. repeated keys: PyYAML's SafeLoader keeps the last value of a key written twice (construct_mapping
    // assigns mapping[key] = value for every pair), and Packit loads with yaml.safe_load

    @Test
    void shouldWarnAtEveryRepeatedKeyAndUseTheLaterValueAtEveryLevel() {
        var yaml = """
                specfile_path: a.spec
                packages:
                  lib:
                    specfile_path: lib/lib.spec
                    specfile_path: lib/lib2.spec
                  app:
                    specfile_path: app/app.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-41-x86_64]
                    trigger: commit
                    targets: [fedora-42-x86_64]
                    trigger: release
                specfile_path: b.spec
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:5:5: warning: repeated key 'specfile_path' (first at line 4): the later value is used, as Packit reads it",
                ".packit.yaml:12:5: warning: repeated key 'trigger' (first at line 10): the later value is used, as Packit reads it",
                ".packit.yaml:13:5: warning: repeated key 'targets' (first at line 11): the later value is used, as Packit reads it",
                ".packit.yaml:14:5: warning: repeated key 'trigger' (first at line 10): the later value is used, as Packit reads it",
                ".packit.yaml:15:1: warning: repeated key 'specfile_path' (first at line 1): the later value is used, as Packit reads it");
        var config = load(yaml).configOrThrow();
        assertThat(config.packages().get("lib").settings().specfilePath()).isEqualTo("lib/lib2.spec");
        assertThat(config.jobs()).singleElement().satisfies(job -> {
            assertThat(job.trigger()).isEqualTo(Trigger.RELEASE);
            assertThat(job.perPackage().get("app").targets().chrootNames()).containsExactly("fedora-42-x86_64");
            assertThat(job.positionOf("trigger").line()).isEqualTo(14);
        });
    }

    // ---- 3. booleans: marshmallow's fields.Boolean (marshmallow 3.18 marshmallow/fields.py:1132 truthy, :1151
    // falsy) takes the values of those sets, compared with Python's ==, so 1, 1.0 and "1" are true

    @Test
    void shouldReadEveryValueMarshmallowTakesAsABooleanWithAWarningNamingTheYamlBoolean() {
        var yaml = """
                specfile_path: a.spec
                update_release: "no"
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    manual_trigger: "yes"
                    preserve_project: "Off"
                    enable_net: 1
                    module_hotfixes: 0.0
                    list_on_homepage: y
                  - job: tests
                    trigger: pull_request
                    skip_build: "TRUE"
                    use_internal_tf: 0x1
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:2:17: warning: 'update_release' in the top level is string 'no', which Packit reads as false; write false (a YAML boolean)",
                ".packit.yaml:6:21: warning: 'manual_trigger' in jobs[0] is string 'yes', which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:7:23: warning: 'preserve_project' in jobs[0] is string 'Off', which Packit reads as false; write false (a YAML boolean)",
                ".packit.yaml:8:17: warning: 'enable_net' in jobs[0] is integer 1, which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:9:22: warning: 'module_hotfixes' in jobs[0] is number 0.0, which Packit reads as false; write false (a YAML boolean)",
                ".packit.yaml:10:23: warning: 'list_on_homepage' in jobs[0] is string 'y', which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:13:17: warning: 'skip_build' in jobs[1] is string 'TRUE', which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:14:22: warning: 'use_internal_tf' in jobs[1] is integer 0x1, which Packit reads as true; write true (a YAML boolean)");
        var config = load(yaml).configOrThrow();
        var build = (CoprBuildJob) config.jobs().get(0);
        assertThat(build.manualTrigger()).isTrue();
        var copr = build.perPackage().values().iterator().next().copr();
        assertThat(copr.preserveProject()).isFalse();
        assertThat(copr.enableNet()).isTrue();
        assertThat(copr.moduleHotfixes()).isFalse();
        assertThat(copr.listOnHomepage()).isTrue();
        assertThat(build.perPackage().values().iterator().next().otherKeys()).containsEntry("update_release", false);
        var tests = (TestsJob) config.jobs().get(1);
        assertThat(tests.skipBuild()).isTrue();
        assertThat(tests.perPackage().values().iterator().next().tests().useInternalTf()).isTrue();
    }

    @Test
    void shouldRefuseWhatMarshmallowRefusesAsABooleanWithTodaysMessage() {
        assertThat(problems("""
                specfile_path: a.spec
                enable_net:
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    manual_trigger: 2
                    preserve_project: maybe
                    module_hotfixes: tRuE
                    list_on_homepage: [true]
                    scratch: "2"
                  - job: tests
                    trigger: pull_request
                    metadata:
                      use_internal_tf: ~
                """)).containsExactly(
                ".packit.yaml:2:1: error: 'enable_net' in the top level must be a boolean (true or false), got null",
                ".packit.yaml:6:21: error: 'manual_trigger' in jobs[0] must be a boolean (true or false), got integer 2",
                ".packit.yaml:7:23: error: 'preserve_project' in jobs[0] must be a boolean (true or false), got string 'maybe'",
                ".packit.yaml:8:22: error: 'module_hotfixes' in jobs[0] must be a boolean (true or false), got string 'tRuE'",
                ".packit.yaml:9:23: error: 'list_on_homepage' in jobs[0] must be a boolean (true or false), got a list",
                ".packit.yaml:10:14: error: 'scratch' in jobs[0] must be a boolean (true or false), got string '2'",
                ".packit.yaml:13:5: warning: 'metadata' in jobs[1] is deprecated; move its keys into the job itself",
                ".packit.yaml:14:7: error: 'use_internal_tf' in jobs[1].metadata must be a boolean (true or false), got null");
    }

    @Test
    void shouldTakeANullJobKeyAsUnsetAsPackitDropsIt() {
        // packit/packit@69d783e8 packit/schema.py:865: rearrange_jobs keeps a job key only when its value is not None
        var result = load("""
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    manual_trigger:
                """);

        assertThat(result.diagnostics().problems()).isEmpty();
        assertThat(result.configOrThrow().jobs().get(0).manualTrigger()).isFalse();
    }

    @Test
    void shouldCheckTheBooleansOfFilesToSyncEntries() {
        // packit/packit@69d783e8 packit/schema.py:72-77: SyncFilesItemSchema's mkpath and delete are fields.Boolean,
        // src a string or a list of strings (StringOrListOfStringsField, :55-66), dest a string
        assertThat(problems("""
                specfile_path: a.spec
                files_to_sync:
                  - src: a.spec
                    dest: b.spec
                    mkpath: "yes"
                    delete: ~
                  - src: [c, 1]
                    dest: 5
                jobs: []
                """)).containsExactly(
                ".packit.yaml:5:13: warning: 'mkpath' of an entry of 'files_to_sync' in the top level is string 'yes', "
                        + "which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:6:5: error: 'delete' of an entry of 'files_to_sync' in the top level must be a boolean (true or false), got null",
                ".packit.yaml:7:14: error: 'src' of an entry of 'files_to_sync' in the top level must be a string or a list of "
                        + "strings, got integer 1 in the list",
                ".packit.yaml:8:11: error: 'dest' of an entry of 'files_to_sync' in the top level must be a string, got integer 5");
    }

    // ---- what else Packit's schema takes or refuses, found by loading mutated files with its own loader

    @Test
    void shouldReadIntegersAsMarshmallowCastsThemWithPythonsInt() {
        // marshmallow 3.18 fields.Integer(strict=False): int(value), booleans refused
        var yaml = """
                specfile_path: a.spec
                patch_generation_patch_id_digits: "-1"
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    timeout: " 1_000 "
                  - job: copr_build
                    trigger: commit
                    timeout: 100.9
                  - job: copr_build
                    trigger: release
                    timeout: true
                  - job: tests
                    trigger: pull_request
                    timeout: ten
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:2:35: error: 'patch_generation_patch_id_digits' in the top level must be an integer >= 0, got string '-1'",
                ".packit.yaml:6:14: warning: 'timeout' in jobs[0] is string ' 1_000 ', which Packit reads as 1000; write 1000",
                ".packit.yaml:9:14: warning: 'timeout' in jobs[1] is number 100.9, which Packit reads as 100; write 100",
                ".packit.yaml:12:14: error: 'timeout' in jobs[2] must be an integer, got boolean true",
                ".packit.yaml:15:14: error: 'timeout' in jobs[3] must be an integer, got string 'ten'");
        var config = load(yaml.replace("\"-1\"", "2").replace("true", "1").replace("ten", "7")).configOrThrow();
        assertThat(config.jobs()).extracting(job -> job.perPackage().values().iterator().next().copr().timeout())
                .containsExactly(1000, 100, 1, 7);
    }

    @Test
    void shouldRefuseNullWhereMarshmallowDoesAndTakeItAsUnsetWherePackitDropsIt() {
        var yaml = """
                specfile_path: a.spec
                upstream_tag_template:
                identifier:
                packages:
                  a:
                    paths:
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    timeout:
                    packages:
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:2:1: error: 'upstream_tag_template' in the top level must be a string, got null",
                ".packit.yaml:6:5: error: 'paths' in packages.a must be a list of strings, got null",
                ".packit.yaml:10:5: error: 'timeout' in jobs[0] must be an integer, got null");
        var fixed = load(yaml.replace("upstream_tag_template:\n", "").replace("    paths:\n", "    paths: [a]\n")
                .replace("    timeout:\n", "")).configOrThrow();
        assertThat(fixed.jobs().get(0).packageNames()).containsExactly("a");
    }

    @Test
    void shouldTakeOnlyStringsInListsOfStrings() {
        // marshmallow's fields.String, and Packit's Targets and DistGitBranches fields, take str items only
        assertThat(problems("""
                specfile_path: a.spec
                paths: [src, 1]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    labels: [true]
                    targets: [41]
                    dist_git_branches: [f41, 42]
                """)).containsExactly(
                ".packit.yaml:2:14: error: 'paths' in the top level must be a list of strings, got integer 1 in the list",
                ".packit.yaml:6:14: error: 'labels' in jobs[0] must be a list of strings, got boolean true in the list",
                ".packit.yaml:7:15: error: target in 'targets' in jobs[0] must be a string, got integer 41",
                ".packit.yaml:8:30: error: 'dist_git_branches' in jobs[0] must be a list of branches or a mapping of branch "
                        + "to options, got integer 42 in the list");
    }

    @Test
    void shouldCheckTheKeysOfNotificationsTestCommandAndOshOptions() {
        // packit/packit@69d783e8 packit/schema.py:175-226 (notifications, test_command), :426-437 (osh_options)
        assertThat(problems("""
                specfile_path: a.spec
                notifications:
                  pull_request:
                    successful_build: "yes"
                  failure_comment:
                  failure_isue: {create: true}
                test_command: {default_labels: [a], default_idenifier: x}
                osh_options: {analyzer: a, profile: 5}
                jobs: []
                """)).containsExactly(
                ".packit.yaml:4:23: warning: 'successful_build' in 'notifications.pull_request' in the top level is "
                        + "string 'yes', which Packit reads as true; write true (a YAML boolean)",
                ".packit.yaml:5:3: error: 'notifications.failure_comment' in the top level must be a mapping, got null",
                ".packit.yaml:6:3: error: unknown key 'failure_isue' in 'notifications' in the top level (expected one of: "
                        + "failure_comment, failure_issue, pull_request) (did you mean 'failure_issue'?)",
                ".packit.yaml:7:37: error: unknown key 'default_idenifier' in 'test_command' in the top level (expected one "
                        + "of: default_identifier, default_labels) (did you mean 'default_identifier'?)",
                ".packit.yaml:8:37: error: 'profile' in 'osh_options' in the top level must be a string, got integer 5");
    }

    @Test
    void shouldCheckVersionSpecifiersAndRepositoryNamesAsPackitDoes() {
        // packit/packit@69d783e8 packit/schema.py:405 validate_version_specifiers, :416 validate_repo_name
        assertThat(problems("""
                specfile_path: a.spec
                upstream_package_name: acme/a
                version_update_specifiers: latest
                jobs:
                  - job: pull_from_upstream
                    trigger: release
                    version_update_specifiers: ">=1.2, <2"
                """)).containsExactly(
                ".packit.yaml:2:24: error: 'upstream_package_name' in the top level must be a repository name (a file name: "
                        + "no '/'), got string 'acme/a'",
                ".packit.yaml:3:28: error: 'version_update_specifiers' in the top level must be a PEP 440 version specifier "
                        + "set (e.g. '>=1.2,<2'), got string 'latest'");
    }

    @Test
    void shouldPlanATriggerGivenTwiceOnce() {
        // Packit expands "a | a" into two equal jobs (packit/packit@69d783e8 packit/schema.py:919-945)
        var yaml = """
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: commit | commit
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:4:14: warning: trigger 'commit' is given twice in jobs[0]: Packit makes the job twice for it; "
                        + "it is planned once");
        assertThat(load(yaml).configOrThrow().jobs()).hasSize(1);
    }

    @Test
    void shouldRefuseNullOptionsOfADistGitBranch() {
        // packit/packit@69d783e8 packit/schema.py:261-306 DistGitBranches: the values of the mapping must be mappings
        assertThat(problems("""
                specfile_path: a.spec
                jobs:
                  - job: propose_downstream
                    trigger: release
                    dist_git_branches:
                      fedora-rawhide:
                      epel-9: {}
                """)).containsExactly(
                ".packit.yaml:6:22: error: options of branch 'fedora-rawhide' in 'dist_git_branches' in jobs[0] must be a "
                        + "mapping, got null (write {} for none)");
    }

    // ---- 4. a key both in metadata and in the job

    @Test
    void shouldTakeTargetsFromMetadataWhenTheJobHasThemTooAsPackitDoes() {
        // packit/packit@69d783e8 packit/schema.py:855 refuses metadata keys the job has by the metadata schema's
        // field names, where targets is '_targets' (:364), so it is not refused; :861 job.update(metadata) then
        // gives the metadata's value
        var yaml = """
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-rawhide-x86_64]
                    metadata:
                      targets: fedora-42-x86_64
                """;

        assertThat(problems(yaml)).containsExactly(
                ".packit.yaml:6:5: warning: 'metadata' in jobs[0] is deprecated; move its keys into the job itself",
                ".packit.yaml:7:7: warning: key 'targets' is set both in jobs[0].metadata and in jobs[0] (line 5): the value "
                        + "in metadata is used, as Packit reads it; keep one");
        var job = load(yaml).configOrThrow().jobs().get(0);
        assertThat(job.perPackage().values().iterator().next().targets().chrootNames()).containsExactly("fedora-42-x86_64");
        assertThat(job.positionOf("targets").line()).isEqualTo(7);
    }

    @Test
    void shouldStillRefuseOtherKeysBothInMetadataAndInTheJob() {
        // packit/packit@69d783e8 packit/schema.py:855-860: "Mixing obsolete metadata dictionary and new job keys is
        // not possible" for every other key (an old dist_git_branch is renamed first, at :389-395)
        assertThat(problems("""
                specfile_path: a.spec
                jobs:
                  - job: koji_build
                    trigger: commit
                    dist_git_branches: [f41]
                    timeout: 100
                    metadata:
                      dist_git_branch: f42
                      timeout: 200
                """)).containsExactly(
                ".packit.yaml:7:5: warning: 'metadata' in jobs[0] is deprecated; move its keys into the job itself",
                ".packit.yaml:8:7: error: key 'dist_git_branches' is set both in jobs[0].metadata and in jobs[0]; keep one",
                ".packit.yaml:8:7: warning: 'dist_git_branch' in jobs[0].metadata is an old name; write 'dist_git_branches'",
                ".packit.yaml:9:7: error: key 'timeout' is set both in jobs[0].metadata and in jobs[0]; keep one");
    }

    @Test
    void shouldRefuseAJobWithMetadataThatHasAnyMetadataKeyOfItsOwnAsPackitDoes() {
        // packit/packit@69d783e8 packit/schema.py:855: the job's keys are intersected with all the metadata schema's
        // field names, whether the metadata holds them or not; an empty metadata is skipped first (:847)
        assertThat(problems("""
                specfile_path: a.spec
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    module_hotfixes: true
                    metadata:
                      targets: [fedora-42-x86_64]
                  - job: copr_build
                    trigger: commit
                    timeout: 5
                    metadata: {}
                """)).containsExactly(
                ".packit.yaml:5:5: error: key 'module_hotfixes' in jobs[0] cannot be combined with 'metadata' (line 6): "
                        + "Packit refuses a job that has both; move the keys of 'metadata' into the job",
                ".packit.yaml:6:5: warning: 'metadata' in jobs[0] is deprecated; move its keys into the job itself",
                ".packit.yaml:11:5: warning: 'metadata' in jobs[1] is deprecated; move its keys into the job itself");
    }

    // ---- 1. identifiers are unique per trigger and branch (Packit checks no uniqueness at all)

    @Test
    void shouldAcceptAnIdentifierRepeatedOnOtherBranchesAndRefuseItTwiceOnOneBranch() {
        var repeated = PackitReadingFixtures.BUILDS_ON_TWO_BRANCHES;
        assertThat(problems(repeated)).isEmpty();
        assertThat(load(repeated).configOrThrow().jobs()).hasSize(2);

        assertThat(problems(repeated + """
                  - job: copr_build
                    trigger: commit
                    branch: main
                    identifier: epel
                """)).containsExactly(
                ".packit.yaml:16:5: error: duplicate identifier 'epel' in jobs[2]: jobs[0] already has it for copr_build "
                        + "jobs with trigger commit and branch 'main'");
    }

    // ---- 5. a copr_build job with its own Copr project and no targets builds in the project's chroots

    @Test
    void shouldMarkACoprBuildJobWithItsOwnProjectAndNoTargetsAsBuildingInTheProjectsChroots() {
        var config = load(PackitReadingFixtures.OWN_PROJECT + """
                  - job: copr_build
                    trigger: release
                """).configOrThrow();

        var views = config.jobs().stream()
                .map(job -> new JobView(job, config.packages().values().iterator().next(), job.perPackage().values().iterator().next()))
                .toList();
        assertThat(views).extracting(JobView::buildsInProjectChroots).containsExactly(true, false, false);
        assertThat(config.jobs().get(1)).isInstanceOf(TestsJob.class);
        // the fallback for a project that does not exist yet: Packit's fedora-stable
        assertThat(views.get(0).settings().targets().chrootNames())
                .containsExactly("fedora-41-x86_64", "fedora-42-x86_64", "fedora-43-x86_64");
    }

    // ---- 6. no follow-on noise

    @Test
    void shouldReportOnlyTheRootProblemWhenPackagesIsBroken() {
        assertThat(problems("""
                packages: [lib, app]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    packages: [lib, app]
                  - job: tests
                    trigger: pull_request
                    packages:
                      lib: {fmf_pth: x}
                """)).containsExactly(
                ".packit.yaml:1:11: error: 'packages' must be a mapping of package name to settings, got a list",
                ".packit.yaml:9:13: error: unknown key 'fmf_pth' in jobs[1].packages.lib (did you mean 'fmf_path'?)");
        assertThat(problems("""
                packages: {}
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    packages: [lib]
                """)).containsExactly(".packit.yaml:1:1: error: 'packages' is empty; list at least one package or remove the key");
    }
}
