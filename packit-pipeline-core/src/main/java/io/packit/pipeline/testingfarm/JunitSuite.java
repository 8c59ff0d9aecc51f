package io.packit.pipeline.testingfarm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One JUnit {@code <testsuite>}: one tmt plan in one environment.
 *
 * @param name      {@code <compose>/<arch>:<plan>}
 * @param cases     the test cases, in Testing Farm's order
 * @param systemOut the plan's log links, one {@code name: url} per line (may be empty)
 */
public record JunitSuite(String name, List<JunitCase> cases, String systemOut) {
    /** Validates and copies. */
    public JunitSuite {
        Objects.requireNonNull(name, "name");
        cases = List.copyOf(Objects.requireNonNull(cases, "cases"));
        Objects.requireNonNull(systemOut, "systemOut");
    }

    /** How many test cases. */
    public int tests() {
        return cases.size();
    }

    /** How many test cases ended with {@code outcome}. */
    public int count(JunitCase.Outcome outcome) {
        return (int) cases.stream().filter(testCase -> testCase.outcome() == outcome).count();
    }

    /** The sum of the known test case times. */
    public BigDecimal seconds() {
        return cases.stream()
                .map(JunitCase::seconds)
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
