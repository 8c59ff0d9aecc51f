package io.packit.pipeline.forge;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Objects;

/**
 * One status on the forge: what a GitHub check run or a GitLab commit status shows for one chroot of a build or
 * one Testing Farm target.
 *
 * @param name        the status's name, as Packit names it ({@link StatusNames})
 * @param phase       queued, in progress or completed
 * @param conclusion  {@link Conclusion#NONE} until completed, then how it ended
 * @param title       a few words: {@code RPM build succeeded}
 * @param summary     one line: what happened, with the reason of a failure or a skip
 * @param detailsUrl  the run's page, or empty when the caller knows no URL for it
 * @param startedAt   when the work behind it started; null before
 * @param completedAt when it completed, when known; null unless completed
 */
public record ForgeStatus(
        String name,
        Phase phase,
        Conclusion conclusion,
        String title,
        String summary,
        String detailsUrl,
        @CheckForNull Instant startedAt,
        @CheckForNull Instant completedAt) {
    /** The longest summary kept; longer ones are cut with an ellipsis (a reason can be a long service message). */
    public static final int MAX_SUMMARY = 400;

    /** Where a status stands. */
    public enum Phase {
        QUEUED,
        IN_PROGRESS,
        COMPLETED
    }

    /** How a completed status ended. */
    public enum Conclusion {
        /** Not completed yet. */
        NONE,
        SUCCESS,
        FAILURE,
        /** Not run for this event (the plan's reason: {@code unchanged}, {@code manual job not requested}). */
        NEUTRAL,
        /** Not run because something it needs failed; the summary names the root cause. */
        SKIPPED,
        CANCELLED
    }

    public ForgeStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(conclusion, "conclusion");
        Objects.requireNonNull(title, "title");
        summary = oneLine(Objects.requireNonNull(summary, "summary"));
        Objects.requireNonNull(detailsUrl, "detailsUrl");
        if ((phase == Phase.COMPLETED) != (conclusion != Conclusion.NONE)) {
            throw new IllegalArgumentException("a status has a conclusion exactly when it is completed: " + phase
                    + " " + conclusion);
        }
        if (completedAt != null && phase != Phase.COMPLETED) {
            throw new IllegalArgumentException("only a completed status has a completion time");
        }
    }

    /**
     * The summary as Markdown text (GitHub renders a check's summary as Markdown): every character Markdown or HTML
     * could read as markup is escaped, so a reason from a service or from {@code .packit.yaml} stays text.
     */
    public String summaryMarkdown() {
        var out = new StringBuilder(summary.length() + 16);
        for (var i = 0; i < summary.length(); i++) {
            var c = summary.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '~', ':', '@',
                        '"', '\'', '=' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        var flat = text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
        return flat.length() <= MAX_SUMMARY ? flat : flat.substring(0, MAX_SUMMARY - 1) + "…";
    }
}
