package io.packit.pipeline.config;

import io.packit.pipeline.diag.Diagnostics;
import io.packit.pipeline.diag.SourcePosition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The chroots a Copr instance offers ({@code GET /api_3/mock-chroots/list}), to warn about build targets that
 * resolve to chroots it does not have: a {@code fedora-all} resolved against a table that names a release Copr has
 * not enabled yet, or has already removed.
 *
 * @param coprUrl the Copr frontend the names came from, for messages
 * @param names   the chroot names Copr offers
 */
public record OfferedChroots(String coprUrl, Set<String> names) {
    public OfferedChroots {
        Objects.requireNonNull(coprUrl, "coprUrl");
        names = Set.copyOf(names);
    }

    /**
     * One warning per {@code targets} entry of a Copr build (a {@code copr_build} job, or a {@code tests} job that
     * builds) whose resolved chroots Copr does not offer, positioned at that entry.
     */
    public Diagnostics check(PackitConfig config) {
        var missingAt = new LinkedHashMap<SourcePosition, Map.Entry<String, Set<String>>>();
        for (var job : config.jobs()) {
            if (!(job instanceof CoprBuildJob || job instanceof TestsJob tests && !tests.skipBuild())) {
                continue;
            }
            for (var settings : job.perPackage().values()) {
                if (job instanceof CoprBuildJob && settings.buildsInProjectChroots()) {
                    // it builds in the chroots its project has; fedora-stable is only the fallback for a new project
                    continue;
                }
                var targets = settings.targets();
                var position = targets.position().equals(SourcePosition.UNKNOWN) ? job.position() : targets.position();
                for (var chroot : targets.chrootNames()) {
                    if (!names.contains(chroot)) {
                        missingAt.computeIfAbsent(position, at -> Map.entry(job.path(), new LinkedHashSet<>()))
                                .getValue().add(chroot);
                    }
                }
            }
        }
        var diagnostics = new Diagnostics();
        missingAt.forEach((position, missing) -> diagnostics.warning(position, "targets of " + missing.getKey()
                + " resolve to " + (missing.getValue().size() == 1 ? "a chroot" : "chroots") + " that Copr " + coprUrl
                + " does not offer (not in /api_3/mock-chroots/list): " + String.join(", ", missing.getValue())));
        return diagnostics;
    }
}
