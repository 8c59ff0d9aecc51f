package io.packit.pipeline.cli;

import io.packit.pipeline.Version;
import io.packit.pipeline.diag.InvalidInputException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code packit-pipeline}: the top-level command; every subcommand is registered here. */
@Command(
        name = "packit-pipeline",
        mixinStandardHelpOptions = true,
        versionProvider = PackitPipelineCommand.VersionProvider.class,
        description = {
            "Turns a Packit .packit.yaml into a job graph (SRPM -> Copr build -> Testing Farm tests per chroot),",
            "renders it as a declarative Jenkinsfile, and runs it against Copr and Testing Farm.",
            "",
            "Run 'packit-pipeline help COMMAND' for the options of one command."
        },
        subcommands = {CommandLine.HelpCommand.class, ValidateCommand.class, PlanCommand.class, GraphCommand.class,
            RenderCommand.class, CoprBuildCommand.class, TestingFarmCommand.class, RunCommand.class,
            ReleaseTableCommand.class})
public final class PackitPipelineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an unexpected error, print its stack trace too (for a bug report).")
    boolean stacktrace;

    /** A command line with every subcommand, our exception handling, exit codes and their help sections. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new PackitPipelineCommand());
        commandLine.setExecutionExceptionHandler(PackitPipelineCommand::handleException);
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.of(exception).code());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.FAILURE.code());
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            ExitCodes codes = sub.getCommandSpec().userObject().getClass().getAnnotation(ExitCodes.class);
            if (codes != null) {
                var list = new LinkedHashMap<String, String>();
                for (ExitCodes.Meaning meaning : codes.value()) {
                    list.put(Integer.toString(meaning.code().code()), meaning.means());
                }
                sub.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(list);
            }
        }
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ExitCode code = ExitCode.of(exception);
        if (exception instanceof InvalidInputException || exception instanceof CommandFailedException) {
            err.println(exception instanceof CommandFailedException ? "packit-pipeline: " + exception.getMessage()
                    : exception.getMessage());
        } else {
            err.println("packit-pipeline: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        }
        boolean expected = exception instanceof CommandFailedException || exception instanceof InvalidInputException
                || exception instanceof io.packit.pipeline.http.ApiException;
        if (wantsStacktrace(parseResult)) {
            exception.printStackTrace(err);
        } else if (!expected) {
            err.println("packit-pipeline: run again with --stacktrace for the stack trace");
        }
        err.flush();
        return code.code();
    }

    /** Whether {@code --stacktrace} was given, before or after the subcommand's name. */
    private static boolean wantsStacktrace(CommandLine.ParseResult parseResult) {
        for (var result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    /** Reads the version from core. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"packit-pipeline " + Version.current()};
        }
    }
}
