package io.packit.pipeline.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects {@link Problem}s while input is judged, so that every problem of a file is reported in one pass.
 *
 * <p>Duplicates (same position, severity and message) are kept once. A cap protects against input that would
 * produce an unbounded number of problems; past it, one last error says how many were dropped.
 */
public final class Diagnostics {
    /** Default cap on the number of problems recorded. */
    public static final int DEFAULT_LIMIT = 1000;

    private final Set<Problem> problems = new LinkedHashSet<>();
    private final int limit;
    private int dropped;

    /** Diagnostics with the {@link #DEFAULT_LIMIT}. */
    public Diagnostics() {
        this(DEFAULT_LIMIT);
    }

    /** Diagnostics recording at most {@code limit} problems. */
    public Diagnostics(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Records an error. */
    public void error(SourcePosition position, String message) {
        add(Problem.error(position, message));
    }

    /** Records a warning. */
    public void warning(SourcePosition position, String message) {
        add(Problem.warning(position, message));
    }

    /** Records a problem. */
    public void add(Problem problem) {
        if (problems.contains(problem)) {
            return;
        }
        if (problems.size() >= limit) {
            dropped++;
            return;
        }
        problems.add(problem);
    }

    /** Records all problems of {@code other}. */
    public void addAll(Diagnostics other) {
        other.problems().forEach(this::add);
    }

    /** Whether any error was recorded. */
    public boolean hasErrors() {
        return dropped > 0 || problems.stream().anyMatch(Problem::isError);
    }

    /** Whether nothing at all was recorded. */
    public boolean isEmpty() {
        return problems.isEmpty() && dropped == 0;
    }

    /** How many problems were not recorded because the cap was reached. */
    public int droppedCount() {
        return dropped;
    }

    /** All problems, sorted by position. */
    public List<Problem> problems() {
        var sorted = new ArrayList<>(problems);
        sorted.sort(null);
        return List.copyOf(sorted);
    }

    /** Only the errors, sorted by position. */
    public List<Problem> errors() {
        return problems().stream().filter(Problem::isError).toList();
    }

    /** Only the warnings, sorted by position. */
    public List<Problem> warnings() {
        return problems().stream().filter(problem -> !problem.isError()).toList();
    }

    /** Every problem on its own line, GNU style, sorted by position; plus a line on dropped problems. */
    public String format() {
        var text = new StringBuilder();
        for (var problem : problems()) {
            text.append(problem).append('\n');
        }
        if (dropped > 0) {
            text.append("error: ").append(dropped).append(" more problems not shown\n");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
