package io.packit.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.packit.pipeline.copr.CoprApiException;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.SourcePosition;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ExitCodeTest {
    private static final ApiFailure FAILURE = new ApiFailure("GET", "https://copr.example/api_3/build/1", 503, "busy",
            false);

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Option(names = "--remote")
        boolean remote;

        @Override
        public void run() {
            if (remote) {
                throw new CoprApiException(FAILURE, null);
            }
            throw new IllegalStateException("the unexpected");
        }
    }

    private static CommandRun run(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        var commandLine = PackitPipelineCommand.commandLine().addSubcommand(new Boom());
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    @Test
    void shouldMapEachKindOfFailureToItsCode() {
        var diagnostics = new Diagnostics();
        diagnostics.error(SourcePosition.of("x.yaml"), "bad");

        assertThat(ExitCode.of(new CommandFailedException(ExitCode.CANCELLED, "stop"))).isEqualTo(ExitCode.CANCELLED);
        assertThat(ExitCode.of(new CommandLine.ParameterException(new CommandLine(new Boom()), "wrong")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new InvalidInputException(diagnostics))).isEqualTo(ExitCode.CONFIG_INVALID);
        assertThat(ExitCode.of(new ApiException(FAILURE, null))).isEqualTo(ExitCode.REMOTE_ERROR);
        assertThat(ExitCode.of(new CoprApiException(FAILURE, null))).isEqualTo(ExitCode.REMOTE_ERROR);
        assertThat(ExitCode.of(new IllegalStateException("bug"))).isEqualTo(ExitCode.FAILURE);
    }

    @Test
    void shouldNameAnUnexpectedErrorAndOfferTheStackTrace() {
        var run = run("boom");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(run.err()).isEqualTo("""
                packit-pipeline: IllegalStateException: the unexpected
                packit-pipeline: run again with --stacktrace for the stack trace
                """);
    }

    @Test
    void shouldPrintTheStackTraceWithTheOptionBeforeOrAfterTheCommand() {
        for (var args : new String[][] {{"boom", "--stacktrace"}, {"--stacktrace", "boom"}}) {
            var run = run(args);

            assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE.code());
            assertThat(run.err()).startsWith("packit-pipeline: IllegalStateException: the unexpected\n")
                    .contains("java.lang.IllegalStateException: the unexpected")
                    .contains("at io.packit.pipeline.cli.ExitCodeTest$Boom.run(ExitCodeTest.java:")
                    .doesNotContain("run again with --stacktrace");
        }
    }

    @Test
    void shouldExitFourWhenARemoteServiceFails() {
        var run = run("boom", "--remote");

        assertThat(run.exitCode()).isEqualTo(ExitCode.REMOTE_ERROR.code());
        assertThat(run.err()).isEqualTo("packit-pipeline: CoprApiException: GET https://copr.example/api_3/build/1 → "
                + "HTTP 503 Service Unavailable: \"busy\"\n");
    }

    @Test
    void shouldListEveryCommandsExitCodesFromExitCodeInItsHelp() {
        var commandLine = PackitPipelineCommand.commandLine();
        for (var entry : commandLine.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            var codes = entry.getValue().getCommandSpec().userObject().getClass().getAnnotation(ExitCodes.class);
            assertThat(codes).as("@ExitCodes of %s", entry.getKey()).isNotNull();
            var help = CommandRun.of(entry.getKey(), "--help");
            assertThat(help.out()).as(entry.getKey()).contains("Exit codes:");
            for (var meaning : codes.value()) {
                assertThat(help.out()).as(entry.getKey()).containsPattern(
                        "\\n\\s+" + meaning.code().code() + "\\s+" + Pattern.quote(meaning.means().split(" ")[0]));
            }
            assertThat(Arrays.stream(codes.value()).map(ExitCodes.Meaning::code)).as(entry.getKey())
                    .contains(ExitCode.OK, ExitCode.USAGE).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldMatchTheReadmesExitCodesOfEveryCommand() throws IOException {
        var readme = Files.readString(Path.of(System.getProperty("project.root", "..")).resolve("README.md"),
                StandardCharsets.UTF_8);
        var commandLine = PackitPipelineCommand.commandLine();
        for (var entry : commandLine.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            var section = readme.split("\n### packit-pipeline " + Pattern.quote(entry.getKey()) + "\n", 2);
            assertThat(section).as("README section of %s", entry.getKey()).hasSize(2);
            var body = section[1].split("\n### ", 2)[0];
            var paragraph = body.substring(body.indexOf("Exit codes:")).split("\n\n", 2)[0];
            Set<Integer> inReadme = Pattern.compile("`(\\d+)`").matcher(paragraph).results()
                    .map(match -> Integer.parseInt(match.group(1))).collect(Collectors.toCollection(TreeSet::new));
            var codes = entry.getValue().getCommandSpec().userObject().getClass().getAnnotation(ExitCodes.class);
            Set<Integer> inHelp = Arrays.stream(codes.value()).map(meaning -> meaning.code().code())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(inReadme).as("README exit codes of %s: %s", entry.getKey(), paragraph).isEqualTo(inHelp);
        }
        assertThat(new LinkedHashSet<>(Arrays.asList(ExitCode.values()))).allSatisfy(code ->
                assertThat(readme).contains("`" + code.code() + "`"));
    }
}
