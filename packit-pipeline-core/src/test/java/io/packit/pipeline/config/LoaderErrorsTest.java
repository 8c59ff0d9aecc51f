package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error family of the loader, with the exact GNU-style lines (file:line:column) it prints. */
class LoaderErrorsTest {
    private final PackitConfigLoader loader = new PackitConfigLoader();

    private List<String> problems(String yaml) {
        var result = loader.load(".packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return result.diagnostics().problems().stream().map(Problem::toString).toList();
    }

    @Test
    void shouldPointAtUnknownKeysAndSuggestTheNearestKnownOne() {
        assertThat(problems("""
                specfile_path: foo.spec
                upstream_pakage_name: foo
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    trigerr: commit
                    targetz: [fedora-all]
                  - job: tests
                    trigger: pull_request
                    fmf_pth: tests
                    totally_unrelated_key: 1
                """)).containsExactly(
                ".packit.yaml:2:1: error: unknown key 'upstream_pakage_name' in the top level (did you mean 'upstream_package_name'?)",
                ".packit.yaml:6:5: error: unknown key 'trigerr' in jobs[0] (did you mean 'trigger'?)",
                ".packit.yaml:7:5: error: unknown key 'targetz' in jobs[0] (did you mean 'targets'?)",
                ".packit.yaml:10:5: error: unknown key 'fmf_pth' in jobs[1] (did you mean 'fmf_path'?)",
                ".packit.yaml:11:5: error: unknown key 'totally_unrelated_key' in jobs[1]");
    }

    @Test
    void shouldNameTheReplacementOfRemovedKeysAndJobTypes() {
        assertThat(problems("""
                synced_files: [a.spec]
                upstream_project_name: foo
                create_tarball_command: [make dist]
                current_version_command: [git describe]
                jobs:
                  - job: build
                    trigger: pull_request
                  - job: production_build
                    trigger: release
                """)).containsExactly(
                ".packit.yaml:1:1: error: key 'synced_files' in the top level was removed from Packit; use 'files_to_sync' instead",
                ".packit.yaml:2:1: error: key 'upstream_project_name' in the top level was removed from Packit; use 'upstream_package_name' instead",
                ".packit.yaml:3:1: error: key 'create_tarball_command' in the top level was removed from Packit; use the 'create-archive' action instead",
                ".packit.yaml:4:1: error: key 'current_version_command' in the top level was removed from Packit; use the 'get-current-version' action instead",
                ".packit.yaml:6:10: error: job type 'build' in jobs[0] was removed from Packit; use 'copr_build' instead",
                ".packit.yaml:8:10: error: job type 'production_build' in jobs[1] was removed from Packit; use 'upstream_koji_build' instead");
    }

    @Test
    void shouldRefuseKeysAtTheWrongLevel() {
        assertThat(problems("""
                trigger: commit
                depends: [a]
                packages:
                  a:
                    skip_build: true
                    jobs: []
                jobs:
                  - job: tests
                    trigger: commit
                    depends: [a]
                """)).containsExactly(
                ".packit.yaml:1:1: error: key 'trigger' is only valid in a job, not in the top level",
                ".packit.yaml:2:1: error: key 'depends' is only valid in packages.<name>, not in the top level",
                ".packit.yaml:5:5: error: key 'skip_build' is only valid in a job, not in packages.a",
                ".packit.yaml:6:5: error: key 'jobs' is only valid at the top level, not in packages.a",
                ".packit.yaml:10:5: error: key 'depends' is only valid in packages.<name>, not in jobs[0]");
    }

    @Test
    void shouldNameWrongTypesAndTheValueGiven() {
        assertThat(problems("""
                specfile_path: [a.spec]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    timeout: two hours
                    preserve_project: maybe
                    additional_repos: https://example.org/repo
                    targets: 5
                    env: [A=1]
                  - job: tests
                    trigger: pull_request
                    skip_build: 2
                    labels: [a, [b]]
                    tf_extra_params: yes
                """)).containsExactly(
                ".packit.yaml:1:16: error: 'specfile_path' in the top level must be a string, got a list",
                ".packit.yaml:5:14: error: 'timeout' in jobs[0] must be an integer, got string 'two hours'",
                ".packit.yaml:6:23: error: 'preserve_project' in jobs[0] must be a boolean (true or false), got string 'maybe'",
                ".packit.yaml:7:23: error: 'additional_repos' in jobs[0] must be a list of strings, got string 'https://example.org/repo'",
                ".packit.yaml:8:14: error: 'targets' in jobs[0] must be a list of targets or a mapping of target to options (or one target), got integer 5",
                ".packit.yaml:9:10: error: 'env' in jobs[0] must be a mapping of variable to value, got a list",
                ".packit.yaml:12:17: error: 'skip_build' in jobs[1] must be a boolean (true or false), got integer 2",
                ".packit.yaml:13:17: error: 'labels' in jobs[1] must be a list of strings, got a list in the list",
                ".packit.yaml:14:22: error: 'tf_extra_params' in jobs[1] must be a mapping, got boolean yes");
    }

    @Test
    void shouldNameInvalidEnumValuesWithTheAllowedOnes() {
        assertThat(problems("""
                packit_instances: [prod, stage]
                jobs:
                  - job: copr_buidl
                    trigger: pull-request
                  - job: copr_build
                    trigger: commit | relase
                    bootstrap: onn
                """)).containsExactly(
                ".packit.yaml:1:26: error: invalid value 'stage' for 'packit_instances' in the top level (expected one of: dev, stg, prod) (did you mean 'stg'?)",
                ".packit.yaml:3:10: error: invalid job type 'copr_buidl' in jobs[0] (expected one of: copr_build, tests, "
                        + "upstream_koji_build, vm_image_build, propose_downstream, pull_from_upstream, koji_build, bodhi_update, "
                        + "sync_from_downstream) (did you mean 'copr_build'?)",
                ".packit.yaml:4:14: error: invalid trigger 'pull-request' in jobs[0] (expected one of: pull_request, commit, "
                        + "release, koji_build, ignore, or several joined by '|') (did you mean 'pull_request'?)",
                ".packit.yaml:6:14: error: invalid trigger 'relase' in jobs[1] (expected one of: pull_request, commit, release, "
                        + "koji_build, ignore, or several joined by '|') (did you mean 'release'?)",
                ".packit.yaml:7:16: error: invalid value 'onn' for 'bootstrap' in jobs[1] (expected one of: default, on, off, image) (did you mean 'on'?)");
    }

    @Test
    void shouldGiveCleanErrorsWherePackitsOwnLoaderCrashes() {
        assertThat(problems("""
                packages:
                  - a
                jobs:
                """)).containsExactly(
                ".packit.yaml:2:3: error: 'packages' must be a mapping of package name to settings, got a list",
                ".packit.yaml:3:1: error: 'jobs' is empty (null); write 'jobs: []' for no jobs, or remove the key for Packit's default jobs");
        assertThat(problems("""
                packages: {}
                jobs:
                  job: copr_build
                  trigger: commit
                """)).containsExactly(
                ".packit.yaml:1:1: error: 'packages' is empty; list at least one package or remove the key",
                ".packit.yaml:3:3: error: 'jobs' must be a list of jobs, got a mapping (write '- job: ...' for each job)");
        assertThat(problems("- job: copr_build\n")).containsExactly(
                ".packit.yaml:1:1: error: the top level must be a mapping of packit.yaml keys, got a list");
    }

    @Test
    void shouldRefuseNullWhereAMappingIsNeeded() {
        assertThat(problems("""
                packages:
                  a:
                  b: {specfile_path: b.spec}
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets:
                      fedora-all:
                  -
                """)).containsExactly(
                ".packit.yaml:2:3: error: packages.a must be a mapping of settings, got null",
                ".packit.yaml:8:18: error: options of target 'fedora-all' in jobs[0] must be a mapping, got null (write {} for none)",
                ".packit.yaml:9:4: error: jobs[1] must be a mapping with 'job' and 'trigger', got null");
    }

    @Test
    void shouldRefuseJobsWithoutTypeOrTrigger() {
        assertThat(problems("""
                jobs:
                  - trigger: commit
                  - job: tests
                """)).containsExactly(
                ".packit.yaml:2:5: error: jobs[0] has no 'job' key (expected one of: copr_build, tests, upstream_koji_build, "
                        + "vm_image_build, propose_downstream, pull_from_upstream, koji_build, bodhi_update, sync_from_downstream)",
                ".packit.yaml:3:5: error: jobs[1] has no 'trigger' key (expected one of: pull_request, commit, release, koji_build, ignore)");
    }

    @Test
    void shouldReportDuplicateIdentifiersAmongJobsOfOneTypeAndTrigger() {
        assertThat(problems("""
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    identifier: fedora
                  - job: copr_build
                    trigger: commit
                    identifier: fedora
                  - job: copr_build
                    trigger: pull_request | commit
                    identifier: fedora
                """)).containsExactly(
                ".packit.yaml:10:5: error: duplicate identifier 'fedora' in jobs[2]: jobs[0] already has it for copr_build jobs with trigger pull_request",
                ".packit.yaml:10:5: error: duplicate identifier 'fedora' in jobs[2]: jobs[1] already has it for copr_build jobs with trigger commit");
    }

    @Test
    void shouldCheckBuildIdentifierAgainstTheCoprBuildIdentifiers() {
        assertThat(problems("""
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    identifier: fedora
                  - job: copr_build
                    trigger: pull_request
                    identifier: epel
                  - job: copr_build
                    trigger: commit
                    identifier: main
                  - job: tests
                    trigger: pull_request
                    build_identifier: fedroa
                  - job: tests
                    trigger: pull_request
                    build_identifier: main
                  - job: copr_build
                    trigger: pull_request
                    build_identifier: fedora
                """)).containsExactly(
                ".packit.yaml:13:5: error: unknown build_identifier 'fedroa' in jobs[3]: no copr_build job with trigger "
                        + "pull_request has that identifier (known: 'fedora', 'epel') (did you mean 'fedora'?)",
                ".packit.yaml:16:5: error: build_identifier 'main' in jobs[4] names a copr_build job with trigger commit (jobs[2]), "
                        + "but the tests job has trigger pull_request",
                ".packit.yaml:19:5: error: 'build_identifier' in jobs[5] is only valid on tests jobs, not on copr_build");
    }

    @Test
    void shouldCheckDependsAndJobPackageNames() {
        assertThat(problems("""
                packages:
                  cli:
                    depends: [lib, cli, libz]
                  lib:
                    depends: [cli]
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    packages: [cli, lbi]
                  - job: tests
                    trigger: pull_request
                    packages: cli
                """)).containsExactly(
                ".packit.yaml:3:20: error: package 'cli' depends on itself in packages.cli.depends",
                ".packit.yaml:3:25: error: unknown package 'libz' in packages.cli.depends (known: 'cli', 'lib') (did you mean 'lib'?)",
                ".packit.yaml:9:21: error: unknown package 'lbi' in jobs[0].packages (known: 'cli', 'lib') (did you mean 'lib'?)",
                ".packit.yaml:12:15: error: 'packages' in jobs[1] must be a list of package names or a mapping of package name "
                        + "to settings, got string 'cli'");
    }

    @Test
    void shouldCheckTheLongFormOfDependsEntriesWherePositioned() {
        assertThat(problems("""
                packages:
                  app:
                    depends:
                      - lib
                      - {name: common, rebuild: false}
                      - {name: lib, rebuld: true}
                      - rebuild: true
                      - {name: common, rebuild: maybe}
                      - {name: libz}
                      - [lib]
                  lib: {}
                  common: {}
                """)).containsExactly(
                ".packit.yaml:6:16: warning: package 'lib' is listed twice in packages.app.depends",
                ".packit.yaml:6:21: error: unknown key 'rebuld' in packages.app.depends[2] (known: 'name', 'rebuild') "
                        + "(did you mean 'rebuild'?)",
                ".packit.yaml:7:9: error: packages.app.depends[3] needs 'name', the package it depends on",
                ".packit.yaml:8:16: warning: package 'common' is listed twice in packages.app.depends",
                ".packit.yaml:8:33: error: 'rebuild' in packages.app.depends[4] must be a boolean (true or false), got string 'maybe'",
                ".packit.yaml:9:16: error: unknown package 'libz' in packages.app.depends (known: 'app', 'lib', 'common') "
                        + "(did you mean 'lib'?)",
                ".packit.yaml:10:9: error: 'depends' in packages.app must be a list of package names or {name, rebuild} "
                        + "mappings, got a list in the list");
    }

    @Test
    void shouldRefuseMixingLegacyMetadataWithJobKeys() {
        assertThat(problems("""
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    owner: me
                    metadata:
                      owner: you
                      targets: fedora-all
                      synced_files: [a]
                """)).containsExactly(
                ".packit.yaml:5:5: warning: 'metadata' in jobs[0] is deprecated; move its keys into the job itself",
                ".packit.yaml:6:7: error: key 'owner' is set both in jobs[0].metadata and in jobs[0]; keep one",
                ".packit.yaml:8:7: error: key 'synced_files' in jobs[0].metadata was removed from Packit; use 'files_to_sync' instead");
    }

    @Test
    void shouldCheckNestedShapes() {
        assertThat(problems("""
                actions:
                  bogus-action: echo
                  create-archive: {cmd: x}
                require:
                  label:
                    present: [a]
                    missing: [b]
                dist_git_branches:
                  fedora-all:
                    fast_forward_merge: [f41]
                sources:
                  - path: a.tar.gz
                files_to_sync:
                  - src: a
                    dst: b
                """)).containsExactly(
                ".packit.yaml:2:3: error: unknown action 'bogus-action' in 'actions' in the top level",
                ".packit.yaml:3:19: error: action 'create-archive' in 'actions' in the top level must be a command or a list of commands, got a mapping",
                ".packit.yaml:7:5: error: unknown key 'missing' in require.label of 'require' in the top level (expected: present, absent)",
                ".packit.yaml:10:5: error: unknown key 'fast_forward_merge' in options of branch 'fedora-all' in 'dist_git_branches' "
                        + "in the top level (expected: fast_forward_merge_into) (did you mean 'fast_forward_merge_into'?)",
                ".packit.yaml:12:5: error: source in 'sources' in the top level lacks 'url'",
                ".packit.yaml:15:5: error: unknown key 'dst' in an entry of 'files_to_sync' in the top level (expected one of: "
                        + "src, dest, mkpath, delete, filters) (did you mean 'dest'?)");
    }

    @Test
    void shouldAcceptStringTargetsOnlyInJobs() {
        assertThat(problems("""
                targets: fedora-all
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: fedora-stable
                    dist_git_branches: rawhide
                """)).containsExactly(
                ".packit.yaml:1:10: error: 'targets' in the top level must be a list of targets or a mapping of target to options, "
                        + "got string 'fedora-all'");
    }

    @Test
    void shouldReportInvalidYamlAtItsPosition() {
        assertThat(problems("a: [1, 2\nb: :\n")).containsExactly(
                ".packit.yaml:2:2: error: invalid YAML: expected ',' or ']', but got : (while parsing a flow sequence)");
        assertThat(problems("a: *nowhere\n")).containsExactly(
                ".packit.yaml:1:4: error: unknown YAML alias '*nowhere' (no anchor '&nowhere' before it)");
        assertThat(problems("a: 1\n---\nb: 2\n")).containsExactly(
                ".packit.yaml:2:1: error: more than one YAML document in the file; packit.yaml holds exactly one");
    }

    @Test
    void shouldReportAllProblemsOfAFileSortedByPosition() {
        var lines = problems("""
                jobs:
                  - job: tests
                    trigger: pull_request
                    timeout: x
                  - job: nope
                    trigger: commit
                owner: [me]
                """);

        assertThat(lines).containsExactly(
                ".packit.yaml:4:14: error: 'timeout' in jobs[0] must be an integer, got string 'x'",
                ".packit.yaml:5:10: error: invalid job type 'nope' in jobs[1] (expected one of: copr_build, tests, upstream_koji_build, "
                        + "vm_image_build, propose_downstream, pull_from_upstream, koji_build, bodhi_update, sync_from_downstream)",
                ".packit.yaml:7:8: error: 'owner' in the top level must be a string, got a list");
    }

    @Test
    void shouldThrowEveryProblemFromConfigOrThrow() {
        var result = loader.load(".packit.yaml", "jobs:\n  - job: tests\n    trigger: nope\n    trigerr: x\n".getBytes(StandardCharsets.UTF_8));

        assertThat(result.config()).isEmpty();
        assertThatThrownBy(result::configOrThrow)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(".packit.yaml:3:14: error: invalid trigger 'nope' in jobs[0]")
                .hasMessageContaining(".packit.yaml:4:5: error: unknown key 'trigerr' in jobs[0] (did you mean 'trigger'?)");
    }

    @Test
    void shouldKeepWarningsOutOfValidity() {
        var result = loader.load(".packit.yaml", """
                dist_git_url: https://src.fedoraproject.org/rpms/foo
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [centos-stream-x86_64]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(result.isValid()).isTrue();
        assertThat(result.diagnostics().problems()).map(Problem::toString).containsExactly(
                ".packit.yaml:1:1: warning: key 'dist_git_url' in the top level is no longer processed by Packit; remove it",
                ".packit.yaml:5:15: warning: target 'centos-stream-x86_64' is deprecated; write 'centos-stream-8-x86_64'");
        assertThat(result.configOrThrow().jobs().get(0).perPackage().values().iterator().next().targets().chrootNames())
                .containsExactly("centos-stream-8-x86_64");
    }
}
