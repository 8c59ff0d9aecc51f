package io.packit.pipeline.http;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request proves who sends it: nothing (anonymous), HTTP Basic (Copr's login:token) or a bearer key
 * (Testing Farm). The header value is built only when a request is sent; {@link #toString()} shows no secret.
 */
public final class HttpAuth {
    private static final HttpAuth NONE = new HttpAuth("none", null, null);

    private final String scheme;
    @CheckForNull
    private final String login;
    @CheckForNull
    private final Secret secret;

    private HttpAuth(String scheme, @CheckForNull String login, @CheckForNull Secret secret) {
        this.scheme = scheme;
        this.login = login;
        this.secret = secret;
    }

    /**
     * Anonymous requests.
     *
     * @return no authentication
     */
    public static HttpAuth none() {
        return NONE;
    }

    /**
     * HTTP Basic with {@code login:secret}.
     *
     * @param login the login (not secret by itself, but not logged either)
     * @param secret the token
     * @return Basic authentication
     */
    public static HttpAuth basic(String login, Secret secret) {
        return new HttpAuth("Basic", Objects.requireNonNull(login, "login"), Objects.requireNonNull(secret, "secret"));
    }

    /**
     * {@code Authorization: Bearer <secret>}.
     *
     * @param secret the API key
     * @return bearer authentication
     */
    public static HttpAuth bearer(Secret secret) {
        return new HttpAuth("Bearer", null, Objects.requireNonNull(secret, "secret"));
    }

    /**
     * Returns whether requests carry credentials.
     *
     * @return false for {@link #none()}
     */
    public boolean isPresent() {
        return secret != null;
    }

    /**
     * Returns the secret, for checking that messages do not contain it.
     *
     * @return the secret, empty when anonymous
     */
    public Optional<Secret> secret() {
        return Optional.ofNullable(secret);
    }

    Optional<String> headerValue() {
        if (secret == null) {
            return Optional.empty();
        }
        if ("Basic".equals(scheme)) {
            String pair = login + ":" + secret.reveal();
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return Optional.of("Bearer " + secret.reveal());
    }

    @Override
    public String toString() {
        return "HttpAuth[" + scheme + "]";
    }
}
