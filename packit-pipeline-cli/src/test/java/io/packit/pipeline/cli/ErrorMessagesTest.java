package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.engine.FakeServices;
import io.packit.pipeline.http.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The errors a user meets before any work starts, each through the command line in process: one line naming the
 * cause, the documented exit code, and no half-written output (issue 15 §2).
 */
class ErrorMessagesTest {
    private static final String CONFIG = BodhiAliasesTest.WITH_ALIAS.replace("[fedora-all]", "[fedora-41-x86_64]");
    /** A directory no one may create files in, root included (sysfs refuses new files to every user). */
    private static final Path READ_ONLY = Path.of("/sys");

    @TempDir
    Path dir;

    private final FakeServices services = new FakeServices(Sleeper.system());

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void shouldSayNotUtf8TextAtTheFirstBadByteInEveryConfigReadingCommand() throws IOException {
        var file = write("latin1.yaml", (CONFIG + "  # caf\u00e9 au lait\n").getBytes(StandardCharsets.ISO_8859_1));
        var problem = file + ":8:8: error: not UTF-8 text: byte 0xE9 is not valid UTF-8 here; save the file as UTF-8, "
                + "as Packit reads it";

        var validate = CommandRun.of("validate", file.toString());
        assertThat(validate.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(validate.out()).isEqualTo(problem + "\n" + file + ": invalid: 1 error\n");
        var jenkinsfile = dir.resolve("Jenkinsfile");
        for (var args : List.of(List.of("plan"), List.of("graph", "-o", dir.resolve("graph.html").toString()),
                List.of("render", "-o", jenkinsfile.toString()), List.of("run", "--event", "pr", "--dry-run", "--no-bodhi"))) {
            var run = CommandRun.of(with(args, file.toString()));

            assertThat(run.exitCode()).as("%s", args).isEqualTo(ExitCode.CONFIG_INVALID.code());
            assertThat(run.err()).as("%s", args).isEqualTo(problem + "\n");
            assertThat(run.out()).as("%s", args).isEmpty();
        }
        assertThat(dir.resolve("graph.html")).doesNotExist();
        assertThat(jenkinsfile).doesNotExist();
    }

    @Test
    void shouldSayABinaryFileIsNoPackitYaml() throws IOException {
        var elf = new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0,
            (byte) 0x80, 0x10, 0x40};
        var file = write("binary.yaml", elf);

        var validate = CommandRun.of("validate", file.toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCode.CONFIG_INVALID.code());
        assertThat(validate.out()).startsWith(file + ":1:25: error: not UTF-8 text: byte 0x80 is not valid UTF-8 "
                + "here; this is a binary file, not a packit.yaml\n");
    }

    @Test
    void shouldSayASymbolicLinkLoopIsOneAndExitTwo() throws IOException {
        var loop = dir.resolve("loop.yaml");
        Files.createSymbolicLink(loop, dir.resolve("back.yaml"));
        Files.createSymbolicLink(dir.resolve("back.yaml"), loop);
        var dangling = Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("gone.yaml"));

        for (var command : List.of(List.of("validate"), List.of("plan"), List.of("graph"), List.of("render"),
                List.of("run", "--event", "pr", "--dry-run", "--no-bodhi"))) {
            var run = CommandRun.of(with(command, loop.toString()));
            var missing = CommandRun.of(with(command, dangling.toString()));

            assertThat(run.exitCode()).as("%s", command).isEqualTo(ExitCode.USAGE.code());
            assertThat(run.err()).as("%s", command)
                    .isEqualTo("packit-pipeline: " + loop + ": too many levels of symbolic links\n");
            assertThat(run.out()).as("%s", command).isEmpty();
            assertThat(missing.exitCode()).as("%s", command).isEqualTo(ExitCode.USAGE.code());
            assertThat(missing.err()).as("%s", command)
                    .isEqualTo("packit-pipeline: " + dangling + ": no such file or directory\n");
        }
    }

    @Test
    void shouldNameTheMissingDirectoryOfAnOutputFileAndWriteNothing() throws IOException {
        var file = write("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8));
        var missing = dir.resolve("missing");

        for (var args : List.of(List.of("plan", "-o"), List.of("graph", "--format", "html", "-o"), List.of("render", "-o"))) {
            var output = missing.resolve("out.txt");
            var run = CommandRun.of(with(args, output.toString(), file.toString()));

            assertThat(run.exitCode()).as("%s", args).isEqualTo(ExitCode.FAILURE.code());
            assertThat(run.err()).as("%s", args).isEqualTo("packit-pipeline: cannot write " + output + ": directory "
                    + missing + " does not exist\n");
            assertThat(run.out()).as("%s", args).isEmpty();
        }
        var state = missing.resolve("state.json");
        var run = runCommand(file, "--state", state.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.err()).isEqualTo("packit-pipeline: cannot write " + state + ": directory " + missing
                + " does not exist\n");
        assertThat(services.copr().buildIds()).isEmpty();
        assertThat(missing).doesNotExist();
    }

    @Test
    void shouldNameThePermissionDeniedAndThePathThatIsNoDirectory() throws IOException {
        var file = write("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8));
        var plainFile = write("plain.txt", new byte[0]);

        for (var args : List.of(List.of("plan", "-o"), List.of("graph", "-o"), List.of("render", "-o"))) {
            var denied = CommandRun.of(with(args, READ_ONLY.resolve("out.txt").toString(), file.toString()));
            var notDirectory = CommandRun.of(with(args, plainFile.resolve("out.txt").toString(), file.toString()));

            assertThat(denied.exitCode()).as("%s", args).isEqualTo(ExitCode.FAILURE.code());
            assertThat(denied.err()).as("%s", args).isEqualTo("packit-pipeline: cannot write " + READ_ONLY.resolve("out.txt")
                    + ": permission denied to create files in " + READ_ONLY + "\n");
            assertThat(notDirectory.err()).as("%s", args).isEqualTo("packit-pipeline: cannot write "
                    + plainFile.resolve("out.txt") + ": " + plainFile + " is not a directory\n");
        }
        var state = runCommand(file, "--state", READ_ONLY.resolve("state.json").toString());
        var junit = runCommand(file, "--junit", plainFile.resolve("junit").toString());
        var deniedJunit = runCommand(file, "--junit", READ_ONLY.resolve("junit").toString());

        assertThat(state.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(state.err()).isEqualTo("packit-pipeline: cannot write " + READ_ONLY.resolve("state.json")
                + ": permission denied to create files in " + READ_ONLY + "\n");
        assertThat(junit.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(junit.err()).isEqualTo("packit-pipeline: cannot create directory " + plainFile.resolve("junit")
                + ": " + plainFile + " is not a directory\n");
        assertThat(deniedJunit.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        // sysfs answers mkdir with EPERM, a directory without write permission with EACCES
        assertThat(deniedJunit.err()).matches("packit-pipeline: cannot create directory " + READ_ONLY.resolve("junit")
                + ": (permission denied|operation not permitted) in " + READ_ONLY + "\n");
        assertThat(services.copr().buildIds()).isEmpty();
        assertThat(services.farm().requestIds()).isEmpty();
    }

    @Test
    void shouldCheckTheOutputsOfTestingFarmAndReleaseTableBeforeAskingAnyService() throws IOException {
        var plainFile = write("plain.txt", new byte[0]);
        var key = write("tf-key", "secret".getBytes(StandardCharsets.UTF_8));
        var junit = plainFile.resolve("junit.xml");
        var table = dir.resolve("missing").resolve("releases.txt");

        var farm = CommandRun.of("testing-farm", "--api-key-file", key.toString(), "--tf-url",
                services.farm().apiUrl().toString(), "--compose", "Fedora-41", "--fmf-url", "https://github.com/acme/hello",
                "--wait", "--junit", junit.toString());
        var release = CommandRun.of("release-table", "--bodhi-url", "http://127.0.0.1:9", "-o", table.toString());

        assertThat(farm.exitCode()).as(farm.err()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(farm.err()).isEqualTo("packit-pipeline: cannot create directory " + plainFile + ": " + plainFile
                + " is not a directory\n");
        assertThat(services.farm().requestIds()).isEmpty();
        assertThat(release.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(release.err()).isEqualTo("packit-pipeline: cannot write " + table + ": directory "
                + table.getParent() + " does not exist\n");
    }

    @Test
    void shouldLeaveTheOldFileWhenANewOneCannotReplaceIt() throws IOException {
        var file = write("packit.yaml", CONFIG.getBytes(StandardCharsets.UTF_8));
        var output = Files.createDirectories(dir.resolve("out")).resolve("plan.txt");
        Files.createDirectories(output);

        var run = CommandRun.of("plan", file.toString(), "-o", output.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.err()).isEqualTo("packit-pipeline: cannot write " + output + ": " + output + " is a directory\n");
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertThat(left).as("no temporary file is left").containsExactly(output);
        }
    }

    @Test
    void shouldWarnThatAnEmptyFileRunsPackitsDefaultJobs() throws IOException {
        var empty = write("empty/.packit.yaml", new byte[0]);
        var comments = write("comments/.packit.yaml", "# nothing yet\n".getBytes(StandardCharsets.UTF_8));
        var warning = ": warning: the file is empty (no YAML in it, at most comments): Packit reads it as {} and runs its "
                + "default jobs, copr_build and tests on pull requests and propose_downstream on releases";

        for (var file : List.of(empty, comments)) {
            var validate = CommandRun.of("validate", file.toString());
            var plan = CommandRun.of("plan", file.toString(), "--event", "pr");

            assertThat(validate.exitCode()).as(validate.out()).isZero();
            assertThat(validate.out()).startsWith(file + warning + "\n")
                    .endsWith(file + ": valid: 1 package, 3 jobs, 1 warning\n");
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(plan.err().lines().filter(line -> line.startsWith(file.toString())))
                    .containsExactly(file + warning);
            assertThat(plan.out()).contains("copr_build:" + file.getParent().getFileName() + ":pull_request");
        }
    }

    @Test
    void shouldPrintTheStaleReleaseTableWarningOncePerCommand() throws IOException {
        var file = write("packit.yaml", BodhiAliasesTest.WITH_ALIAS.getBytes(StandardCharsets.UTF_8));

        for (var args : List.of(List.of("validate"), List.of("validate", "--format", "json"), List.of("plan"),
                List.of("plan", "--event", "pr"), List.of("graph"), List.of("render"),
                List.of("run", "--event", "pr", "--dry-run", "--no-bodhi"))) {
            var run = CommandRun.of(with(args, file.toString()));

            assertThat(run.exitCode()).as("%s: %s", args, run.err()).isZero();
            assertThat(run.err().lines().filter(line -> line.contains("release table"))).as("%s", args)
                    .singleElement().asString().startsWith("warning: the release table (bundled) release-table.txt "
                            + "dated 2025-11-15 is ").contains(" days old: aliases such as fedora-all may name ended");
        }
    }

    /** {@code run} for a pull request on the fake services, with everything it needs but what is tested. */
    private CommandRun runCommand(Path config, String... extra) throws IOException {
        var args = new ArrayList<>(List.of("run", config.toString(), "--event", "pr", "--pr-id", "1", "--commit",
                "9f1c2e7d", "--no-bodhi", "--copr-config", services.writeCoprConfig(dir).toString(),
                "--tf-api-key-file", services.writeTfKey(dir).toString(), "--tf-url", services.farm().apiUrl().toString(),
                "--poll-interval", "0.05", "--plain"));
        args.addAll(Arrays.asList(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private Path write(String name, byte[] content) throws IOException {
        var file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    private static String[] with(List<String> args, String... more) {
        var all = new ArrayList<>(args);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }
}
