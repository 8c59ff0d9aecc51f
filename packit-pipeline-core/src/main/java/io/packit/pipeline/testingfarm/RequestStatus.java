package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Testing Farm request as {@code GET /v0.1/requests/{id}} shows it.
 *
 * @param id            the request id (a UUID)
 * @param state         the state
 * @param overall       {@code result.overall}, or {@code null} while there is no result
 * @param summary       {@code result.summary}, or {@code null}
 * @param xunit         {@code result.xunit} (inline XML), or {@code null}
 * @param xunitUrl      {@code result.xunit_url}, or {@code null}
 * @param artifactsUrl  {@code run.artifacts} (the results viewer), or {@code null} before the run starts
 * @param notes         the messages of {@code notes}, in order
 */
public record RequestStatus(
        String id,
        RequestState state,
        @CheckForNull TestResult overall,
        @CheckForNull String summary,
        @CheckForNull String xunit,
        @CheckForNull String xunitUrl,
        @CheckForNull String artifactsUrl,
        List<String> notes) {
    /** Validates and copies. */
    public RequestStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    /** Whether the request will not change any more. */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    /**
     * The result as Packit reads it: {@code result.overall} of a complete request, {@code error} for a request in
     * state error, {@code unknown} otherwise (running, canceled).
     */
    public TestResult result() {
        if (state == RequestState.COMPLETE) {
            return overall == null ? TestResult.UNKNOWN : overall;
        }
        if (state == RequestState.ERROR) {
            return TestResult.ERROR;
        }
        return TestResult.UNKNOWN;
    }

    /** Whether the request completed and every test passed. */
    public boolean isPassed() {
        return result() == TestResult.PASSED;
    }

    /** What Testing Farm said about the outcome: the summary, else the notes. */
    public Optional<String> message() {
        if (summary != null && !summary.isBlank()) {
            return Optional.of(summary);
        }
        return notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes));
    }

    /** The results viewer / artifacts URL, when the run has started. */
    public Optional<String> optionalArtifactsUrl() {
        return Optional.ofNullable(artifactsUrl);
    }
}
