package io.packit.pipeline.cli;

import io.packit.pipeline.Version;
import io.packit.pipeline.diag.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    /** A command line with every subcommand, our exception handling and exit codes. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new PackitPipelineCommand());
        commandLine.setExecutionExceptionHandler(PackitPipelineCommand::handleException);
        commandLine.setExitCodeExceptionMapper(exception -> ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCode.FAILURE.code());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handleException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof InvalidInputException invalid) {
            err.println(invalid.getMessage());
            return ExitCode.CONFIG_INVALID.code();
        }
        if (exception instanceof CommandFailedException failed) {
            err.println("packit-pipeline: " + failed.getMessage());
            return failed.exitCode().code();
        }
        err.println("packit-pipeline: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        if (Boolean.getBoolean("packit.stacktrace")) {
            exception.printStackTrace(err);
        }
        return ExitCode.FAILURE.code();
    }

    /** Reads the version from core. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"packit-pipeline " + Version.current()};
        }
    }
}
