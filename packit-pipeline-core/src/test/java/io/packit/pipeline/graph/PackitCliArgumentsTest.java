package io.packit.pipeline.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact {@code packit} argv of every release job kind, checked against the click definitions of packit/packit
 * at commit {@code 69d783e81dd17ff1ecf617a5817d39afdefecf26} (files under {@code packit/cli/}; each test names its
 * file). Global facts used throughout: {@code -p/--package} is {@code PACKAGE_SHORT_OPTION/PACKAGE_LONG_OPTION} in
 * {@code packit/constants.py}, applied by {@code iterate_packages} in {@code packit/cli/utils.py}, which without it
 * runs every package of a monorepo; {@code PATH_OR_URL} is each command's last positional argument.
 */
class PackitCliArgumentsTest {
    private static final String SINGLE = """
            specfile_path: foo.spec
            jobs:
              - job: propose_downstream
                trigger: release
                dist_git_branches: [fedora-all, epel-9]
              - job: pull_from_upstream
                trigger: release
                dist_git_branches: [rawhide]
              - job: koji_build
                trigger: commit
                scratch: true
                dist_git_branches: [fedora-all, epel-9]
              - job: bodhi_update
                trigger: commit
                dist_git_branches: [fedora-branched, epel-9]
              - job: upstream_koji_build
                trigger: pull_request
                scratch: true
                targets: [fedora-development, epel-10]
              - job: copr_build
                trigger: pull_request | commit
                targets: [fedora-all]
              - job: vm_image_build
                trigger: pull_request
                image_distribution: rhel-90
                image_request: {architecture: x86_64, image_type: aws}
                copr_chroot: epel-9-x86_64
                owner: me
                project: foo
            """;

    private static final String MONOREPO = """
            packages:
              a: {specfile_path: a.spec, paths: [a]}
              b: {specfile_path: b.spec, paths: [b]}
            jobs:
              - job: propose_downstream
                trigger: release
                dist_git_branches:
                  rawhide: {fast_forward_merge_into: [f41]}
              - job: propose_downstream
                trigger: release
                identifier: epel
                dist_git_branches:
                  epel-9: {fast_forward_merge_into: [epel-10]}
              - job: copr_build
                trigger: pull_request
                packages: [a]
              - job: koji_build
                trigger: commit
                packages: [b]
              - job: vm_image_build
                trigger: pull_request
                packages: [b]
                image_distribution: rhel-90
                image_request: {architecture: x86_64, image_type: aws}
                copr_chroot: epel-9-x86_64
                owner: me
                project: b
              - job: upstream_koji_build
                trigger: pull_request
                packages: [a]
            """;

    /** {@code packit/cli/propose_downstream.py}: one {@code --dist-git-branch}, a comma-separated list. */
    @Test
    void shouldProposeDownstreamWithTheBranchesCommaSeparated() {
        assertThat(argv(SINGLE, NodeKind.PROPOSE_DOWNSTREAM, "foo"))
                .containsExactly("propose-downstream", "--dist-git-branch", "fedora-all,epel-9", ".");
    }

    /** {@code packit/cli/propose_downstream.py} ({@code pull_from_upstream}): PATH_OR_URL is the dist-git repository. */
    @Test
    void shouldPullFromUpstreamWithTheBranches() {
        assertThat(argv(SINGLE, NodeKind.PULL_FROM_UPSTREAM, "foo"))
                .containsExactly("pull-from-upstream", "--dist-git-branch", "rawhide", ".");
    }

    /** {@code packit/cli/builds/koji_build.py}: {@code in-koji --dist-git-branch a,b --scratch}. */
    @Test
    void shouldBuildInKojiFromDistGit() {
        assertThat(argv(SINGLE, NodeKind.KOJI_BUILD, "foo"))
                .containsExactly("build", "in-koji", "--dist-git-branch", "fedora-all,epel-9", "--scratch", ".");
    }

    /**
     * {@code packit/cli/builds/koji_build.py} and {@code packit/upstream.py} ({@code GitUpstream.koji_build}):
     * {@code --from-upstream} fails without {@code --koji-target}, which takes one value; branches would only
     * repeat the build, so none are passed.
     */
    @Test
    void shouldBuildFromUpstreamForTheFirstKojiTarget() {
        assertThat(argv(SINGLE, NodeKind.UPSTREAM_KOJI_BUILD, "foo"))
                .containsExactly("build", "in-koji", "--from-upstream", "--koji-target", "fedora-development",
                        "--scratch", ".");
        assertThat(argv(MONOREPO, NodeKind.UPSTREAM_KOJI_BUILD, "a"))
                .containsExactly("build", "in-koji", "--from-upstream", "--koji-target", "fedora-stable",
                        "--package", "a", ".");
    }

    /** {@code packit/cli/create_update.py}: {@code --dist-git-branch} comma-separated; no side-tag option exists. */
    @Test
    void shouldCreateABodhiUpdateForTheBranches() {
        assertThat(argv(SINGLE, NodeKind.BODHI_UPDATE, "foo"))
                .containsExactly("create-update", "--dist-git-branch", "fedora-branched,epel-9", ".");
    }

    /**
     * {@code packit/cli/builds/in_image_builder.py} and {@code get_packit_api} in {@code packit/cli/utils.py}:
     * IMAGE_NAME comes before PATH_OR_URL, {@code --wait} is off by default, and {@code --job-config-index} indexes
     * the jobs after {@code "a | b"} expansion ({@code process_job_triggers} in {@code packit/schema.py}): the
     * file's {@code jobs[6]} is Packit's job 7 here.
     */
    @Test
    void shouldBuildAVmImageWithPackitsJobIndex() {
        assertThat(argv(SINGLE, NodeKind.VM_IMAGE_BUILD, "foo"))
                .containsExactly("build", "in-image-builder", "--wait", "--job-config-index", "7", "foo-pull_request", ".");
    }

    /**
     * {@code PackageConfig.post_load} in {@code packit/config/package_config.py}: a package's view holds only the
     * jobs that apply to it, so b's vm_image_build (the file's {@code jobs[4]}) is b's job 3.
     */
    @Test
    void shouldCountOnlyThePackagesJobsForTheVmImageIndexInAMonorepo() {
        assertThat(argv(MONOREPO, NodeKind.VM_IMAGE_BUILD, "b"))
                .containsExactly("build", "in-image-builder", "--wait", "--job-config-index", "3", "--package", "b",
                        "b-pull_request", ".");
        assertThat(argv(MONOREPO, NodeKind.KOJI_BUILD, "b")).containsExactly("build", "in-koji", "--package", "b", ".");
    }

    /**
     * {@code get_dist_git_branches} and {@code get_fast_forward_merge_branches_for} in
     * {@code packit/cli/propose_downstream.py} and {@code packit/config/aliases.py}: a command-line list loses
     * {@code fast_forward_merge_into}; without the option Packit reads the first propose_downstream job's dict.
     */
    @Test
    void shouldLeavePackitToReadFastForwardBranchesOfTheFirstJobOfItsType() {
        var config = load(MONOREPO);
        var plan = new JobGraphPlanner().plan(config, new Event.AllTriggers());
        var first = plan.find(NodeId.parse("propose_downstream:a:release")).orElseThrow();
        var second = plan.find(NodeId.parse("propose_downstream:a:epel")).orElseThrow();

        assertThat(PackitCliArguments.of(first, config)).containsExactly("propose-downstream", "--package", "a", ".");
        assertThat(PackitCliArguments.of(second, config))
                .containsExactly("propose-downstream", "--dist-git-branch", "epel-9", "--package", "a", ".");
    }

    @Test
    void shouldRefuseNodesThatDoNotRunThePackitCommandLine() {
        var config = load(SINGLE);
        var build = node(config, NodeKind.COPR_BUILD, "foo");

        assertThatThrownBy(() -> PackitCliArguments.of(build, config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not run the packit command line");
    }

    private static List<String> argv(String yaml, NodeKind kind, String pkg) {
        var config = load(yaml);
        return PackitCliArguments.of(node(config, kind, pkg), config);
    }

    private static Node node(PackitConfig config, NodeKind kind, String pkg) {
        var plan = new JobGraphPlanner().plan(config, new Event.AllTriggers());
        var nodes = plan.nodes().stream()
                .filter(node -> node.kind() == kind && node.view().packageName().equals(pkg)).toList();
        assertThat(nodes).as("%s nodes of %s", kind, pkg).isNotEmpty();
        return nodes.get(0);
    }

    private static PackitConfig load(String yaml) {
        var result = new PackitConfigLoader().load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(result.diagnostics().errors()).as("load errors").isEmpty();
        return result.config().orElseThrow();
    }
}
