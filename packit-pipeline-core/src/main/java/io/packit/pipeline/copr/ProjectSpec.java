package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Copr project a job needs, with Packit's defaults: removed after 60 days unless {@code preserveProject},
 * unlisted unless {@code listOnHomepage}. Null or empty optional settings are left as the project has them.
 *
 * @param owner the owner ({@code jdoe} or {@code @group})
 * @param name the project name
 * @param chroots the chroots the builds need (added to the project's, never removed)
 * @param description the description, null to leave it
 * @param instructions the instructions, null to leave it
 * @param additionalRepos extra repositories ({@code copr://o/p} or URLs), empty to leave them
 * @param moduleHotfixes module hotfixes, null to leave it
 * @param bootstrap bootstrap mode, null to leave it
 * @param enableNet network access of builds, null to leave it
 * @param packitForgeProjectsAllowed forge projects allowed to build here, empty to leave them
 * @param preserveProject keep the project (no {@code delete_after_days})
 * @param listOnHomepage list the project on Copr's home page
 */
public record ProjectSpec(String owner, String name, List<String> chroots, @CheckForNull String description,
        @CheckForNull String instructions, List<String> additionalRepos, @CheckForNull Boolean moduleHotfixes,
        @CheckForNull String bootstrap, @CheckForNull Boolean enableNet, List<String> packitForgeProjectsAllowed,
        boolean preserveProject, boolean listOnHomepage) {

    /** Packit's lifetime of temporary projects, in days. */
    public static final int DELETE_AFTER_DAYS = 60;

    /** Validates and copies. */
    public ProjectSpec {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_.-]+") || name.matches("[0-9]+")) {
            throw new IllegalArgumentException("Copr project names use letters, digits, '_', '-' and '.' and are not"
                    + " purely numeric, got '" + name + "'");
        }
        chroots = List.copyOf(chroots);
        if (chroots.isEmpty()) {
            throw new IllegalArgumentException("a Copr project needs at least one chroot: " + owner + "/" + name);
        }
        additionalRepos = List.copyOf(additionalRepos);
        packitForgeProjectsAllowed = List.copyOf(packitForgeProjectsAllowed);
    }

    /**
     * A temporary, unlisted project with only chroots set.
     *
     * @param owner the owner
     * @param name the project
     * @param chroots the chroots
     * @return the spec
     */
    public static ProjectSpec of(String owner, String name, List<String> chroots) {
        return new ProjectSpec(owner, name, chroots, null, null, List.of(), null, null, null, List.of(), false, false);
    }

    Map<String, Object> createBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("chroots", chroots);
        putIfSet(body, "description", description);
        putIfSet(body, "instructions", instructions);
        if (!additionalRepos.isEmpty()) {
            body.put("additional_repos", additionalRepos);
        }
        body.put("unlisted_on_hp", !listOnHomepage);
        putIfSet(body, "enable_net", enableNet);
        if (!preserveProject) {
            body.put("delete_after_days", DELETE_AFTER_DAYS);
        }
        putIfSet(body, "module_hotfixes", moduleHotfixes);
        putIfSet(body, "bootstrap", bootstrap);
        if (!packitForgeProjectsAllowed.isEmpty()) {
            body.put("packit_forge_projects_allowed", packitForgeProjectsAllowed);
        }
        return body;
    }

    /** The keys of an edit that brings {@code current} to this spec; empty when nothing differs. */
    Map<String, Object> editBody(CoprProject current) {
        Map<String, Object> edit = new LinkedHashMap<>();
        List<String> have = current.chroots();
        if (!have.containsAll(chroots)) {
            java.util.TreeSet<String> union = new java.util.TreeSet<>(have);
            union.addAll(chroots);
            edit.put("chroots", List.copyOf(union));
        }
        if (description != null && !description.equals(current.description())) {
            edit.put("description", description);
        }
        if (instructions != null && !instructions.equals(current.instructions())) {
            edit.put("instructions", instructions);
        }
        if (current.unlistedOnHp() == listOnHomepage) {
            edit.put("unlisted_on_hp", !listOnHomepage);
        }
        if (!additionalRepos.isEmpty()
                && !new java.util.HashSet<>(additionalRepos).equals(new java.util.HashSet<>(current.additionalRepos()))) {
            edit.put("additional_repos", additionalRepos);
        }
        if (moduleHotfixes != null && moduleHotfixes != current.moduleHotfixes()) {
            edit.put("module_hotfixes", moduleHotfixes);
        }
        if (bootstrap != null && !bootstrap.equals(current.bootstrap())) {
            edit.put("bootstrap", bootstrap);
        }
        if (enableNet != null && enableNet != current.enableNet()) {
            edit.put("enable_net", enableNet);
        }
        if (!packitForgeProjectsAllowed.isEmpty() && !new java.util.HashSet<>(packitForgeProjectsAllowed)
                .equals(new java.util.HashSet<>(current.packitForgeProjectsAllowed()))) {
            edit.put("packit_forge_projects_allowed", packitForgeProjectsAllowed);
        }
        return edit;
    }

    private static void putIfSet(Map<String, Object> body, String key, @CheckForNull Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
