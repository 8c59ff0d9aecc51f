package io.packit.pipeline.diag;

import java.util.Locale;

/** How bad a {@link Problem} is. Errors make input invalid; warnings do not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word GNU-style messages use: {@code error} or {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
