package io.packit.pipeline.jenkins;

import hudson.AbortException;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.http.ApiException;

/**
 * How a core failure reaches the build log: the core's own exceptions carry a complete message for people (the
 * config problems with their positions, the HTTP call that failed, the stale Jenkinsfile), so they end the step
 * as an {@link AbortException} with that message and no stack trace; anything else is a bug and keeps its trace.
 */
final class PackitFailure {
    private PackitFailure() {
    }

    /** The throwable to fail a step with for {@code failure}. */
    static Throwable of(Throwable failure) {
        if (failure instanceof InvalidInputException || failure instanceof ApiException
                || failure instanceof IllegalArgumentException || failure instanceof IllegalStateException) {
            return new AbortException(failure.getMessage());
        }
        return failure;
    }
}
