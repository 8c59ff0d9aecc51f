package io.packit.pipeline.cli;

import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.http.ApiException;
import picocli.CommandLine;

/** The exit codes of every command, in one place, and which exception ends a command with which code. */
public enum ExitCode {
    /** All went well: the config is valid, the run succeeded. */
    OK(0),
    /** The work ran and something failed (a build, a test, a stale Jenkinsfile). */
    FAILURE(1),
    /** The command line was wrong. */
    USAGE(2),
    /** The packit.yaml (or another input file) is invalid. */
    CONFIG_INVALID(3),
    /** A remote service (Copr, Testing Farm) failed in a way the command could not recover from. */
    REMOTE_ERROR(4),
    /** The run was cancelled (Ctrl-C): 128 + SIGINT. */
    CANCELLED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }

    /**
     * The code a command ends with when {@code exception} escapes it: a wrong command line is {@link #USAGE}, an
     * invalid input file {@link #CONFIG_INVALID}, a remote service's failure {@link #REMOTE_ERROR}, a
     * {@link CommandFailedException} its own code, anything else {@link #FAILURE}.
     */
    public static ExitCode of(Throwable exception) {
        if (exception instanceof CommandFailedException failed) {
            return failed.exitCode();
        }
        if (exception instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (exception instanceof InvalidInputException) {
            return CONFIG_INVALID;
        }
        if (exception instanceof ApiException) {
            return REMOTE_ERROR;
        }
        return FAILURE;
    }
}
