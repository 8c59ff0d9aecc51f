package io.packit.pipeline.config;

import java.util.List;
import java.util.Objects;

/**
 * The Copr keys of a package or job (packit-config.md §1.5, "Copr build"), effective after inheritance.
 *
 * @param owner                      Copr owner ({@code @group} for groups); empty: Packit's default owner
 * @param project                    Copr project; empty: generated as Packit does
 * @param timeout                    seconds to watch a build (default 7200)
 * @param preserveProject            {@code delete_after_days} -1 instead of 60
 * @param listOnHomepage             inverse of Copr's {@code unlisted_on_hp}
 * @param additionalRepos            extra buildroot repos, project-wide
 * @param additionalPackages         extra buildroot packages
 * @param bootstrap                  mock bootstrap: {@code default}, {@code on}, {@code off}, {@code image}
 * @param moduleHotfixes             {@code module_hotfixes=1} in generated repo files
 * @param enableNet                  network in the build
 * @param srpmBuildDeps              RPMs installed where the SRPM is built in Copr
 * @param forgeProjectsAllowed       {@code packit_forge_projects_allowed} (Copr project option), empty when unset
 */
public record CoprSettings(
        String owner,
        String project,
        int timeout,
        boolean preserveProject,
        boolean listOnHomepage,
        List<String> additionalRepos,
        List<String> additionalPackages,
        String bootstrap,
        boolean moduleHotfixes,
        boolean enableNet,
        List<String> srpmBuildDeps,
        List<String> forgeProjectsAllowed) {
    /** Packit's default build timeout, in seconds. */
    public static final int DEFAULT_TIMEOUT = 7200;

    /** Packit's defaults. */
    public static final CoprSettings DEFAULTS = new CoprSettings(
            "", "", DEFAULT_TIMEOUT, false, false, List.of(), List.of(), "default", false, false, List.of(), List.of());

    /**
     * Whether a Copr project of the user's own is named: {@code owner} or {@code project} set (packit-service's
     * {@code is_custom_copr_project_defined}: owner or project other than Packit's defaults).
     */
    public boolean customProject() {
        return !owner.isEmpty() || !project.isEmpty();
    }

    public CoprSettings {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(project, "project");
        additionalRepos = List.copyOf(additionalRepos);
        additionalPackages = List.copyOf(additionalPackages);
        Objects.requireNonNull(bootstrap, "bootstrap");
        srpmBuildDeps = List.copyOf(srpmBuildDeps);
        forgeProjectsAllowed = List.copyOf(forgeProjectsAllowed);
    }
}
