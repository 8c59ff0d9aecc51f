package io.packit.pipeline.testingfarm;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the tmt (fmf) tests come from: Packit's {@code fmf_url}, {@code fmf_ref}, {@code fmf_path} and
 * {@code tmt_plan}, plus the ref to merge into before testing ({@code merge_sha}).
 *
 * @param url      git repository with the fmf tree
 * @param ref      branch, tag or commit; {@code null} sends none (Testing Farm then uses the default branch)
 * @param path     fmf root inside the repository, normalised as Packit does ({@code "."} for the top)
 * @param plan     tmt plan name or regular expression, {@code null} for all plans
 * @param mergeSha commit that {@code ref} is merged into before testing, {@code null} for none
 */
public record FmfSource(
        String url, @CheckForNull String ref, String path, @CheckForNull String plan, @CheckForNull String mergeSha) {
    /** Validates the URL and normalises the path. */
    public FmfSource {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("fmf_url must not be blank");
        }
        path = normalisePath(path);
        ref = blankToNull(ref);
        plan = blankToNull(plan);
        mergeSha = blankToNull(mergeSha);
    }

    /** Tests from {@code url} at {@code ref}, every plan, fmf root at the top of the repository. */
    public static FmfSource of(String url, @CheckForNull String ref) {
        return new FmfSource(url, ref, ".", null, null);
    }

    /** The same source limited to the plans matching {@code plan}. */
    public FmfSource withPlan(@CheckForNull String plan) {
        return new FmfSource(url, ref, path, plan, mergeSha);
    }

    /** The same source with the fmf root at {@code path}. */
    public FmfSource withPath(@CheckForNull String path) {
        return new FmfSource(url, ref, normalisePath(path), plan, mergeSha);
    }

    /** The ref, when one is sent. */
    public Optional<String> optionalRef() {
        return Optional.ofNullable(ref);
    }

    /** The plan filter, when one is sent. */
    public Optional<String> optionalPlan() {
        return Optional.ofNullable(plan);
    }

    /**
     * Packit's {@code fmf_path} rule: {@code /}, {@code ./}, {@code .} and nothing mean the top ({@code "."});
     * otherwise a leading {@code ./} or {@code /} and a trailing {@code /} are dropped.
     */
    static String normalisePath(@CheckForNull String path) {
        if (path == null || path.isBlank() || path.equals("/") || path.equals("./") || path.equals(".")) {
            return ".";
        }
        String result = path;
        if (result.startsWith("./")) {
            result = result.substring(2);
        }
        if (result.startsWith("/")) {
            result = result.substring(1);
        }
        if (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isEmpty() ? "." : result;
    }

    @CheckForNull
    private static String blankToNull(@CheckForNull String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
