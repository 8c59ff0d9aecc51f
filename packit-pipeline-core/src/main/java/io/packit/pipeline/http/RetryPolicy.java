package io.packit.pipeline.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When and how often an idempotent request is tried again: on connect errors, timeouts, HTTP 5xx and 429, with
 * exponential backoff and jitter, honouring {@code Retry-After} (seconds or HTTP-date) up to a limit. Requests that
 * create something are never retried once they may have reached the server; that rule lives in {@link JsonHttp}.
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param backoff the delays between attempts
 * @param maxRetryAfter the longest {@code Retry-After} that is honoured; a longer one ends the retries
 */
public record RetryPolicy(int maxAttempts, Backoff backoff, Duration maxRetryAfter) {
    /** Validates the parameters. */
    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /**
     * Four attempts, 1 s doubling to 30 s with 50 % jitter, {@code Retry-After} honoured up to 2 minutes.
     *
     * @return the default policy
     */
    public static RetryPolicy standard() {
        return new RetryPolicy(4, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.5),
                Duration.ofMinutes(2));
    }

    /**
     * One attempt only.
     *
     * @return a policy that never retries
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, new Backoff(Duration.ZERO, Duration.ZERO, 1.0, 0.0), Duration.ZERO);
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
     * Parses a {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
     *
     * @param header the header value, may be null
     * @param now the current instant, for HTTP-dates
     * @return the delay, never negative; empty when absent or unparsable
     */
    public static Optional<Duration> parseRetryAfter(String header, Instant now) {
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
}
