package io.packit.pipeline.copr;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copr's build options ("buildopts", reference §1.6), accepted by every build method. Unset (null) options are not
 * sent, so the project's settings apply.
 *
 * @param chroots chroot names or fnmatch patterns; empty means every chroot of the project
 * @param timeout seconds, 0..108000, null for Copr's default (18000)
 * @param background whether to use the low-priority queue
 * @param bootstrap {@code unchanged}, {@code default}, {@code on}, {@code off} or {@code image}
 * @param isolation {@code unchanged}, {@code default}, {@code nspawn} or {@code simple}
 * @param enableNet network access during the build, null to inherit the project's
 * @param afterBuildId batch ordering: run after the batch of this build
 * @param withBuildId batch ordering: join the batch of this build
 * @param projectDirname a CoprDir such as {@code myproj:pr:123}
 * @param packitForgeProject the forge project proving Packit may build in a custom project
 */
public record BuildOptions(List<String> chroots, @CheckForNull Integer timeout, @CheckForNull Boolean background,
        @CheckForNull String bootstrap, @CheckForNull String isolation, @CheckForNull Boolean enableNet,
        @CheckForNull Long afterBuildId, @CheckForNull Long withBuildId, @CheckForNull String projectDirname,
        @CheckForNull String packitForgeProject) {

    /** Validates and copies. */
    public BuildOptions {
        chroots = List.copyOf(Objects.requireNonNull(chroots, "chroots"));
        if (timeout != null && (timeout < 0 || timeout > 108_000)) {
            throw new IllegalArgumentException("Copr build timeout must be 0..108000 s, got " + timeout);
        }
        if (afterBuildId != null && withBuildId != null) {
            throw new IllegalArgumentException("a build can run after build " + afterBuildId + " or with build "
                    + withBuildId + ", not both");
        }
    }

    /**
     * Options with only chroots set.
     *
     * @param chroots the chroots
     * @return the options
     */
    public static BuildOptions chroots(List<String> chroots) {
        return new BuildOptions(chroots, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Returns a copy with the timeout set.
     *
     * @param seconds the build timeout
     * @return the copy
     */
    public BuildOptions withTimeout(int seconds) {
        return new BuildOptions(chroots, seconds, background, bootstrap, isolation, enableNet, afterBuildId,
                withBuildId, projectDirname, packitForgeProject);
    }

    /**
     * Returns a copy with background, bootstrap, isolation and network set (nulls leave the project's setting).
     *
     * @param background low priority
     * @param bootstrap bootstrap mode
     * @param isolation isolation mode
     * @param enableNet network access
     * @return the copy
     */
    public BuildOptions withEnvironment(@CheckForNull Boolean background, @CheckForNull String bootstrap,
            @CheckForNull String isolation, @CheckForNull Boolean enableNet) {
        return new BuildOptions(chroots, timeout, background, bootstrap, isolation, enableNet, afterBuildId,
                withBuildId, projectDirname, packitForgeProject);
    }

    /**
     * Returns a copy that runs after the batch of the given build.
     *
     * @param buildId the build
     * @return the copy
     */
    public BuildOptions after(long buildId) {
        return new BuildOptions(chroots, timeout, background, bootstrap, isolation, enableNet, buildId, null,
                projectDirname, packitForgeProject);
    }

    /**
     * Returns a copy that joins the batch of the given build.
     *
     * @param buildId the build
     * @return the copy
     */
    public BuildOptions with(long buildId) {
        return new BuildOptions(chroots, timeout, background, bootstrap, isolation, enableNet, null, buildId,
                projectDirname, packitForgeProject);
    }

    /**
     * Returns a copy without batch options.
     *
     * @return the copy
     */
    public BuildOptions withoutBatch() {
        return new BuildOptions(chroots, timeout, background, bootstrap, isolation, enableNet, null, null,
                projectDirname, packitForgeProject);
    }

    /**
     * Returns a copy with a CoprDir and the Packit forge project.
     *
     * @param dirname the CoprDir, may be null
     * @param forgeProject the forge project, may be null
     * @return the copy
     */
    public BuildOptions inDir(String dirname, String forgeProject) {
        return new BuildOptions(chroots, timeout, background, bootstrap, isolation, enableNet, afterBuildId,
                withBuildId, dirname, forgeProject);
    }

    Map<String, Object> toJson(String owner, String project) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownername", owner);
        body.put("projectname", project);
        putIfSet(body, "project_dirname", projectDirname);
        if (!chroots.isEmpty()) {
            body.put("chroots", chroots);
        }
        putIfSet(body, "timeout", timeout);
        putIfSet(body, "background", background);
        putIfSet(body, "bootstrap", bootstrap);
        putIfSet(body, "isolation", isolation);
        putIfSet(body, "enable_net", enableNet);
        putIfSet(body, "after_build_id", afterBuildId);
        putIfSet(body, "with_build_id", withBuildId);
        putIfSet(body, "packit_forge_project", packitForgeProject);
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String key, @CheckForNull Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }
}
