package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/**
 * What loading a packit.yaml gave: the config when it has no error, and every problem found (warnings too).
 *
 * @param config      the config; empty when any error was found
 * @param diagnostics all problems, sorted by position when read
 */
public record LoadResult(Optional<PackitConfig> config, Diagnostics diagnostics) {
    public LoadResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(diagnostics, "diagnostics");
    }

    /** Whether the file is valid (warnings allowed). */
    public boolean isValid() {
        return config.isPresent() && !diagnostics.hasErrors();
    }

    /** The config; throws {@link InvalidInputException} with every problem when the file is invalid. */
    public PackitConfig configOrThrow() {
        if (!isValid()) {
            throw new InvalidInputException(diagnostics);
        }
        return config.get();
    }
}
