package io.packit.pipeline.cli;

import java.util.List;

/**
 * A unified diff of two texts with one hunk: the lines between their common beginning and common end, with up
 * to three lines of context.
 */
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
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int from = Math.max(0, prefix - CONTEXT);
        int aEnd = Math.min(a.size(), a.size() - suffix + CONTEXT);
        int bEnd = Math.min(b.size(), b.size() - suffix + CONTEXT);
        var out = new StringBuilder();
        out.append("--- ").append(beforeName).append('\n').append("+++ ").append(afterName).append('\n');
        out.append("@@ -").append(from + 1).append(',').append(aEnd - from).append(" +").append(from + 1).append(',')
                .append(bEnd - from).append(" @@\n");
        for (int i = from; i < prefix; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < a.size() - suffix; i++) {
            out.append('-').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < b.size() - suffix; i++) {
            out.append('+').append(b.get(i)).append('\n');
        }
        for (int i = a.size() - suffix; i < aEnd; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        return out.toString();
    }
}
