package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.FileFailure;
import io.packit.pipeline.diag.SourcePosition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a packit.yaml: YAML with positions and safety limits, then every key checked at every level, then the
 * model with Packit's inheritance. Bad input never throws: all problems of the file come back in one
 * {@link LoadResult}, GNU style ({@code .packit.yaml:14:5: error: unknown key 'trigerr' in jobs[2] (did you mean
 * 'trigger'?)}).
 *
 * <pre>{@code
 * PackitConfig config = new PackitConfigLoader().load(Path.of(".packit.yaml")).configOrThrow();
 * }</pre>
 */
public final class PackitConfigLoader {
    /** The names Packit looks for, in its order of preference. */
    public static final List<String> CONFIG_FILE_NAMES = List.of(".packit.yaml", ".packit.yml", "packit.yaml", "packit.yml");

    private final LoadOptions options;

    /** A loader with the bundled release table and default limits. */
    public PackitConfigLoader() {
        this(LoadOptions.defaults());
    }

    /** A loader with {@code options}. */
    public PackitConfigLoader(LoadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The options. */
    public LoadOptions options() {
        return options;
    }

    /** The first of {@link #CONFIG_FILE_NAMES} that is a regular file in {@code directory}. */
    public static Optional<Path> findConfig(Path directory) {
        return CONFIG_FILE_NAMES.stream().map(directory::resolve).filter(Files::isRegularFile).findFirst();
    }

    /**
     * Loads {@code file}, named in problems as given. The file's directory stands for the repository: when the options
     * know no repository name, the directory's name is used (Packit's default package name of a single-package file
     * without {@code downstream_package_name}), and when they know no spec path, the first {@code *.spec} in it is
     * Packit's fallback for {@code specfile_path}.
     */
    public LoadResult load(Path file) {
        Objects.requireNonNull(file, "file");
        var displayName = file.toString();
        byte[] content;
        try {
            if (Files.size(file) > options.limits().maxBytes()) {
                var diagnostics = new Diagnostics();
                diagnostics.error(SourcePosition.of(displayName), "file is %d bytes, more than the limit of %d bytes"
                        .formatted(Files.size(file), options.limits().maxBytes()));
                return new LoadResult(Optional.empty(), diagnostics);
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(options.limits().maxBytes() + 1);
            }
        } catch (IOException unreadable) {
            var diagnostics = new Diagnostics();
            diagnostics.error(SourcePosition.of(displayName), "cannot read the file: " + FileFailure.reason(unreadable));
            return new LoadResult(Optional.empty(), diagnostics);
        }
        var effective = options;
        var directory = file.toAbsolutePath().normalize().getParent();
        var directoryName = directory == null ? null : directory.getFileName();
        if (options.repositoryName().isEmpty() && directoryName != null) {
            effective = effective.withRepositoryName(directoryName.toString());
        }
        if (options.specfileFallback().isEmpty()) {
            var spec = firstSpec(directory);
            if (spec.isPresent()) {
                effective = effective.withSpecfileFallback(spec.get());
            }
        }
        return new PackitConfigLoader(effective).load(displayName, content);
    }

    /** Loads {@code content}; {@code displayName} names the file in problems and in {@link PackitConfig#file()}. */
    public LoadResult load(String displayName, byte[] content) {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(content, "content");
        var diagnostics = new Diagnostics();
        var root = new YamlTreeReader(displayName, options.limits(), diagnostics).read(content);
        if (root.isEmpty()) {
            return new LoadResult(Optional.empty(), diagnostics);
        }
        var config = new ConfigAssembler(displayName, options, diagnostics).assemble(root.get(), digest(content));
        return new LoadResult(diagnostics.hasErrors() ? Optional.empty() : config, diagnostics);
    }

    private static Optional<String> firstSpec(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".spec")).sorted().findFirst();
        } catch (IOException | RuntimeException unlistable) {
            return Optional.empty();
        }
    }

    private static String digest(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", missing);
        }
    }
}
