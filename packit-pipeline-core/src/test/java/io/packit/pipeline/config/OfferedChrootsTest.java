package io.packit.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfferedChrootsTest {
    private static final ReleaseTable TABLE = ReleaseTable.parse("releases.txt", """
            date 2027-02-20
            fedora 45 f45 stable
            fedora 46 f46 development
            fedora rawhide rawhide development
            """);

    private static PackitConfig load(String yaml) {
        return new PackitConfigLoader(LoadOptions.defaults().withReleaseTable(TABLE))
                .load("packit.yaml", yaml.getBytes(StandardCharsets.UTF_8)).configOrThrow();
    }

    @Test
    void shouldWarnAtTheTargetsOfEachBuildAboutChrootsCoprDoesNotOffer() {
        var config = load("""
                specfile_path: hello.spec
                downstream_package_name: hello
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-all, epel-9-aarch64]
                  - job: tests
                    trigger: pull_request
                    skip_build: true
                    targets: [fedora-46]
                  - job: copr_build
                    trigger: commit
                    targets:
                      - fedora-45-x86_64
                """);
        var offered = new OfferedChroots("https://copr.example", Set.of("fedora-45-x86_64", "fedora-rawhide-x86_64"));

        var problems = offered.check(config).problems();

        assertThat(problems).extracting(Object::toString).containsExactly(
                "packit.yaml:6:14: warning: targets of jobs[0] resolve to chroots that Copr https://copr.example does "
                        + "not offer (not in /api_3/mock-chroots/list): fedora-46-x86_64, epel-9-aarch64");
    }

    @Test
    void shouldNotWarnAboutTheFallbackOfABuildInItsProjectsChroots() {
        // a copr_build job with its own project and no targets builds in the project's chroots: fedora-stable is
        // only what a project that does not exist yet is created with
        var config = load(PackitReadingFixtures.OWN_PROJECT.replace("fedora-42-x86_64", "fedora-rawhide-x86_64") + """
                  - job: copr_build
                    trigger: pull_request
                """);

        var warnings = new OfferedChroots("https://copr.example", Set.of("fedora-rawhide-x86_64")).check(config);

        assertThat(warnings.problems()).extracting(Object::toString).containsExactly("packit.yaml:10:5: warning: targets of "
                + "jobs[2] resolve to a chroot that Copr https://copr.example does not offer (not in "
                + "/api_3/mock-chroots/list): fedora-45-x86_64");
    }

    @Test
    void shouldStaySilentWhenCoprOffersEveryChroot() {
        var config = load("""
                specfile_path: hello.spec
                downstream_package_name: hello
                jobs:
                  - job: copr_build
                    trigger: pull_request
                    targets: [fedora-all]
                """);

        assertThat(new OfferedChroots("https://copr.example", Set.of("fedora-45-x86_64", "fedora-46-x86_64",
                "fedora-rawhide-x86_64")).check(config).isEmpty()).isTrue();
    }
}
