package io.packit.pipeline.bodhi;

import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;

/**
 * A failed read of Bodhi's releases: method, URL, HTTP status and Bodhi's error description; or an answer that is
 * not the documented one (malformed JSON, missing fields, no Fedora release).
 */
public class BodhiApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param failure what failed
     * @param cause the underlying error, may be null
     */
    public BodhiApiException(ApiFailure failure, Throwable cause) {
        super(failure, cause);
    }
}
