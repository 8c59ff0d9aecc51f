package io.packit.pipeline.http;

import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;

/** Turns a URL into text fit for messages and logs: no user info, no values of secret-looking query keys. */
public final class RedactedUrl {
    private static final Set<String> SECRET_WORDS =
            Set.of("token", "key", "secret", "password", "passwd", "auth", "signature", "credential");

    private RedactedUrl() {
    }

    /**
     * Returns the URL as text with credentials removed.
     *
     * @param url any URL
     * @return the URL without user name, password and secret query values
     */
    public static String of(HttpUrl url) {
        HttpUrl.Builder clean = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (isSecret(name)) {
                clean.setQueryParameter(name, "REDACTED");
            }
        }
        return clean.build().toString();
    }

    /**
     * {@code url} as text fit for a page's link: an http or https URL without credentials (as {@link #of(HttpUrl)}),
     * or empty when it is no such URL ({@code javascript:}, a file path, garbage).
     */
    public static java.util.Optional<String> ofLink(String url) {
        var parsed = HttpUrl.parse(url.strip());
        return parsed == null ? java.util.Optional.empty() : java.util.Optional.of(of(parsed));
    }

    private static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}
