package io.packit.pipeline.http.fake;

import java.util.Objects;

/**
 * A one-shot fault a fake service (the fake Copr, the fake Testing Farm) injects into the next request that matches
 * a method and a path prefix. Each fake answers a kind in its own service's words (error body shape, headers).
 *
 * @param method     the HTTP method to match, or {@code *}
 * @param pathPrefix the path prefix to match, e.g. {@code /api_3/build-chroot/list}; empty matches every path
 * @param kind       what goes wrong
 * @param value      the status of {@link Kind#STATUS}, the seconds of {@link Kind#RETRY_AFTER}, else 0
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
        /** Answer with the given status and the service's error body, without processing the request. */
        STATUS,
        /** Answer 429 with {@code Retry-After: value} seconds, without processing. */
        RETRY_AFTER,
        /** Close the connection before answering, without processing. */
        DROP_CONNECTION,
        /** Send the headers, then the body at one byte every 3 s (longer than a short read timeout). */
        SLOW_BODY,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_JSON,
        /** Answer 401 as the service does for an expired token or key. */
        EXPIRED_TOKEN,
        /** Process the request (a create creates) and then hold the response back for 10 s. */
        PROCESS_THEN_STALL,
        /** Answer 504 with an HTML body, as a gateway does. */
        GATEWAY_TIMEOUT
    }

    /** Answers {@code code} with the service's error body, for any request. */
    public static Fault status(int code) {
        return new Fault("*", "", Kind.STATUS, code);
    }

    /** Answers 429 with {@code Retry-After: seconds}, for any request. */
    public static Fault retryAfter(int seconds) {
        return new Fault("*", "", Kind.RETRY_AFTER, seconds);
    }

    /** Closes the connection before answering, for any request. */
    public static Fault disconnect() {
        return new Fault("*", "", Kind.DROP_CONNECTION, 0);
    }

    /** A fault of {@code kind} without a value, for any request. */
    public static Fault of(Kind kind) {
        return new Fault("*", "", kind, 0);
    }

    /** The same fault for calls with {@code method} under {@code pathPrefix}. */
    public Fault on(String onMethod, String onPathPrefix) {
        return new Fault(onMethod, onPathPrefix, kind, value);
    }

    /** Whether a request with {@code requestMethod} and {@code path} gets this fault. */
    public boolean matches(String requestMethod, String path) {
        return ("*".equals(method) || method.equals(requestMethod)) && path.startsWith(pathPrefix);
    }
}
