package io.packit.pipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The commit checked out in a directory, asked of git. */
final class GitHead {
    private GitHead() {
    }

    /** {@code git rev-parse HEAD} in {@code dir}; empty when git or the repository is missing. */
    static Optional<String> of(Path dir) {
        try {
            var process = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile())
                    .redirectErrorStream(false).start();
            process.getOutputStream().close();
            var sha = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || !sha.matches("[0-9a-f]{40}")) {
                process.destroy();
                return Optional.empty();
            }
            return Optional.of(sha);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
