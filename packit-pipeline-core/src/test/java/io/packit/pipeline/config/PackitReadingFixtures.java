package io.packit.pipeline.config;

import java.nio.charset.StandardCharsets;

/**
 * Configs Packit accepts that the loader used to refuse (issue 16), shared by the tests of the loader, the planner,
 * the renderer and the command line.
 */
public final class PackitReadingFixtures {
    /** Two copr_build jobs of one trigger and identifier, for two branches. */
    public static final String BUILDS_ON_TWO_BRANCHES = """
            specfile_path: a.spec
            jobs:
              - job: copr_build
                trigger: commit
                branch: main
                identifier: epel
                targets: [epel-9-x86_64]
              - job: copr_build
                trigger: commit
                branch: stable
                identifier: epel
                targets: [epel-9-x86_64]
            """;

    /** {@link #BUILDS_ON_TWO_BRANCHES} and a tests job that names their identifier. */
    public static final String TWO_BRANCHES = BUILDS_ON_TWO_BRANCHES + """
              - job: tests
                trigger: commit
                identifier: smoke
                build_identifier: epel
                targets: [epel-9-x86_64]
            """;

    /** A copr_build job with a Copr project of its own and no targets, and a tests job with targets. */
    public static final String OWN_PROJECT = """
            specfile_path: a.spec
            jobs:
              - job: copr_build
                trigger: commit
                owner: "@acme"
                project: nightly
              - job: tests
                trigger: commit
                targets: [fedora-42-x86_64]
            """;

    private PackitReadingFixtures() {
    }

    /** {@code yaml} loaded as {@code .packit.yaml} with the default options; it must be valid. */
    public static PackitConfig load(String yaml) {
        return new PackitConfigLoader().load(".packit.yaml", yaml.getBytes(StandardCharsets.UTF_8)).configOrThrow();
    }
}
