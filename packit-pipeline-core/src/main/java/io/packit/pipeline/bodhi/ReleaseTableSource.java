package io.packit.pipeline.bodhi;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.diag.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Where target aliases resolve from, in this order: Bodhi's answer of the last 12 hours from the disk cache, else
 * Bodhi now (the answer then replaces the cache); when Bodhi fails, the {@code --release-table} file when given,
 * else Bodhi's last answer however old (as Packit's fedora-distro-aliases falls back to its cache), else the table
 * shipped in core. Packit keeps Bodhi's answer 12 hours too ({@code ttl_cache} of {@code get_aliases},
 * packit@69d783e8 {@code packit/config/aliases.py} line 42).
 *
 * <p>The cache is one file per Bodhi URL in the cache directory, in the release table format, written atomically;
 * its age is its modification time.
 */
public final class ReleaseTableSource {
    /** How long Bodhi's answer is used without asking again. */
    public static final Duration CACHE_LIFETIME = Duration.ofHours(12);

    private final BodhiClient bodhi;
    private final Path cacheDir;
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param bodhi    the Bodhi to ask
     * @param cacheDir the directory of the cache (created when first written)
     * @param clock    the clock that judges the cache's age and dates the tables
     */
    public ReleaseTableSource(BodhiClient bodhi, Path cacheDir, Clock clock) {
        this.bodhi = Objects.requireNonNull(bodhi, "bodhi");
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The source for callers that hold an OkHttp client, such as the Jenkins plugin: the standard retry policy, the
     * wall clock.
     *
     * @param client   the shared OkHttp client
     * @param bodhiUrl Bodhi's URL, e.g. {@link BodhiClient#PUBLIC_URL}
     * @param cacheDir the directory of the cache
     * @return the source
     */
    public static ReleaseTableSource create(OkHttpClient client, String bodhiUrl, Path cacheDir) {
        return new ReleaseTableSource(BodhiClient.create(client, bodhiUrl), cacheDir, Clock.systemUTC());
    }

    /**
     * Asks Bodhi now, without the cache.
     *
     * @return the table and what became of every release
     * @throws BodhiApiException when Bodhi failed or its answer is not the documented one
     */
    public BodhiReleaseTable fetch() {
        return BodhiReleaseTable.read(bodhi, clock);
    }

    /**
     * The table aliases resolve against, by the order of this class; never fails for Bodhi's sake.
     *
     * @param file the {@code --release-table} file, or null when none was given
     * @return the table, its origin, and warnings when Bodhi failed or the cache could not be written
     */
    public ResolvedReleaseTable resolve(@CheckForNull ReleaseTable file) {
        var cached = readCache();
        if (cached.isPresent() && cached.get().isFresh()) {
            return new ResolvedReleaseTable(cached.get().table(), ResolvedReleaseTable.Origin.BODHI_CACHE, List.of());
        }
        var warnings = new ArrayList<String>();
        try {
            var fetched = fetch().table();
            writeCache(fetched).ifPresent(warnings::add);
            return new ResolvedReleaseTable(fetched, ResolvedReleaseTable.Origin.BODHI, warnings);
        } catch (BodhiApiException failed) {
            warnings.add("Bodhi failed, target aliases fall back: " + failed.getMessage());
        }
        if (file != null) {
            return new ResolvedReleaseTable(file, ResolvedReleaseTable.Origin.FILE, warnings);
        }
        if (cached.isPresent()) {
            return new ResolvedReleaseTable(cached.get().table(), ResolvedReleaseTable.Origin.BODHI_CACHE_EXPIRED,
                    warnings);
        }
        return new ResolvedReleaseTable(ReleaseTable.bundled(), ResolvedReleaseTable.Origin.BUNDLED, warnings);
    }

    /** The cache file of this source's Bodhi URL. */
    public Path cacheFile() {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bodhi.url().getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("bodhi-releases-" + HexFormat.of().formatHex(digest, 0, 8) + ".txt");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    private Optional<Cached> readCache() {
        var file = cacheFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            var writtenAt = Files.getLastModifiedTime(file).toInstant();
            var table = ReleaseTable.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            var age = Duration.between(writtenAt, clock.instant());
            var fresh = !age.isNegative() && age.compareTo(CACHE_LIFETIME) < 0;
            var source = "Bodhi " + bodhi.url() + ", read " + writtenAt.truncatedTo(ChronoUnit.SECONDS)
                    + " (cached in " + file + (fresh ? "" : ", older than " + CACHE_LIFETIME.toHours() + " h") + ")";
            return Optional.of(new Cached(table.withSource(source), fresh));
        } catch (IOException | InvalidInputException unusable) {
            // an unreadable or damaged cache is as good as none: Bodhi is asked and the file replaced
            return Optional.empty();
        }
    }

    private Optional<String> writeCache(ReleaseTable table) {
        try {
            table.writeTo(cacheFile(), List.of("Bodhi's releases as read from " + bodhi.url() + " by packit-pipeline;",
                    "target aliases use this file for " + CACHE_LIFETIME.toHours() + " hours after it was written"));
            // the file's age is judged on this source's clock
            Files.setLastModifiedTime(cacheFile(), FileTime.from(clock.instant()));
            return Optional.empty();
        } catch (IOException failed) {
            return Optional.of("cannot cache Bodhi's answer in " + cacheFile() + ": " + failed.getMessage());
        } catch (UncheckedIOException failed) {
            return Optional.of("cannot cache Bodhi's answer: " + failed.getMessage());
        }
    }

    private record Cached(ReleaseTable table, boolean isFresh) {
    }
}
