package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.packit.pipeline.bodhi.fake.BodhiFixtures;
import io.packit.pipeline.bodhi.fake.FakeBodhi;
import io.packit.pipeline.copr.fake.FakeCopr;
import io.packit.pipeline.http.Sleeper;
import io.packit.pipeline.http.fake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --bodhi-url}, {@code --cache-dir}, {@code --no-bodhi} and {@code --copr-url} of the config-reading commands. */
class BodhiAliasesTest {
    /** A single-package config whose one Copr build targets {@code fedora-all}. */
    static final String WITH_ALIAS = """
            specfile_path: hello.spec
            downstream_package_name: hello
            upstream_project_url: https://github.com/acme/hello
            jobs:
              - job: copr_build
                trigger: pull_request
                targets: [fedora-all]
            """;

    @TempDir
    Path dir;

    private final FakeBodhi bodhi = new FakeBodhi(BodhiFixtures.steady());

    @AfterEach
    void stop() {
        bodhi.close();
    }

    @Test
    void shouldResolveFromBodhiThenFromTheCacheAndSaySo() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var cache = dir.resolve("cache");

        var first = CommandRun.of("plan", config.toString(), "--event", "pr", "--format", "json",
                "--bodhi-url", bodhi.url(), "--cache-dir", cache.toString());
        var second = CommandRun.of("plan", config.toString(), "--event", "pr", "--format", "json",
                "--bodhi-url", bodhi.url(), "--cache-dir", cache.toString());

        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).startsWith("target aliases resolved with Bodhi " + bodhi.url() + ", read ")
                .endsWith(", dated " + today + "\n").hasLineCount(1);
        assertThat(first.out()).contains("[ \"fedora-44-x86_64\", \"fedora-45-x86_64\", \"fedora-46-x86_64\", "
                + "\"fedora-rawhide-x86_64\" ]");
        assertThat(second.err()).contains("(cached in " + cache.resolve("bodhi-releases-"));
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldNameTheOriginInValidateJsonAndStayOfflineWithoutBodhiUrl() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);

        var online = CommandRun.of("validate", "--format", "json", config.toString(), "--bodhi-url", bodhi.url(),
                "--cache-dir", dir.resolve("cache").toString());
        var offline = CommandRun.of("validate", "--format", "json", config.toString());

        var table = new ObjectMapper().readTree(online.out()).path("releaseTable");
        assertThat(table.path("origin").asText()).isEqualTo("bodhi");
        assertThat(table.path("source").asText()).startsWith("Bodhi " + bodhi.url() + ", read ");
        assertThat(table.path("date").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(new ObjectMapper().readTree(offline.out()).path("releaseTable").path("origin").asText())
                .isEqualTo("bundled");
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldFallBackToTheReleaseTableFileWhenBodhiFails() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var file = write("releases.txt", "date " + LocalDate.now() + "\nfedora 50 f50 stable\n"
                + "fedora rawhide rawhide development\n");
        bodhi.inject(Fault.of(Fault.Kind.MALFORMED_JSON));

        var run = CommandRun.of("plan", config.toString(), "--event", "pr", "--bodhi-url", bodhi.url(),
                "--cache-dir", dir.resolve("cache").toString(), "--release-table", file.toString(), "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).containsExactly(
                run.err().lines().findFirst().orElseThrow(),
                "target aliases resolved with " + file + ", dated " + LocalDate.now());
        assertThat(run.err()).startsWith("warning: Bodhi failed, target aliases fall back: GET " + bodhi.url()
                + "/releases/?state=current%2Cpending%2Cfrozen&page=1 → HTTP 200: \"malformed JSON in response: ");
        assertThat(run.out()).contains("\"fedora-50-x86_64\"").doesNotContain("fedora-44");
        assertThat(Files.exists(dir.resolve("cache"))).isFalse();
    }

    @Test
    void shouldAskBodhiInADryRunAndNotWithNoBodhi() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var dryRun = List.of("run", config.toString(), "--event", "pr", "--pr-id", "3", "--commit", "9f1c2e7d",
                "--dry-run", "--copr-config", dir.resolve("no-copr-config").toString(),
                "--cache-dir", dir.resolve("cache").toString());

        var asked = CommandRun.of(with(dryRun, "--bodhi-url", bodhi.url()));
        var offline = CommandRun.of(with(dryRun, "--no-bodhi"));

        assertThat(asked.exitCode()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("fedora-44-x86_64, fedora-45-x86_64, fedora-46-x86_64, fedora-rawhide-x86_64");
        assertThat(asked.err()).startsWith("target aliases resolved with Bodhi " + bodhi.url());
        assertThat(offline.exitCode()).as(offline.err()).isZero();
        assertThat(offline.err()).contains("warning: the release table (bundled) release-table.txt dated 2025-11-15");
        assertThat(offline.out()).contains("fedora-41-x86_64, fedora-42-x86_64, fedora-43-x86_64");
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldAskBodhiOnlyForAConfigThatUsesAliases() throws IOException {
        var chroots = write("chroots.yaml", WITH_ALIAS.replace("[fedora-all]", "[fedora-41-x86_64]"));
        var aliases = write("aliases.yaml", WITH_ALIAS);
        var dryRun = List.of("--event", "pr", "--pr-id", "3", "--commit", "9f1c2e7d", "--dry-run",
                "--copr-config", dir.resolve("no-copr-config").toString(), "--bodhi-url", bodhi.url(),
                "--cache-dir", dir.resolve("cache").toString());

        var withoutAliases = CommandRun.of(with(List.of("run", chroots.toString()), dryRun.toArray(String[]::new)));
        var validate = CommandRun.of("validate", "--format", "json", chroots.toString(), "--bodhi-url", bodhi.url());

        assertThat(withoutAliases.exitCode()).as(withoutAliases.err()).isZero();
        assertThat(withoutAliases.err()).doesNotContain("target aliases").doesNotContain("release table");
        assertThat(new ObjectMapper().readTree(validate.out()).path("releaseTable").path("origin").asText())
                .isEqualTo("bundled");
        assertThat(bodhi.requests()).isEmpty();

        var withAliases = CommandRun.of(with(List.of("run", aliases.toString()), dryRun.toArray(String[]::new)));

        assertThat(withAliases.exitCode()).as(withAliases.err()).isZero();
        assertThat(withAliases.err()).startsWith("target aliases resolved with Bodhi " + bodhi.url());
        assertThat(bodhi.requests()).hasSize(1);
    }

    @Test
    void shouldWarnAtTheTargetsAboutChrootsCoprDoesNotOffer() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        try (var copr = new FakeCopr(Sleeper.system())) {
            copr.mockChroots(List.of("fedora-44-x86_64", "fedora-45-x86_64", "fedora-rawhide-x86_64", "_internal"));

            var validate = CommandRun.of("validate", config.toString(), "--bodhi-url", bodhi.url(),
                    "--cache-dir", dir.resolve("cache").toString(), "--copr-url", copr.url() + "/");
            var plan = CommandRun.of("plan", config.toString(), "--bodhi-url", bodhi.url(),
                    "--cache-dir", dir.resolve("cache").toString(), "--copr-url", copr.url());

            var warning = config + ":7:14: warning: targets of jobs[0] resolve to a chroot that Copr " + copr.url()
                    + " does not offer (not in /api_3/mock-chroots/list): fedora-46-x86_64";
            assertThat(validate.exitCode()).as(validate.err()).isZero();
            assertThat(validate.out()).isEqualTo(warning + "\n" + config + ": valid: 1 package, 1 job, 1 warning\n");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(plan.err()).contains(warning + "\n");
        }
    }

    @Test
    void shouldWarnBeforeARunSubmitsToACoprThatLacksAChroot() throws IOException {
        var config = write("packit.yaml", WITH_ALIAS);
        var table = write("releases.txt", "date " + LocalDate.now() + "\nfedora 41 f41 stable\nfedora 45 f45 stable\n"
                + "fedora rawhide rawhide development\n");
        try (var services = new io.packit.pipeline.engine.FakeServices(Sleeper.system())) {
            var run = CommandRun.of("run", config.toString(), "--event", "pr", "--pr-id", "3", "--commit", "9f1c2e7d",
                    "--copr-config", services.writeCoprConfig(dir).toString(), "--no-bodhi",
                    "--release-table", table.toString(), "--state", dir.resolve("state.json").toString(),
                    "--poll-interval", "0.05", "--plain");

            var warning = config + ":7:14: warning: targets of jobs[0] resolve to a chroot that Copr "
                    + services.copr().url() + " does not offer (not in /api_3/mock-chroots/list): fedora-45-x86_64";
            assertThat(run.err()).contains(warning);
            assertThat(run.err().indexOf(warning)).isLessThan(run.err().indexOf("state file: "));
        }
    }

    @Test
    void shouldCacheUnderXdgCacheHomeWhenItIsAbsoluteElseUnderHome() {
        var home = Path.of("/home/jdoe");

        assertThat(ConfigLoading.defaultCacheDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/jdoe"), home))
                .isEqualTo(Path.of("/var/cache/jdoe/packit-pipeline"));
        assertThat(ConfigLoading.defaultCacheDirectory(Map.of("XDG_CACHE_HOME", "relative"), home))
                .isEqualTo(Path.of("/home/jdoe/.cache/packit-pipeline"));
        assertThat(ConfigLoading.defaultCacheDirectory(Map.of(), home))
                .isEqualTo(Path.of("/home/jdoe/.cache/packit-pipeline"));
    }

    private static String[] with(List<String> args, String... more) {
        return java.util.stream.Stream.concat(args.stream(), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
