package io.packit.pipeline.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a source file: the file as the user named it, a 1-based line and a 1-based column.
 *
 * <p>{@link #UNKNOWN} stands for "somewhere in the file" (line and column 0); it prints as the file name alone.
 *
 * @param file   the file as the user named it (never absolute unless the user gave it so)
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {
    /** Orders by file, then line, then column. */
    public static final Comparator<SourcePosition> ORDER = Comparator.comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line)
            .thenComparingInt(SourcePosition::column);

    /** A position of unknown file and place. */
    public static final SourcePosition UNKNOWN = new SourcePosition("", 0, 0);

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0, got %d:%d".formatted(line, column));
        }
    }

    /** A position in the whole of {@code file}, without line and column. */
    public static SourcePosition of(String file) {
        return new SourcePosition(file, 0, 0);
    }

    /** Whether a line is known. */
    public boolean hasLine() {
        return line > 0;
    }

    /** {@code file:line:column}, {@code file:line} or {@code file}, whichever is known. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        if (column == 0) {
            return file + ":" + line;
        }
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }
}
