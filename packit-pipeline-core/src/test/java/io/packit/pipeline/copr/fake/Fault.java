package io.packit.pipeline.copr.fake;

import java.util.Objects;

/**
 * A one-shot fault the fake Copr injects into the next request that matches a method and a path prefix.
 *
 * @param method the HTTP method to match, or {@code *}
 * @param pathPrefix the path prefix to match, e.g. {@code /api_3/build-chroot/list}
 * @param kind what goes wrong
 * @param value the status of {@link Kind#STATUS}, the seconds of {@link Kind#RETRY_AFTER}, else 0
 */
public record Fault(String method, String pathPrefix, Kind kind, int value) {
    /** Validates. */
    public Fault {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        Objects.requireNonNull(kind, "kind");
    }

    /** What goes wrong. */
    public enum Kind {
        /** Answer with the given status and a Copr error body, without processing the request. */
        STATUS,
        /** Answer 429 with {@code Retry-After: value} seconds, without processing. */
        RETRY_AFTER,
        /** Close the connection before answering, without processing. */
        DROP_CONNECTION,
        /** Send the headers, then the body at one byte every 3 s (longer than a 2 s read timeout). */
        SLOW_BODY,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** Answer 401 as Copr does for an expired token. */
        EXPIRED_TOKEN,
        /** Process the request (create the build) and then hold the response back for 10 s. */
        PROCESS_THEN_STALL,
        /** Answer 504 with an HTML body, as Copr's gateway does. */
        GATEWAY_TIMEOUT
    }

    boolean matches(String requestMethod, String path) {
        return ("*".equals(method) || method.equals(requestMethod)) && path.startsWith(pathPrefix);
    }
}
