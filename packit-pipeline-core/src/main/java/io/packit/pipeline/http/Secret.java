package io.packit.pipeline.http;

import java.util.Objects;

/**
 * A credential (API token, API key) that never shows itself: {@link #toString()} is redacted, and the value is
 * only handed out by {@link #reveal()}, which the one place that builds an HTTP header calls.
 */
public final class Secret {
    private static final String REDACTED = "Secret[****]";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a credential.
     *
     * @param value the credential, not blank
     * @return the wrapped credential
     * @throws IllegalArgumentException when the value is blank (the message does not contain it)
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /**
     * Returns the credential itself. Call it only where a request header is built, never for logging.
     *
     * @return the credential
     */
    public String reveal() {
        return value;
    }

    /**
     * Returns true when the given text contains this secret (used to keep messages and logs clean).
     *
     * @param text any text
     * @return whether the text leaks this secret
     */
    public boolean isContainedIn(String text) {
        return text != null && text.contains(value);
    }

    @Override
    public String toString() {
        return REDACTED;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret && ((Secret) other).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
