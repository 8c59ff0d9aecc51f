package io.packit.pipeline.testingfarm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.List;
import java.util.Objects;

/**
 * The answers of Testing Farm API v0.1 that the client reads (reference §2.2, §2.3, §2.5), bound by Jackson: the
 * fields the reference says a client needs are required, those it says may be null are nullable, everything else
 * is ignored.
 */
final class Answers {
    private Answers() {
    }

    /**
     * {@code POST /v0.1/requests}: "client should require only {@code id}".
     *
     * @param id the new request's id
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Submitted(@JsonProperty(value = "id", required = true) String id) {
        Submitted {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * {@code GET /v0.1/requests/{id}}.
     *
     * @param id the request id
     * @param state {@code new}, {@code queued}, {@code running}, {@code complete}, {@code error}, ...
     * @param notes notes, used as the error text when there is no result
     * @param result the result, null until there is one
     * @param run the run, null while new or queued
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Details(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty(value = "state", required = true) String state,
            @CheckForNull @JsonProperty("notes") List<Note> notes,
            @CheckForNull @JsonProperty("result") Result result,
            @CheckForNull @JsonProperty("run") Run run) {
        Details {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
        }

        /** The request as this client models it. */
        RequestStatus status() {
            List<String> messages = notes == null ? List.of()
                    : notes.stream().map(Note::message).filter(Objects::nonNull).toList();
            String overall = result == null ? null : result.overall();
            return new RequestStatus(id, RequestState.fromWire(state),
                    overall == null ? null : TestResult.fromWire(overall),
                    result == null ? null : result.summary(),
                    result == null ? null : result.xunit(),
                    result == null ? null : result.xunitUrl(),
                    run == null ? null : run.artifacts(),
                    messages);
        }
    }

    /**
     * One of {@code notes}: {@code {"level", "message"}}.
     *
     * @param level {@code info}, {@code error}, ...
     * @param message the text
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Note(@CheckForNull @JsonProperty("level") String level, @CheckForNull @JsonProperty("message") String message) {
    }

    /**
     * {@code result}: {@code {"overall", "summary", "xunit", "xunit_url"}}.
     *
     * @param overall {@code passed}, {@code failed}, {@code error}, {@code skipped}, {@code unknown}
     * @param summary a summary, may be null
     * @param xunit inline xunit, often null
     * @param xunitUrl where the xunit is, may be null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(
            @CheckForNull @JsonProperty("overall") String overall,
            @CheckForNull @JsonProperty("summary") String summary,
            @CheckForNull @JsonProperty("xunit") String xunit,
            @CheckForNull @JsonProperty("xunit_url") String xunitUrl) {
    }

    /**
     * {@code run}: {@code {"artifacts", "console", "stages"}}.
     *
     * @param artifacts the results viewer / artifacts URL
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Run(@CheckForNull @JsonProperty("artifacts") String artifacts) {
    }

    /**
     * {@code GET /v0.1/composes/{ranch}}: {@code {"composes": [{"name": ...}]}}.
     *
     * @param composes the composes
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Composes(@JsonProperty(value = "composes", required = true) List<Compose> composes) {
        Composes {
            composes = List.copyOf(Objects.requireNonNull(composes, "composes"));
        }
    }

    /**
     * One compose; its name may be a regular expression.
     *
     * @param name the name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Compose(@JsonProperty(value = "name", required = true) String name) {
        Compose {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * {@code GET /v0.1/whoami}: {@code {"token": {..., "ranch"}, "user": {...}}}.
     *
     * @param token the token the key is
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WhoAmI(@JsonProperty(value = "token", required = true) Token token) {
        WhoAmI {
            Objects.requireNonNull(token, "token");
        }
    }

    /**
     * The token of {@code whoami}.
     *
     * @param ranch {@code public} or {@code redhat}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Token(@JsonProperty(value = "ranch", required = true) String ranch) {
        Token {
            Objects.requireNonNull(ranch, "ranch");
        }
    }
}
