package io.packit.pipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in process, capturing stdout, stderr and the exit code. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = PackitPipelineCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }
}
