package io.packit.pipeline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void shouldParseRetryAfterSecondsAndHttpDates() {
        assertThat(RetryPolicy.parseRetryAfter("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryPolicy.parseRetryAfter("Sun, 01 Mar 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.parseRetryAfter("soon", NOW)).isEmpty();
        assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isEmpty();
    }

    @Test
    void shouldRetryOnly429And5xx() {
        RetryPolicy policy = RetryPolicy.standard();
        assertThat(policy.isRetryable(429)).isTrue();
        assertThat(policy.isRetryable(502)).isTrue();
        assertThat(policy.isRetryable(500)).isTrue();
        assertThat(policy.isRetryable(404)).isFalse();
        assertThat(policy.isRetryable(401)).isFalse();
        assertThat(policy.isRetryable(409)).isFalse();
    }

    @Test
    void shouldGrowBackoffToTheCapWithJitterBelowTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 1.5, 0.2);
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofSeconds(30));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(5, random)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30));
        }
    }

    @Test
    void shouldRejectInvalidParametersNamingTheValue() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 0))
                .hasMessage("backoff needs 0 <= initial <= max, got initial PT5S and max PT1S");
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO, 2, 1.5))
                .hasMessage("backoff jitter must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO))
                .hasMessage("maxAttempts must be at least 1, got 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), 0, Duration.ZERO))
                .hasMessage("retries need 0 < delay <= maxDelay, got delay PT0S and maxDelay PT1S");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5, Duration.ZERO))
                .hasMessage("jitter must be in [0, 1], got 1.5");
    }

    @Test
    void shouldRepeatWritesOnlyWhenTheServerCannotHaveSeenThem() {
        assertThat(RetryPolicy.isNeverSent(new ConnectException("Connection refused"))).isTrue();
        assertThat(RetryPolicy.isNeverSent(new UnknownHostException("copr.example"))).isTrue();
        assertThat(RetryPolicy.isNeverSent(new NoRouteToHostException("no route"))).isTrue();
        assertThat(RetryPolicy.isNeverSent(new SocketTimeoutException("timeout"))).isFalse();
        assertThat(RetryPolicy.isNeverSent(new IOException("unexpected end of stream"))).isFalse();
    }

    @Test
    void shouldTrackDeadlineCallsAndClampTheLastDelay() {
        PollSchedule schedule = new PollSchedule(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(30), 2, 0),
                Duration.ofSeconds(45), 3);
        PollSchedule.Polling polling = schedule.start(NOW, new SplittableRandom(1));

        assertThat(polling.nextDelay(NOW)).isEqualTo(Duration.ofSeconds(10));
        assertThat(polling.nextDelay(NOW.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        assertThat(polling.nextDelay(NOW.plusSeconds(30))).isEqualTo(Duration.ofSeconds(15));
        polling.resetBackoff();
        assertThat(polling.nextDelay(NOW)).isEqualTo(Duration.ofSeconds(10));
        assertThat(polling.isPastDeadline(NOW.plusSeconds(44))).isFalse();
        assertThat(polling.isPastDeadline(NOW.plusSeconds(45))).isTrue();
        polling.countCalls(2);
        assertThat(polling.isOutOfCalls()).isFalse();
        polling.countCalls(1);
        assertThat(polling.isOutOfCalls()).isTrue();
        assertThat(polling.calls()).isEqualTo(3);
    }
}
