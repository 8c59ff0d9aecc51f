package io.packit.pipeline.config;

import java.util.List;

/**
 * {@code require: {label: {present: [...], absent: [...]}}}: pull-request label gating.
 *
 * @param present at least one of these labels must be on the pull request (empty: no condition)
 * @param absent  none of these labels may be on the pull request
 */
public record LabelRequirement(List<String> present, List<String> absent) {
    /** No requirement. */
    public static final LabelRequirement NONE = new LabelRequirement(List.of(), List.of());

    public LabelRequirement {
        present = List.copyOf(present);
        absent = List.copyOf(absent);
    }

    /** Whether a pull request with {@code labels} satisfies this requirement. */
    public boolean isSatisfiedBy(List<String> labels) {
        boolean presentOk = present.isEmpty() || present.stream().anyMatch(labels::contains);
        boolean absentOk = absent.stream().noneMatch(labels::contains);
        return presentOk && absentOk;
    }
}
