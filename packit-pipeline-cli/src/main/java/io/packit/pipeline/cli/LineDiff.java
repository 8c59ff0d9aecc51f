package io.packit.pipeline.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified diff of two texts (java-diff-utils), a hunk per change with three lines of context. */
final class LineDiff {
    private static final int CONTEXT = 3;

    private LineDiff() {
    }

    /** The diff from {@code before} to {@code after}; empty when they are equal. */
    static String of(String beforeName, String before, String afterName, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, a, DiffUtils.diff(a, b), CONTEXT);
        return diff.isEmpty() ? "" : String.join("\n", diff) + "\n";
    }
}
