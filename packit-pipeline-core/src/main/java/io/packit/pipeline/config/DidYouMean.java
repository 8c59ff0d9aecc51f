package io.packit.pipeline.config;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** The closest known name to a misspelt one (edit distance), for "did you mean" hints. */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidate closest to {@code word}, if one is close enough to be a plausible typo. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var candidate : candidates) {
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, word.length() / 3);
        return best != null && bestDistance <= allowed && bestDistance < word.length() ? Optional.of(best) : Optional.empty();
    }

    /** The names quoted and joined, for a problem's {@code (known: 'a', 'b')}; {@code none} when there are none. */
    static String quoted(Collection<String> names) {
        return names.isEmpty() ? "none" : names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }

    /** {@code " (did you mean 'x'?)"} or nothing. */
    static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /** Edit distance counting a swap of two neighbouring characters as one edit (optimal string alignment). */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 8 || a.length() > 200 || b.length() > 200) {
            return Integer.MAX_VALUE / 2;
        }
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
