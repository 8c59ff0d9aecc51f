package io.packit.pipeline.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding about user input, with where it is.
 *
 * <p>Prints GNU style: {@code .packit.yaml:14:5: error: unknown key 'trigerr' in jobs[2] (did you mean 'trigger'?)}.
 *
 * @param position where the problem is
 * @param severity error or warning
 * @param message  what is wrong, naming the offending value; no position, no severity prefix
 */
public record Problem(SourcePosition position, Severity severity, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::position)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** An error at {@code position}. */
    public static Problem error(SourcePosition position, String message) {
        return new Problem(position, Severity.ERROR, message);
    }

    /** A warning at {@code position}. */
    public static Problem warning(SourcePosition position, String message) {
        return new Problem(position, Severity.WARNING, message);
    }

    /** Whether this problem makes the input invalid. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: message}. */
    @Override
    public String toString() {
        var where = position.toString();
        return (where.isEmpty() ? "" : where + ": ") + severity.label() + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }
}
