package io.packit.pipeline.bodhi;

import io.packit.pipeline.bodhi.ResolvedReleaseTable.Origin;
import io.packit.pipeline.config.ReleaseTable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The release table a CI build resolved its target aliases with, kept with the build as plain strings (Jenkins
 * keeps them in {@code build.xml}), so that the build, once resumed or replayed, resolves the same chroots
 * whatever Bodhi says by then.
 *
 * @param origin where the table came from ({@link Origin#key()}: {@code bodhi}, {@code bodhi-cache}, …)
 * @param source the table's source, as outputs name it
 * @param date   the day the table was true ({@code YYYY-MM-DD})
 * @param text   the table in the release table format ({@link ReleaseTable#parse})
 */
public record RecordedReleaseTable(String origin, String source, String date, String text) {
    public RecordedReleaseTable {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
    }

    /** The record of {@code resolved}. */
    public static RecordedReleaseTable of(ResolvedReleaseTable resolved) {
        var table = resolved.table();
        return new RecordedReleaseTable(resolved.origin().key(), table.source(), table.date().toString(),
                table.text(List.of()));
    }

    /**
     * The table again, as it was when recorded.
     *
     * @throws io.packit.pipeline.diag.InvalidInputException when the text is not a release table (a damaged record)
     */
    public ReleaseTable table() {
        return ReleaseTable.parse("the release table recorded with the build", text).withSource(source);
    }

    /** One line for the log: {@code target aliases resolved with <source>, dated <date> (<origin>)}. */
    public String describe() {
        return "target aliases resolved with " + source + ", dated " + date + " (" + origin + ")";
    }

    /**
     * What a CI build's log says of the table it just resolved: which table, then one {@code WARNING:} line for
     * each problem on the way (Bodhi unreachable, a cache that could not be written), for an offline fallback (Bodhi's
     * answer older than 12 hours, or the table shipped with the product), and for a table older than
     * {@link ReleaseTable#STALE_AFTER_DAYS} days on {@code today}.
     *
     * @param resolved what {@link ReleaseTableSource#resolve} gave
     * @param today    the day to judge the table's age by
     * @return the lines, the first one {@link #describe()}
     */
    public static List<String> logLines(ResolvedReleaseTable resolved, LocalDate today) {
        var lines = new ArrayList<String>();
        lines.add(of(resolved).describe());
        resolved.warnings().forEach(warning -> lines.add("WARNING: " + warning));
        var origin = resolved.origin();
        if (origin == Origin.BODHI_CACHE_EXPIRED) {
            lines.add("WARNING: offline fallback: Bodhi's last answer, older than "
                    + ReleaseTableSource.CACHE_LIFETIME.toHours() + " hours, is used");
        } else if (origin == Origin.BUNDLED) {
            lines.add("WARNING: offline fallback: the release table shipped with packit-pipeline is used");
        }
        var days = ChronoUnit.DAYS.between(resolved.table().date(), today);
        if (days > ReleaseTable.STALE_AFTER_DAYS) {
            lines.add("WARNING: that table is " + days + " days old: aliases such as fedora-all may name ended"
                    + " releases and miss new ones");
        }
        return lines;
    }
}
