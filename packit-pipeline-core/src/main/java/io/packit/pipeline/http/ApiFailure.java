package io.packit.pipeline.http;

import java.util.Objects;

/**
 * What went wrong with one HTTP exchange, before it becomes an {@link ApiException} of a service.
 *
 * @param method the HTTP method
 * @param url the redacted URL (see {@link RedactedUrl})
 * @param status the HTTP status or {@link ApiException#NO_RESPONSE}
 * @param errorText the service's error text or an I/O description, empty when none
 * @param outcomeUnknown whether a non-idempotent request may have been applied although it failed
 */
public record ApiFailure(String method, String url, int status, String errorText, boolean outcomeUnknown) {
    /** Validates the fields. */
    public ApiFailure {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(errorText, "errorText");
    }
}
