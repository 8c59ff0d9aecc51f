package io.packit.pipeline.bodhi;

import io.packit.pipeline.config.ReleaseTable;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The release table target aliases resolve against, where it came from, and what went wrong on the way (Bodhi
 * unreachable, a cache that could not be written).
 *
 * @param table    the table
 * @param origin   where it came from
 * @param warnings what callers should show, one line each; empty when all went well
 */
public record ResolvedReleaseTable(ReleaseTable table, Origin origin, List<String> warnings) {
    /** Where a table came from, in the order they are tried. */
    public enum Origin {
        /** Bodhi answered just now. */
        BODHI,
        /** Bodhi's answer of the last 12 hours, from the disk cache. */
        BODHI_CACHE,
        /** The {@code --release-table} file. */
        FILE,
        /** Bodhi's last answer, older than 12 hours, from the disk cache (Bodhi failed and no file was given). */
        BODHI_CACHE_EXPIRED,
        /** The table shipped in core. */
        BUNDLED;

        /** The lower-case, dashed name machines read: {@code bodhi-cache}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public ResolvedReleaseTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(origin, "origin");
        warnings = List.copyOf(warnings);
    }

    /** Without Bodhi: {@code file} when given (null when not), else the shipped table. */
    public static ResolvedReleaseTable offline(ReleaseTable file) {
        return file != null ? new ResolvedReleaseTable(file, Origin.FILE, List.of())
                : new ResolvedReleaseTable(ReleaseTable.bundled(), Origin.BUNDLED, List.of());
    }

    /** One line for outputs: {@code target aliases resolved with <source>, dated <date>}. */
    public String describe() {
        return "target aliases resolved with " + table.source() + ", dated " + table.date();
    }
}
