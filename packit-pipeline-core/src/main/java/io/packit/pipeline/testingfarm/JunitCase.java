package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One JUnit {@code <testcase>}: a tmt test of one plan in one environment.
 *
 * @param className {@code <compose>.<arch>.<plan with dots>}; Jenkins groups by it
 * @param name      the tmt test name ({@code /tests/cli/version})
 * @param seconds   how long it ran, or {@code null} when Testing Farm did not say
 * @param outcome   passed, failure, error or skipped
 * @param message   the failure, error or skip message ({@code null} when passed)
 * @param type      the failure type ({@code warn} for tmt's warn), or {@code null}
 * @param systemOut log links, one {@code name: url} per line (may be empty)
 */
public record JunitCase(
        String className,
        String name,
        @CheckForNull BigDecimal seconds,
        Outcome outcome,
        @CheckForNull String message,
        @CheckForNull String type,
        String systemOut) {
    /** Validates. */
    public JunitCase {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(systemOut, "systemOut");
        if (outcome != Outcome.PASSED) {
            Objects.requireNonNull(message, "message of a " + outcome + " test case");
        }
    }

    /** How a test case ended, as JUnit counts it. */
    public enum Outcome {
        /** No child element. */
        PASSED,
        /** {@code <failure>}: the test failed. */
        FAILURE,
        /** {@code <error>}: the test could not run properly. */
        ERROR,
        /** {@code <skipped>}: the test did not apply. */
        SKIPPED
    }
}
