package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Checks references between jobs: {@code identifier} unique among the jobs of one type, trigger and
 * {@code branch} within a package (jobs of other branches never run for the same event: a commit job for
 * {@code main} and one for {@code stable} may share it), and {@code build_identifier} naming a copr_build job of
 * the same package and trigger.
 * ({@code depends} names are checked where they are read; cycles are the planner's business.)
 */
final class ReferenceChecker {
    private final Diagnostics diagnostics;

    ReferenceChecker(Diagnostics diagnostics) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
    }

    void check(List<JobConfig> jobs) {
        duplicateIdentifiers(jobs);
        buildIdentifiers(jobs);
    }

    private void duplicateIdentifiers(List<JobConfig> jobs) {
        var firstByKey = new LinkedHashMap<String, JobConfig>();
        for (var job : jobs) {
            for (var name : job.perPackage().keySet()) {
                var settings = job.perPackage().get(name);
                var identifier = settings.identifier();
                if (identifier.isEmpty()) {
                    continue;
                }
                var branch = settings.branch();
                var key = String.join("\u0000", job.key(), job.trigger().key(), branch, name, identifier);
                var first = firstByKey.putIfAbsent(key, job);
                if (first != null && first.index() != job.index()) {
                    diagnostics.error(settings.positionOf("identifier", job.position()),
                            "duplicate identifier '%s' in %s: %s already has it for %s jobs with trigger %s%s%s"
                                    .formatted(identifier, job.path(), first.path(), job.key(), job.trigger().key(),
                                            branch.isEmpty() ? "" : " and branch '" + branch + "'",
                                            job.perPackage().size() > 1 || first.perPackage().size() > 1
                                                    ? " (package '" + name + "')" : ""));
                }
            }
        }
    }

    private void buildIdentifiers(List<JobConfig> jobs) {
        for (var job : jobs) {
            if (!(job instanceof TestsJob tests) || tests.buildIdentifier().isEmpty()) {
                continue;
            }
            var wanted = tests.buildIdentifier();
            var where = job.positionOf("build_identifier");
            for (var name : job.perPackage().keySet()) {
                var sameTrigger = new LinkedHashSet<String>();
                var otherTriggers = new ArrayList<String>();
                for (var build : jobs) {
                    if (!(build instanceof CoprBuildJob) || !build.perPackage().containsKey(name)) {
                        continue;
                    }
                    var identifier = build.perPackage().get(name).identifier();
                    if (identifier.isEmpty()) {
                        continue;
                    }
                    if (build.trigger() == job.trigger()) {
                        sameTrigger.add(identifier);
                    } else if (identifier.equals(wanted)) {
                        otherTriggers.add(build.trigger().key() + " (" + build.path() + ")");
                    }
                }
                if (sameTrigger.contains(wanted)) {
                    continue;
                }
                var ofPackage = job.perPackage().size() > 1 ? " of package '" + name + "'" : "";
                if (!otherTriggers.isEmpty()) {
                    diagnostics.error(where, "build_identifier '%s' in %s names a copr_build job with trigger %s, but the tests job has trigger %s"
                            .formatted(wanted, job.path(), String.join(", ", otherTriggers), job.trigger().key()));
                } else {
                    diagnostics.error(where, "unknown build_identifier '%s' in %s: no copr_build job%s with trigger %s has that identifier (known: %s)%s"
                            .formatted(wanted, job.path(), ofPackage, job.trigger().key(), DidYouMean.quoted(sameTrigger),
                                    DidYouMean.hint(wanted, sameTrigger)));
                }
            }
        }
    }
}
