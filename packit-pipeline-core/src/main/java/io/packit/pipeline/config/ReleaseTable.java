package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import io.packit.pipeline.diag.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Fedora and EPEL releases that target aliases resolve against, offline, with the day the table was true.
 * One is shipped in core ({@link #bundled()}); a user can give their own file in the same format
 * (see the shipped {@code release-table.txt}).
 */
public final class ReleaseTable {
    private static final String RESOURCE = "release-table.txt";
    private static final Pattern VERSION = Pattern.compile("rawhide|\\d+(\\.\\d+)?");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+");

    /** Fedora by version (Rawhide last), then EPEL by major and minor version. */
    private static final Comparator<Release> ORDER = Comparator.comparing(Release::distro, Comparator.reverseOrder())
            .thenComparing(Release::isRawhide)
            .thenComparingInt(Release::major)
            .thenComparingInt(Release::minor);

    private final String source;
    private final LocalDate date;
    private final List<Release> releases;

    private ReleaseTable(String source, LocalDate date, List<Release> releases) {
        this.source = source;
        this.date = date;
        this.releases = List.copyOf(releases);
    }

    /** The table shipped in core. */
    public static ReleaseTable bundled() {
        try (InputStream in = ReleaseTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("release table resource " + RESOURCE + " is missing from core");
            }
            return parse("(bundled) " + RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the bundled release table " + RESOURCE, unreadable);
        }
    }

    /**
     * A table made from releases read elsewhere (Bodhi), sorted as {@link #parse} sorts.
     *
     * @param source   where the releases came from, as outputs name it
     * @param date     the day the releases were true
     * @param releases at least one release
     */
    public static ReleaseTable of(String source, LocalDate date, List<Release> releases) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(date, "date");
        if (releases.isEmpty()) {
            throw new IllegalArgumentException("a release table needs at least one release");
        }
        var sorted = new ArrayList<>(releases);
        sorted.sort(ORDER);
        return new ReleaseTable(source, date, sorted);
    }

    /** The table in {@code file}; problems are thrown together as an {@link InvalidInputException}. */
    public static ReleaseTable load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            var diagnostics = new Diagnostics();
            diagnostics.error(SourcePosition.of(file.toString()), "cannot read release table: " + unreadable.getMessage());
            throw new InvalidInputException(diagnostics);
        }
    }

    /** Parses a table; {@code displayName} names it in problems. */
    public static ReleaseTable parse(String displayName, String text) {
        var diagnostics = new Diagnostics();
        LocalDate date = null;
        var releases = new ArrayList<Release>();
        var lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var where = new SourcePosition(displayName, i + 1, 1);
            var fields = line.split("\\s+");
            if (fields[0].equals("date") && fields.length == 2) {
                try {
                    date = LocalDate.parse(fields[1]);
                } catch (DateTimeParseException notADate) {
                    diagnostics.error(where, "invalid date '" + fields[1] + "' (expected YYYY-MM-DD)");
                }
            } else if (fields.length == 4 && (fields[0].equals("fedora") || fields[0].equals("epel"))
                    && VERSION.matcher(fields[1]).matches() && BRANCH.matcher(fields[2]).matches()
                    && (fields[3].equals("stable") || fields[3].equals("development"))) {
                releases.add(new Release(fields[0], fields[1], fields[2], fields[3].equals("stable")));
            } else {
                diagnostics.error(where, "expected 'date YYYY-MM-DD' or '<fedora|epel> <version> <branch> "
                        + "<stable|development>', got '" + YamlScalar.abbreviated(line) + "'");
            }
        }
        if (date == null && !diagnostics.hasErrors()) {
            diagnostics.error(SourcePosition.of(displayName), "release table has no 'date YYYY-MM-DD' line");
        }
        if (releases.isEmpty() && !diagnostics.hasErrors()) {
            diagnostics.error(SourcePosition.of(displayName), "release table lists no release");
        }
        if (diagnostics.hasErrors()) {
            throw new InvalidInputException(diagnostics);
        }
        releases.sort(ORDER);
        return new ReleaseTable(displayName, date, releases);
    }

    /** This table under another source name (a cached Bodhi answer read back names Bodhi and the cache). */
    public ReleaseTable withSource(String newSource) {
        return new ReleaseTable(Objects.requireNonNull(newSource, "newSource"), date, releases);
    }

    /**
     * The table in the format {@link #parse} reads: the {@code comments} as {@code #} lines, the date, one line per
     * release.
     */
    public String text(List<String> comments) {
        var text = new StringBuilder();
        for (var comment : comments) {
            text.append("# ").append(comment).append('\n');
        }
        text.append("date ").append(date).append('\n');
        for (var release : releases) {
            text.append(release.distro()).append(' ').append(release.version()).append(' ').append(release.branch())
                    .append(' ').append(release.stable() ? "stable" : "development").append('\n');
        }
        return text.toString();
    }

    /**
     * Writes {@link #text} to {@code file} atomically: a temporary file beside it is moved over it, so a failure
     * leaves the previous file (or none) intact.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void writeTo(Path file, List<String> comments) {
        var absolute = file.toAbsolutePath();
        var directory = absolute.getParent();
        var name = absolute.getFileName();
        if (directory == null || name == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        try {
            Files.createDirectories(directory);
            var temp = Files.createTempFile(directory, name + ".", ".tmp");
            try {
                Files.writeString(temp, text(comments), StandardCharsets.UTF_8);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the release table " + file + ": " + failed.getMessage(), failed);
        }
    }

    /** Where the table came from. */
    public String source() {
        return source;
    }

    /** The day the table was true. */
    public LocalDate date() {
        return date;
    }

    /** Past this age a table is likely to name ended releases and miss new ones (Fedora releases every 6 months). */
    public static final int STALE_AFTER_DAYS = 180;

    /**
     * A warning when the table is older than {@link #STALE_AFTER_DAYS} on {@code today}: target aliases such as
     * {@code fedora-all} then resolve to chroots Copr may no longer have, and miss new releases.
     *
     * @param today the day to judge by
     * @return the warning, or empty when the table is recent enough
     */
    public Optional<String> staleness(LocalDate today) {
        Objects.requireNonNull(today, "today");
        long days = ChronoUnit.DAYS.between(date, today);
        if (days <= STALE_AFTER_DAYS) {
            return Optional.empty();
        }
        return Optional.of("the release table " + source + " dated " + date + " is " + days
                + " days old: aliases such as fedora-all may name ended releases and miss new ones; "
                + "pass --release-table FILE written by 'packit-pipeline release-table', or --bodhi-url URL");
    }

    /** All releases: Fedora by version (Rawhide last), then EPEL by version. */
    public List<Release> releases() {
        return releases;
    }

    /** The releases of {@code distro}. */
    public List<Release> releasesOf(String distro) {
        Objects.requireNonNull(distro, "distro");
        return releases.stream().filter(release -> release.distro().equals(distro)).toList();
    }

    @Override
    public String toString() {
        return "release table " + source + " of " + date;
    }
}
