package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.packit.pipeline.http.ApiException;
import io.packit.pipeline.http.ApiFailure;

/**
 * A failed call to Testing Farm: method, URL, HTTP status (or no response) and Testing Farm's message
 * ({@code message}, the {@code errors} tree, or FastAPI's {@code detail}). Never contains the API key.
 */
public class TestingFarmApiException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** Wraps one failed exchange. */
    public TestingFarmApiException(ApiFailure failure, @CheckForNull Throwable cause) {
        super(failure, cause);
    }
}
