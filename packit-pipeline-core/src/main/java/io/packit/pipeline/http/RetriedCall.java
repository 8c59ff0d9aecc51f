package io.packit.pipeline.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs an idempotent request under a {@link RetryPolicy}: connect errors, timeouts and retryable statuses (5xx, 429)
 * are tried again after a backoff with jitter, or after the server's {@code Retry-After} when that is longer (a
 * {@code Retry-After} beyond the policy's maximum ends the call). The one retry loop of {@link JsonHttp} and
 * {@link DocumentFetch}.
 */
final class RetriedCall {
    /** Reads a successful response. */
    interface Reader<T> {
        T read(Response response) throws IOException;
    }

    /** Turns what went wrong into the service's exception. */
    interface Failures {
        /** An unsuccessful response; may read its body. */
        ApiException ofResponse(Response response) throws IOException;

        /** No response: connect error, timeout, dropped connection. */
        ApiException ofIo(IOException e);

        /** Interrupted while waiting to try again. */
        ApiException ofInterrupt(InterruptedException e);
    }

    private final OkHttpClient client;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    RetriedCall(OkHttpClient client, RetryPolicy retryPolicy, Sleeper sleeper, RandomGenerator random) {
        this.client = Objects.requireNonNull(client, "client");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Executes {@code request} until it succeeds or the policy gives up; the last failure is thrown. */
    <T> T execute(Request request, Reader<T> reader, Failures failures) {
        int attempt = 0;
        while (true) {
            attempt++;
            boolean last = attempt >= retryPolicy.maxAttempts();
            Duration retryAfter = null;
            try (Response response = client.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    return reader.read(response);
                }
                ApiException failure = failures.ofResponse(response);
                if (last || !retryPolicy.isRetryable(response.code())) {
                    throw failure;
                }
                Optional<Duration> asked = RetryPolicy.parseRetryAfter(response.header("Retry-After"), sleeper.now());
                if (asked.isPresent() && asked.get().compareTo(retryPolicy.maxRetryAfter()) > 0) {
                    throw failure;
                }
                retryAfter = asked.orElse(null);
            } catch (IOException e) {
                if (last) {
                    throw failures.ofIo(e);
                }
            }
            Duration delay = retryPolicy.backoff().delay(attempt - 1, random);
            if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
                delay = retryAfter;
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.ofInterrupt(e);
            }
        }
    }
}
