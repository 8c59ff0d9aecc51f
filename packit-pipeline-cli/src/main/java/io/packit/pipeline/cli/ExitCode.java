package io.packit.pipeline.cli;

/** The exit codes of every command, in one place. */
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
}
