package io.packit.pipeline.cli;


/** The entry point: the only class that exits the process. */
public final class Main {
    private Main() {
    }

    /** Runs {@code packit-pipeline} with {@code args} and exits with the command's status. */
    public static void main(String[] args) {
        System.exit(PackitPipelineCommand.commandLine().execute(args));
    }
}
