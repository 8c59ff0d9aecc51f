package io.packit.pipeline.testingfarm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The composes a ranch offers ({@code GET /v0.1/composes/{ranch}}). Names may be regular expressions;
 * a compose is available when it matches one of them entirely.
 *
 * @param names the names as Testing Farm lists them
 */
public record AvailableComposes(List<String> names) {
    /** Copies the list. */
    public AvailableComposes {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
    }

    /** The listed name (or pattern) that {@code compose} matches entirely, if any. */
    public Optional<String> match(String compose) {
        for (String name : names) {
            if (name.equals(compose) || matchesPattern(name, compose)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code compose} is available. */
    public boolean contains(String compose) {
        return match(compose).isPresent();
    }

    private static boolean matchesPattern(String pattern, String compose) {
        try {
            return Pattern.compile(pattern).matcher(compose).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
