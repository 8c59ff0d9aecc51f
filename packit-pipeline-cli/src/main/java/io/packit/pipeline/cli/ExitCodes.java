package io.packit.pipeline.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The exit codes a command returns, each with what it means for that command. The numbers come from
 * {@link ExitCode} only; {@link PackitPipelineCommand#commandLine()} turns this into the command's "Exit codes:"
 * help section, so help, README (checked by a test) and the code cannot drift apart.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface ExitCodes {
    /** The codes, in the order shown. */
    Meaning[] value();

    /** One exit code and what it means here. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Meaning {
        /** The code. */
        ExitCode code();

        /** What it means for this command. */
        String means();
    }
}
