package io.packit.pipeline.bench;

/** A generated monorepo packit.yaml: many packages, each depending on up to two earlier ones, and a realistic job set. */
final class GeneratedMonorepo {
    private GeneratedMonorepo() {
    }

    /** The YAML text of a monorepo of {@code packages} packages ({@code pkg-0000} …). */
    static String yaml(int packages) {
        var yaml = new StringBuilder(packages * 160 + 2048);
        yaml.append("""
                _:
                  fedora: &fedora [fedora-all, fedora-all-aarch64]
                upstream_project_url: https://github.com/example/monorepo
                srpm_build_deps: [make, python3-devel]
                actions:
                  create-archive: [make dist, ls *.tar.gz]
                packages:
                """);
        for (int i = 0; i < packages; i++) {
            var name = name(i);
            yaml.append("  ").append(name).append(":\n");
            yaml.append("    specfile_path: ").append(name).append('/').append(name).append(".spec\n");
            yaml.append("    paths: [").append(name).append("]\n");
            if (i > 0) {
                yaml.append("    depends: [").append(name(i - 1));
                if (i > 1 && i % 3 == 0) {
                    yaml.append(", ").append(name(i / 2));
                }
                yaml.append("]\n");
            }
        }
        yaml.append("""
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    identifier: fedora
                    targets: *fedora
                  - job: copr_build
                    trigger: pull_request
                    identifier: epel
                    targets:
                      epel-9: {}
                      epel-10:
                        additional_repos: [https://example.org/epel10]
                  - job: tests
                    trigger: pull_request
                    build_identifier: fedora
                    targets: [fedora-stable]
                    tmt_plan: /plans/smoke
                    tf_extra_params:
                      environments:
                        - tmt: {context: {target_PR_branch: main}}
                  - job: copr_build
                    trigger: commit
                    branch: main
                    owner: "@example"
                    project: monorepo
                  - job: propose_downstream
                    trigger: release
                    dist_git_branches: [fedora-all]
                  - job: koji_build
                    trigger: commit | koji_build
                    sidetag_group: monorepo
                    dist_git_branches: [fedora-all]
                  - job: bodhi_update
                    trigger: koji_build
                    sidetag_group: monorepo
                    dist_git_branches: [fedora-branched]
                """);
        return yaml.toString();
    }

    private static String name(int index) {
        return "pkg-%04d".formatted(index);
    }
}
