package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every job has, whatever its type: where it is in the file, when it runs, what it applies to, and the
 * effective settings of every package within it.
 *
 * @param index         position of the job in the file's {@code jobs} list (0-based; expanded triggers share it)
 * @param trigger       one trigger ({@code "a | b"} makes two jobs)
 * @param identifier    {@code identifier} as written on the job (or inherited); empty when unset
 * @param manualTrigger only run when asked for
 * @param packages      the packages the job applies to, with where each was selected (all packages when the job
 *                      has no {@code packages} key; then positions are the job's)
 * @param perPackage    package name → effective settings within this job, in {@link #packages()} order
 * @param position      where the job's mapping starts ({@code - job: ...})
 * @param keyPositions  job-level key → where it was written (e.g. {@code build_identifier}, {@code trigger})
 */
public record JobCommon(
        int index,
        Trigger trigger,
        String identifier,
        boolean manualTrigger,
        List<PackageRef> packages,
        Map<String, PackageSettings> perPackage,
        SourcePosition position,
        Map<String, SourcePosition> keyPositions) {
    public JobCommon {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(identifier, "identifier");
        packages = List.copyOf(packages);
        perPackage = Collections.unmodifiableMap(new LinkedHashMap<>(perPackage));
        Objects.requireNonNull(position, "position");
        keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    }

    /** The same with other effective settings per package. */
    public JobCommon withPerPackage(Map<String, PackageSettings> settings) {
        return new JobCommon(index, trigger, identifier, manualTrigger, packages, settings, position, keyPositions);
    }
}
