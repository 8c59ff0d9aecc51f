package io.packit.pipeline.http;

import dev.failsafe.Execution;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one request under a Failsafe retry policy ({@link RetryPolicy#forReads} or {@link RetryPolicy#forWrites}):
 * Failsafe decides after each attempt whether to try again and how long to wait (backoff with jitter); the wait is
 * never shorter than the server's {@code Retry-After}, and it happens on the injected {@link Sleeper}, so tests and
 * benchmarks run retries on a virtual clock. (Failsafe's own executors, and failsafe-okhttp's {@code FailsafeCall},
 * wait with {@code Thread.sleep}, which is why the loop is here and only the decisions are Failsafe's.) The one
 * retry loop of {@link JsonHttp} and {@link DocumentFetch}.
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

        /** No (complete) response: connect error, timeout, dropped connection. */
        ApiException ofIo(IOException e);

        /** Interrupted while waiting to try again. */
        ApiException ofInterrupt(InterruptedException e);
    }

    private final Sleeper sleeper;

    RetriedCall(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Executes {@code request} until it succeeds or the policy ends the call; then the last failure is thrown.
     * Reading a successful response is part of its attempt: an I/O failure while reading counts like one while
     * sending.
     */
    <T> T execute(OkHttpClient client, Request request, dev.failsafe.RetryPolicy<Response> policy, Reader<T> reader,
            Failures failures) {
        Execution<Response> execution = Execution.of(policy);
        while (true) {
            Optional<Duration> retryAfter = Optional.empty();
            try (Response response = client.newCall(request).execute()) {
                if (response.isSuccessful()) {
                    return reader.read(response);
                }
                execution.recordResult(response);
                if (execution.isComplete()) {
                    throw failure(response, failures);
                }
                retryAfter = RetryPolicy.retryAfter(response, sleeper);
            } catch (IOException e) {
                execution.recordException(e);
                if (execution.isComplete()) {
                    throw failures.ofIo(e);
                }
            }
            Duration delay = execution.getDelay();
            if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
                delay = retryAfter.get();
            }
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failures.ofInterrupt(e);
            }
        }
    }

    private static ApiException failure(Response response, Failures failures) {
        try {
            return failures.ofResponse(response);
        } catch (IOException unreadable) {
            return failures.ofIo(unreadable);
        }
    }
}
