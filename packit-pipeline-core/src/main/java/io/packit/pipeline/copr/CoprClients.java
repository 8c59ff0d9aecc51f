package io.packit.pipeline.copr;

import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Copr clients for command lines, which have no OkHttp client to share (the CLI must not touch OkHttp itself): an
 * own OkHttp client (10 s to connect, 60 s to read), the standard retry policy and the system clock.
 */
public final class CoprClients {
    private CoprClients() {
    }

    /** A client for {@code config}. */
    public static CoprClient create(CoprConfig config) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
        return CoprClient.create(http, config);
    }
}
