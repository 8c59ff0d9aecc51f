package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;

/** A failed Copr API call: method, redacted URL, HTTP status and Copr's {@code error} text. */
public class CoprApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure what failed
     * @param cause the underlying error, may be null
     */
    public CoprApiException(ApiFailure failure, @CheckForNull Throwable cause) {
        super(failure, cause);
    }
}
