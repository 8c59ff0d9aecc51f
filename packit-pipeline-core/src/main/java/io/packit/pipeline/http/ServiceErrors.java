package io.packit.pipeline.http;

import com.fasterxml.jackson.databind.JsonNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * The dialect of one service's failures: where its error text is in an error body, and which exception type
 * represents it.
 */
public interface ServiceErrors {
    /**
     * Extracts the error text from a parsed error body, e.g. Copr's {@code error} or Testing Farm's
     * {@code message}.
     *
     * @param body the parsed JSON body of a non-2xx response
     * @return the error text, empty when the body has none
     */
    String errorText(JsonNode body);

    /**
     * Creates the service's exception.
     *
     * @param failure what failed
     * @param cause the underlying error, may be null
     * @return the exception to throw
     */
    ApiException exception(ApiFailure failure, @CheckForNull Throwable cause);

    /**
     * A generic dialect: {@code error}, then {@code message}, thrown as plain {@link ApiException}.
     *
     * @return the generic dialect
     */
    static ServiceErrors generic() {
        return new ServiceErrors() {
            @Override
            public String errorText(JsonNode body) {
                if (body.hasNonNull("error")) {
                    return body.get("error").asText();
                }
                return body.hasNonNull("message") ? body.get("message").asText() : "";
            }

            @Override
            public ApiException exception(ApiFailure failure, @CheckForNull Throwable cause) {
                return new ApiException(failure, cause);
            }
        };
    }
}
