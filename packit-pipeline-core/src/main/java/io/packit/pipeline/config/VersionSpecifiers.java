package io.packit.pipeline.config;

import java.util.regex.Pattern;

/**
 * Whether a {@code version_update_specifiers} value is a version specifier set as PEP 440 defines it ("Version
 * specifiers"): comma-separated clauses, each an operator ({@code ~=}, {@code ==}, {@code !=}, {@code <=},
 * {@code >=}, {@code <}, {@code >}, {@code ===}) and a version. Packit refuses others when it loads the file
 * (packit/packit@69d783e8 packit/schema.py:405 {@code validate_version_specifiers}: packaging's
 * {@code SpecifierSet}). Versions are PEP 440's, in the spellings its normalisation rules accept.
 */
final class VersionSpecifiers {
    private static final String RELEASE = "[0-9]+(?:\\.[0-9]+)*";
    private static final String SUFFIXES = "(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?"
            + "(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?"
            + "(?:[-_.]?dev[-_.]?[0-9]*)?";
    private static final String PUBLIC_PREFIX = "v?(?:[0-9]+!)?";
    private static final String LOCAL = "(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?";
    private static final Pattern CLAUSE = Pattern.compile("(?:"
            // arbitrary equality: any string without whitespace
            + "===\\s*[^\\s]+"
            // equality and exclusion: a version with a local part, or a prefix match on the release
            + "|(?:==|!=)\\s*" + PUBLIC_PREFIX + RELEASE + "(?:\\.\\*|" + SUFFIXES + LOCAL + ")"
            // compatible release: at least two release components, no local part
            + "|~=\\s*" + PUBLIC_PREFIX + "[0-9]+(?:\\.[0-9]+)+" + SUFFIXES
            // ordered comparisons: no local part
            + "|(?:<=|>=|<|>)\\s*" + PUBLIC_PREFIX + RELEASE + SUFFIXES
            + ")", Pattern.CASE_INSENSITIVE);

    private VersionSpecifiers() {
    }

    /** Whether {@code text} is a specifier set (empty clauses are skipped, as packaging does: "" is none). */
    static boolean isValid(String text) {
        for (var clause : text.split(",", -1)) {
            var spec = clause.strip();
            if (!spec.isEmpty() && !CLAUSE.matcher(spec).matches()) {
                return false;
            }
        }
        return true;
    }
}
