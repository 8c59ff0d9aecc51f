package io.packit.pipeline.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Map;
import java.util.Objects;

/**
 * A failed call to a REST service. The message names the method, the URL (credentials and secret query values
 * removed), the HTTP status (or that no response came) and the service's own error text, e.g.
 * {@code POST https://copr.example/api_3/build/create/url → HTTP 403 Forbidden: "You don't have permissions"}.
 * Services subclass it ({@code CoprApiException}, {@code TestingFarmApiException}).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The status used when no HTTP response was received (I/O error, timeout, dropped connection). */
    public static final int NO_RESPONSE = -1;

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(408, "Request Timeout"),
            Map.entry(409, "Conflict"), Map.entry(413, "Content Too Large"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private final String method;
    private final String url;
    private final int status;
    private final String errorText;
    private final boolean outcomeUnknown;

    /**
     * Creates the exception from a described failure.
     *
     * @param failure what failed
     * @param cause the I/O error or parse error, may be null
     */
    public ApiException(ApiFailure failure, @CheckForNull Throwable cause) {
        super(message(failure), cause);
        this.method = failure.method();
        this.url = failure.url();
        this.status = failure.status();
        this.errorText = failure.errorText();
        this.outcomeUnknown = failure.outcomeUnknown();
    }

    private static String message(ApiFailure failure) {
        Objects.requireNonNull(failure, "failure");
        StringBuilder text = new StringBuilder(failure.method()).append(' ').append(failure.url()).append(" → ");
        if (failure.status() == NO_RESPONSE) {
            text.append("no response");
        } else {
            text.append("HTTP ").append(failure.status());
            String reason = REASONS.get(failure.status());
            if (reason != null) {
                text.append(' ').append(reason);
            }
        }
        if (!failure.errorText().isEmpty()) {
            text.append(": \"").append(failure.errorText()).append('"');
        }
        if (failure.outcomeUnknown()) {
            text.append(" (the request may have reached the server; it was not repeated)");
        }
        return text.toString();
    }

    /**
     * Returns the HTTP method.
     *
     * @return e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * Returns the URL without credentials or secret query values.
     *
     * @return the redacted URL
     */
    public String url() {
        return url;
    }

    /**
     * Returns the HTTP status, or {@link #NO_RESPONSE}.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Returns the service's error text ({@code error} of Copr, {@code message} of Testing Farm), or a description
     * of the I/O failure; empty when there is none.
     *
     * @return the error text
     */
    public String errorText() {
        return errorText;
    }

    /**
     * Returns whether a request that changes state may have been applied although no answer came.
     *
     * @return true when the outcome of a non-idempotent request is unknown
     */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }
}
