package io.packit.pipeline.cli;

import io.packit.pipeline.config.LoadOptions;
import io.packit.pipeline.config.LoadResult;
import io.packit.pipeline.config.PackitConfig;
import io.packit.pipeline.config.PackitConfigLoader;
import io.packit.pipeline.config.ReleaseTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * How a command reads its packit.yaml: the repository's name (Packit's default package name) and the release table
 * target aliases resolve against. Shared by every command that loads a config.
 */
final class ConfigLoading {
    @Option(names = "--repository", paramLabel = "NAME", defaultValue = "",
            description = "The repository's name, Packit's default for package names (default: the name of the "
                    + "directory holding the config).")
    String repository = "";

    @Option(names = "--release-table", paramLabel = "FILE",
            description = "Release table to resolve target aliases (fedora-all, epel-all, ...) with, instead of the "
                    + "one shipped (format in the README).")
    Path releaseTable;

    /** {@code given}, or the config found in the current directory under one of Packit's four names. */
    static Path configOrFound(Path given) {
        if (given != null) {
            return given;
        }
        return PackitConfigLoader.findConfig(Path.of("")).orElseThrow(() -> new CommandFailedException(ExitCode.USAGE,
                "no packit.yaml given and none of " + PackitConfigLoader.CONFIG_FILE_NAMES + " found here"));
    }

    private LoadOptions options;

    /** The loader options these flags ask for; the release table file is read once. */
    LoadOptions loadOptions() {
        if (options == null) {
            options = readOptions();
        }
        return options;
    }

    private LoadOptions readOptions() {
        var read = LoadOptions.defaults();
        if (releaseTable != null) {
            if (!Files.isRegularFile(releaseTable)) {
                throw new CommandFailedException(ExitCode.USAGE, "release table " + releaseTable + " is not a file");
            }
            read = read.withReleaseTable(ReleaseTable.load(releaseTable));
        }
        return repository.isEmpty() ? read : read.withRepositoryName(repository);
    }

    /** Loads {@code file}; when it resolved target aliases with a stale release table, says so on {@code err}. */
    LoadResult load(Path file, PrintWriter err) {
        var chosen = loadOptions();
        var result = new PackitConfigLoader(chosen).load(file);
        result.config().filter(ConfigLoading::usesAliases)
                .flatMap(config -> chosen.aliases().table().staleness(LocalDate.now()))
                .ifPresent(warning -> err.println("warning: " + warning));
        return result;
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
