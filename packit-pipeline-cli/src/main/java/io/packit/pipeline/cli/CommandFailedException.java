package io.packit.pipeline.cli;

import java.util.Objects;

/** A command could not do its work; the message is printed without a stack trace and the code is the exit status. */
public class CommandFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    /** Fails with {@code exitCode} and a message saying what went wrong and with which values. */
    public CommandFailedException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** Fails with {@code exitCode}, keeping the cause. */
    public CommandFailedException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    /** The exit status to use. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
