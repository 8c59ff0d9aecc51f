package io.packit.pipeline.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Response;

/**
 * When and how often a request is tried again, as two Failsafe policies. Reads (idempotent) are retried on connect
 * errors, timeouts, dropped connections, HTTP 5xx and 429, with a delay that doubles from {@code delay} up to
 * {@code maxDelay} with Failsafe's jitter (each delay moved by up to {@code jitter} of itself, either way), and
 * never shorter than the server's {@code Retry-After} (seconds or HTTP-date); a {@code Retry-After} longer than
 * {@code maxRetryAfter} ends the retries. Writes (they create or change something) are repeated only when the
 * connection could not be made at all ({@link #isNeverSent}), so a request that may have reached the server is never
 * sent twice.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param delay the delay before the second attempt; with more than one attempt, positive
 * @param maxDelay the largest delay (before jitter), at least {@code delay}
 * @param jitter the fraction of each delay that is randomised, 0 (none) to 1
 * @param maxRetryAfter the longest {@code Retry-After} that is honoured; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Duration delay, Duration maxDelay, double jitter, Duration maxRetryAfter) {
    private static final double DOUBLING = 2.0;

    /** Validates the parameters. */
    public RetryPolicy {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (maxAttempts > 1 && (delay.isNegative() || delay.isZero() || maxDelay.compareTo(delay) < 0)) {
            throw new IllegalArgumentException("retries need 0 < delay <= maxDelay, got delay " + delay
                    + " and maxDelay " + maxDelay);
        }
        if (jitter < 0.0 || jitter > 1.0) {
            throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
        }
    }

    /**
     * Four attempts, 1 s doubling to 30 s with 50 % jitter, {@code Retry-After} honoured up to 2 minutes.
     *
     * @return the default policy
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.5, Duration.ofMinutes(2));
    }

    /**
     * One attempt only.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0.0, Duration.ZERO);
    }

    /**
     * Returns whether a response status is worth another attempt of an idempotent request.
     *
     * @param status the HTTP status
     * @return true for 429 and 5xx
     */
    public boolean isRetryable(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /**
     * Returns whether an I/O failure happened before any connection was made, so the server cannot have seen the
     * request: the host is unknown or unreachable, or the connection was refused.
     *
     * @param failure the failure of an attempt
     * @return true when a write may safely be sent again
     */
    public static boolean isNeverSent(IOException failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
    }

    /**
     * Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
     *
     * @param header the header value, may be null
     * @param now the current instant, for HTTP-dates
     * @return the delay, never negative; empty when absent or unparsable
     */
    public static Optional<Duration> parseRetryAfter(@edu.umd.cs.findbugs.annotations.CheckForNull String header,
            Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /**
     * The Failsafe policy of reads: I/O failures and retryable statuses are retried; a response whose
     * {@code Retry-After} exceeds {@link #maxRetryAfter} aborts.
     *
     * @param sleeper the clock that HTTP-dates are measured from
     * @return the policy
     */
    dev.failsafe.RetryPolicy<Response> forReads(Sleeper sleeper) {
        var builder = dev.failsafe.RetryPolicy.<Response>builder()
                .handle(IOException.class)
                .handleResultIf(response -> isRetryable(response.code()))
                .abortIf((response, failure) -> response != null && isRetryable(response.code())
                        && retryAfter(response, sleeper).filter(asked -> asked.compareTo(maxRetryAfter) > 0)
                                .isPresent());
        return delays(builder).build();
    }

    /**
     * The Failsafe policy of writes: only failures before any connection ({@link #isNeverSent}) are retried;
     * every response, and every other I/O failure, ends the call.
     *
     * @return the policy
     */
    dev.failsafe.RetryPolicy<Response> forWrites() {
        var builder = dev.failsafe.RetryPolicy.<Response>builder()
                .handle(List.of(ConnectException.class, UnknownHostException.class, NoRouteToHostException.class));
        return delays(builder).build();
    }

    /**
     * The {@code Retry-After} a response asks for.
     *
     * @param response the response
     * @param sleeper the clock
     * @return the delay, empty when there is none
     */
    static Optional<Duration> retryAfter(Response response, Sleeper sleeper) {
        return parseRetryAfter(response.header("Retry-After"), sleeper.now());
    }

    private dev.failsafe.RetryPolicyBuilder<Response> delays(dev.failsafe.RetryPolicyBuilder<Response> builder) {
        builder.withMaxAttempts(maxAttempts);
        if (maxAttempts == 1) {
            return builder;
        }
        if (maxDelay.compareTo(delay) > 0) {
            builder.withBackoff(delay, maxDelay, DOUBLING);
        } else {
            builder.withDelay(delay);
        }
        return jitter > 0 ? builder.withJitter(jitter) : builder;
    }
}
