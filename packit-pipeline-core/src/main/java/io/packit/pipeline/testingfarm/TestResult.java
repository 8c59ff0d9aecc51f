package io.packit.pipeline.testingfarm;

import java.util.Locale;

/** The overall result of a Testing Farm request ({@code result.overall}). */
public enum TestResult {
    /** Every test passed. */
    PASSED,
    /** A test failed. */
    FAILED,
    /** A test or the pipeline errored. */
    ERROR,
    /** Nothing ran. */
    SKIPPED,
    /** Testing Farm could not tell, or the request did not complete. */
    UNKNOWN;

    /** The result Testing Farm calls {@code wire}; {@link #UNKNOWN} for anything else. */
    public static TestResult fromWire(String wire) {
        return switch (wire.toLowerCase(Locale.ROOT)) {
            case "passed" -> PASSED;
            case "failed" -> FAILED;
            case "error" -> ERROR;
            case "skipped" -> SKIPPED;
            default -> UNKNOWN;
        };
    }

    /** The result as Testing Farm writes it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wire();
    }
}
