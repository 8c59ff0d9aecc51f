package io.packit.pipeline.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code trigger} values Packit accepts; {@code "a | b"} is expanded by the loader into one job per trigger. */
public enum Trigger {
    PULL_REQUEST,
    COMMIT,
    RELEASE,
    KOJI_BUILD,
    IGNORE;

    /** The spelling in packit.yaml, e.g. {@code pull_request}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The trigger spelled {@code key} in packit.yaml, if any. */
    public static Optional<Trigger> fromKey(String key) {
        return Arrays.stream(values()).filter(trigger -> trigger.key().equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key();
    }
}
