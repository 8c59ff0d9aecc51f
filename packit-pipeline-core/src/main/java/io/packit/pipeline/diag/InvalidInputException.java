package io.packit.pipeline.diag;

import java.util.List;
import java.util.Objects;

/**
 * Thrown once, after all problems of an input were collected, when any of them is an error.
 * The message is every problem, GNU style, one per line.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception carrying every problem of {@code diagnostics}. */
    public InvalidInputException(Diagnostics diagnostics) {
        super(Objects.requireNonNull(diagnostics, "diagnostics").format().strip());
        this.problems = diagnostics.problems();
    }

    /** All problems, sorted by position (warnings included). */
    public List<Problem> problems() {
        return problems;
    }
}
