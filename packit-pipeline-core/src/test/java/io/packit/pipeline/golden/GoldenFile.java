package io.packit.pipeline.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file (UTF-8). With {@code -Dgolden.update=true} the file is written first, so the
 * comparison passes and {@code git diff} shows what changed: review it before committing.
 */
public final class GoldenFile {
    /** The system property that rewrites golden files. */
    public static final String UPDATE = "golden.update";

    private GoldenFile() {
    }

    /** Asserts that {@code golden} holds exactly {@code actual} (after writing it there when updating). */
    public static void assertMatches(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean(UPDATE)) {
            var parent = golden.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file %s (run with -D%s=true to create it)", golden, UPDATE).exists();
        assertThat(actual).as("golden file %s is stale (run with -D%s=true and review the diff)", golden, UPDATE)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
