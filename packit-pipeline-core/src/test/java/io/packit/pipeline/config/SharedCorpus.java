package io.packit.pipeline.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find {@code shared/corpus}, the real packit.yaml files: shared data beside the checkout, not part
 * of the project. The one place that resolves it is the {@code shared.dir} system property, which the POM sets to
 * {@code ../shared} next to the checkout (override with {@code -Dshared.dir=/path/to/shared}). A test that needs the
 * corpus calls {@link #directory()}: without the corpus it is skipped with a one-line reason, except on CI
 * ({@code CI=true}), which has the corpus and where its absence fails the test.
 */
public final class SharedCorpus {
    /** The system property naming the shared folder. */
    public static final String PROPERTY = "shared.dir";

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private SharedCorpus() {
    }

    /**
     * Returns the corpus folder, or skips the calling test (fails it on CI) when there is none.
     *
     * @return the {@code corpus} folder, which holds {@code INDEX.tsv}
     */
    public static Path directory() {
        String reason = absence();
        if (reason != null) {
            if (isCi()) {
                Assertions.fail("CI=true but " + reason + "; CI must run the corpus tests");
            }
            if (TOLD.compareAndSet(false, true)) {
                // once per test JVM, so the console says why the corpus tests did not run
                System.err.println("[shared corpus] tests that read the corpus are skipped: " + reason);
            }
            Assumptions.abort(reason);
        }
        return location();
    }

    /**
     * Returns one corpus file, or skips the calling test (fails it on CI) when the corpus is absent.
     *
     * @param name the file name, e.g. {@code SSSD__sssd__.packit.yaml}
     * @return the path
     */
    public static Path file(String name) {
        return directory().resolve(name);
    }

    /**
     * Says why the corpus cannot be used, or null when it can.
     *
     * @return a one-line reason, or null
     */
    static String absence() {
        String shared = System.getProperty(PROPERTY);
        if (shared == null || shared.isBlank()) {
            return "no shared corpus: -D" + PROPERTY + " is not set (the POM sets it; run the tests through Maven)";
        }
        if (!Files.isRegularFile(location().resolve("INDEX.tsv"))) {
            return "no shared corpus at " + location().normalize() + " (set -D" + PROPERTY + "=<folder holding corpus/>)";
        }
        return null;
    }

    private static Path location() {
        return Path.of(System.getProperty(PROPERTY, "")).resolve("corpus");
    }

    static boolean isCi() {
        String ci = System.getenv("CI");
        return ci != null && ci.strip().toLowerCase(Locale.ROOT).equals("true");
    }
}
