package io.packit.pipeline.cli;

import io.packit.pipeline.bodhi.BodhiClient;
import io.packit.pipeline.bodhi.ReleaseTableSource;
import io.packit.pipeline.bodhi.ResolvedReleaseTable;
import io.packit.pipeline.config.LoadOptions;
import io.packit.pipeline.config.LoadResult;
import io.packit.pipeline.config.OfferedChroots;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.ReleaseTable;
import io.packit.pipeline.copr.CoprClient;
import io.packit.pipeline.copr.CoprConfig;
import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.FileFailure;
import io.packit.pipeline.http.ApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How a command reads its packit.yaml: the repository's name (Packit's default package name) and the release table
 * target aliases resolve against — Bodhi (cached 12 hours), the {@code --release-table} file, the shipped table, in
 * that order. Shared by every command that loads a config.
 */
final class ConfigLoading {
    @Option(names = "--repository", paramLabel = "NAME", defaultValue = "",
            description = "The repository's name, Packit's default for package names (default: the name of the "
                    + "directory holding the config).")
    String repository = "";

    @Option(names = "--release-table", paramLabel = "FILE",
            description = "Release table to resolve target aliases (fedora-all, epel-all, ...) with when Bodhi is not "
                    + "asked or fails, instead of the one shipped (format in the README; 'release-table' writes one).")
    Path releaseTable;

    @Option(names = "--bodhi-url", paramLabel = "URL",
            description = "Resolve target aliases from the releases of this Bodhi, as Packit does, keeping its answer "
                    + "12 hours; asked only when the config uses aliases (run asks " + BodhiClient.PUBLIC_URL
                    + " unless --no-bodhi; the other commands only when given this).")
    String bodhiUrl;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where Bodhi's answer is kept (default: $XDG_CACHE_HOME/packit-pipeline, else "
                    + "~/.cache/packit-pipeline).")
    Path cacheDir;

    private boolean bodhiByDefault;
    private String chrootCheckUrl;
    private ResolvedReleaseTable offline;
    private ResolvedReleaseTable resolved;
    private boolean announced;

    /** Makes Bodhi the first source even without {@code --bodhi-url} ({@code run}), for configs that use aliases. */
    void askBodhiByDefault() {
        bodhiByDefault = true;
    }

    /** After loading, warns about resolved chroots the Copr at {@code coprUrl} does not offer. */
    void checkChrootsAgainst(String coprUrl) {
        chrootCheckUrl = coprUrl;
    }

    /**
     * {@code given}, or the config found in the current directory under one of Packit's four names; a given path
     * that cannot be opened (missing, a symbolic link loop, a directory) fails with exit 2 naming why.
     */
    static Path configOrFound(Path given) {
        if (given != null) {
            return openable(given);
        }
        return PackitConfigLoader.findConfig(Path.of("")).orElseThrow(() -> new CommandFailedException(ExitCode.USAGE,
                "no packit.yaml given and none of " + PackitConfigLoader.CONFIG_FILE_NAMES + " found here"));
    }

    /** {@code file} when it names something a config can be read from; else fails with exit 2 saying why not. */
    static Path openable(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException failed) {
            throw new CommandFailedException(ExitCode.USAGE, file + ": " + FileFailure.reason(failed), failed);
        }
        if (Files.isDirectory(real)) {
            throw new CommandFailedException(ExitCode.USAGE, file + ": is a directory, not a packit.yaml");
        }
        return file;
    }

    /**
     * The release table the last {@link #load} resolved aliases against and where it came from: Bodhi's when the
     * config uses aliases and Bodhi is asked, else the {@code --release-table} file or the shipped table.
     */
    ResolvedReleaseTable releases() {
        return resolved != null ? resolved : offline();
    }

    /** Without Bodhi: the {@code --release-table} file, else the shipped table. */
    private ResolvedReleaseTable offline() {
        if (offline == null) {
            offline = ResolvedReleaseTable.offline(releaseTableFile());
        }
        return offline;
    }

    /** The {@code --release-table} file's table, null when none is given. */
    private ReleaseTable releaseTableFile() {
        if (releaseTable == null) {
            return null;
        }
        if (!Files.isRegularFile(releaseTable)) {
            throw new CommandFailedException(ExitCode.USAGE, "release table " + releaseTable + " is not a file");
        }
        return ReleaseTable.load(releaseTable);
    }

    /** The Bodhi to ask for configs that use aliases, or empty when Bodhi is not to be asked. */
    private Optional<BodhiClient> bodhi() {
        var url = bodhiUrl != null ? bodhiUrl : bodhiByDefault ? BodhiClient.PUBLIC_URL : null;
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BodhiClient.connect(url));
        } catch (IllegalArgumentException badUrl) {
            throw new CommandFailedException(ExitCode.USAGE, "--bodhi-url: " + badUrl.getMessage(), badUrl);
        }
    }

    /** Bodhi's table, or the file or shipped table when Bodhi fails (with a warning saying so). */
    private ResolvedReleaseTable fromBodhi(BodhiClient bodhi) {
        return new ReleaseTableSource(bodhi, cacheDirectory(), Clock.systemUTC()).resolve(
                offline().origin() == ResolvedReleaseTable.Origin.FILE ? offline().table() : null);
    }

    private LoadOptions loadOptions(ReleaseTable table) {
        var read = LoadOptions.defaults().withReleaseTable(table);
        return repository.isEmpty() ? read : read.withRepositoryName(repository);
    }

    /** {@code --cache-dir}, else {@code $XDG_CACHE_HOME/packit-pipeline}, else {@code ~/.cache/packit-pipeline}. */
    Path cacheDirectory() {
        if (cacheDir != null) {
            return cacheDir;
        }
        return defaultCacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    static Path defaultCacheDirectory(Map<String, String> environment, Path home) {
        var xdg = environment.getOrDefault("XDG_CACHE_HOME", "");
        // the XDG base directory spec ignores a relative path
        var base = !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("packit-pipeline");
    }

    /**
     * Loads {@code file}, resolving its target aliases against Bodhi only when it uses aliases (and Bodhi is asked:
     * {@code --bodhi-url}, or {@code run} without {@code --no-bodhi}). On {@code err}, once per command however often
     * it loads: why Bodhi was not used when it was asked; when target aliases were resolved, which table they used
     * (a warning when it is stale). With a chroot check, the chroots Copr does not offer (also in the returned
     * diagnostics).
     */
    LoadResult load(Path file, PrintWriter err) {
        var bodhi = bodhi();
        var table = offline();
        var result = new PackitConfigLoader(loadOptions(table.table())).load(file);
        var aliases = result.config().filter(ConfigLoading::usesAliases).isPresent();
        if (aliases && bodhi.isPresent()) {
            table = fromBodhi(bodhi.get());
            result = new PackitConfigLoader(loadOptions(table.table())).load(file);
        }
        resolved = table;
        if (!announced) {
            announced = true;
            table.warnings().forEach(warning -> err.println("warning: " + warning));
            if (aliases) {
                var stale = table.table().staleness(LocalDate.now());
                err.println(stale.map(warning -> "warning: " + warning).orElse(table.describe()));
            }
        }
        if (chrootCheckUrl != null && result.config().isPresent()) {
            var diagnostics = new Diagnostics();
            diagnostics.addAll(result.diagnostics());
            var config = result.configOrThrow();
            offeredChroots(err).ifPresent(offered -> diagnostics.addAll(offered.check(config)));
            result = new LoadResult(result.config(), diagnostics);
        }
        return result;
    }

    private Optional<OfferedChroots> offeredChroots(PrintWriter err) {
        var url = chrootCheckUrl.endsWith("/") ? chrootCheckUrl.substring(0, chrootCheckUrl.length() - 1) : chrootCheckUrl;
        try {
            var names = CoprClient.connect(CoprConfig.anonymous(url)).mockChroots().keySet();
            return Optional.of(new OfferedChroots(url, names));
        } catch (ApiException failed) {
            err.println("warning: chroots not checked: " + failed.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException badUrl) {
            throw new CommandFailedException(ExitCode.USAGE, "--copr-url: " + badUrl.getMessage(), badUrl);
        }
    }

    /** Whether any target of {@code config} was an alias (or defaulted to one) rather than a chroot. */
    static boolean usesAliases(PackitConfig config) {
        return config.jobs().stream()
                .flatMap(job -> job.perPackage().values().stream())
                .map(settings -> settings.targets())
                .anyMatch(targets -> targets.written().isEmpty() && !targets.chroots().isEmpty()
                        || targets.written().keySet().stream().anyMatch(target -> !targets.chroots().containsKey(target)));
    }
}
