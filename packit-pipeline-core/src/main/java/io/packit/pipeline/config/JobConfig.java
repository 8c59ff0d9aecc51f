package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job after {@code trigger: "a | b"} expansion: the job-only keys, and for every package it applies to,
 * the effective settings of that package within this job.
 *
 * @param index             position of the job in the file's {@code jobs} list (0-based; expanded triggers share it)
 * @param type              {@code job}
 * @param trigger           one trigger ({@code "a | b"} makes two JobConfigs)
 * @param identifier        {@code identifier} as written on the job (or inherited); empty when unset
 * @param skipBuild         tests: run without a Copr build
 * @param manualTrigger     only run when asked for
 * @param labels            tests: {@code labels}
 * @param sidetagGroup      koji_build/bodhi_update: side-tag group; empty when unset
 * @param dependents        koji_build: {@code dependents}
 * @param dependencies      koji_build/bodhi_update: {@code dependencies}
 * @param buildIdentifier   tests: the {@code identifier} of the copr_build job it tests (our extension); empty when unset
 * @param packages          the packages the job applies to, with where each was selected (all packages when
 *                          the job has no {@code packages} key; then positions are the job's)
 * @param perPackage        package name → effective settings within this job, in {@link #packages()} order
 * @param position          where the job's mapping starts ({@code - job: ...})
 * @param keyPositions      job-level key → where it was written (e.g. {@code build_identifier}, {@code trigger})
 */
public record JobConfig(
        int index,
        JobType type,
        Trigger trigger,
        String identifier,
        boolean skipBuild,
        boolean manualTrigger,
        List<String> labels,
        String sidetagGroup,
        List<String> dependents,
        List<String> dependencies,
        String buildIdentifier,
        List<PackageRef> packages,
        Map<String, PackageSettings> perPackage,
        SourcePosition position,
        Map<String, SourcePosition> keyPositions) {
    public JobConfig {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(identifier, "identifier");
        labels = List.copyOf(labels);
        Objects.requireNonNull(sidetagGroup, "sidetagGroup");
        dependents = List.copyOf(dependents);
        dependencies = List.copyOf(dependencies);
        Objects.requireNonNull(buildIdentifier, "buildIdentifier");
        packages = List.copyOf(packages);
        perPackage = Collections.unmodifiableMap(new LinkedHashMap<>(perPackage));
        Objects.requireNonNull(position, "position");
        keyPositions = Collections.unmodifiableMap(new LinkedHashMap<>(keyPositions));
    }

    /** The names of the packages the job applies to, in order. */
    public List<String> packageNames() {
        return packages.stream().map(PackageRef::name).toList();
    }

    /** Where job-level {@code key} was written, or the job's own position when it was not. */
    public SourcePosition positionOf(String key) {
        return keyPositions.getOrDefault(key, position);
    }

    /** {@code jobs[index]}, the way problems name a job. */
    public String path() {
        return "jobs[" + index + "]";
    }
}
