package io.packit.pipeline.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * GET of a document that is not JSON (an xunit file, a log) at an absolute URL, e.g. on an artifacts server:
 * anonymous (credentials never go to another host), retried like {@link JsonHttp#get} on connect errors, timeouts,
 * 5xx and 429 (honouring {@code Retry-After}), and capped in size. Failures become the service's
 * {@link ApiException}.
 */
public final class DocumentFetch {
    private final OkHttpClient client;
    private final dev.failsafe.RetryPolicy<Response> reads;
    private final RetriedCall call;
    private final ServiceErrors errors;
    private final long maxBytes;

    /**
     * Creates the fetcher.
     *
     * @param client the shared OkHttp client
     * @param retryPolicy retries (its read policy)
     * @param sleeper the clock that retries wait on
     * @param errors the service's error dialect
     * @param maxBytes the largest document accepted
     */
    public DocumentFetch(OkHttpClient client, RetryPolicy retryPolicy, Sleeper sleeper, ServiceErrors errors,
            long maxBytes) {
        this.client = Objects.requireNonNull(client, "client");
        this.reads = Objects.requireNonNull(retryPolicy, "retryPolicy").forReads(Objects.requireNonNull(sleeper, "sleeper"));
        this.call = new RetriedCall(sleeper);
        this.errors = Objects.requireNonNull(errors, "errors");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Fetches the document as UTF-8 text.
     *
     * @param url the absolute URL
     * @return the text
     * @throws ApiException when the last attempt failed, or the document is too large
     */
    public String get(HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        return call.execute(client, request, reads, response -> read(request, response),
                new RetriedCall.Failures() {
                    @Override
                    public ApiException ofResponse(Response response) throws IOException {
                        return failure(request, response.code(), snippet(response), null);
                    }

                    @Override
                    public ApiException ofIo(IOException e) {
                        String what = e instanceof InterruptedIOException ? "timed out" : "I/O error";
                        return failure(request, ApiException.NO_RESPONSE,
                                what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
                    }

                    @Override
                    public ApiException ofInterrupt(InterruptedException e) {
                        return failure(request, ApiException.NO_RESPONSE, "interrupted while waiting to retry", e);
                    }
                });
    }

    private String read(Request request, Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(maxBytes + 1)) {
            throw failure(request, response.code(), "document larger than " + maxBytes + " bytes", null);
        }
        return source.getBuffer().readString(StandardCharsets.UTF_8);
    }

    private static String snippet(Response response) throws IOException {
        String text = response.peekBody(500).string().strip();
        return text.replaceAll("\\s+", " ");
    }

    private ApiException failure(Request request, int status, String text, @CheckForNull Throwable cause) {
        return errors.exception(new ApiFailure("GET", RedactedUrl.of(request.url()), status, text, false), cause);
    }
}
