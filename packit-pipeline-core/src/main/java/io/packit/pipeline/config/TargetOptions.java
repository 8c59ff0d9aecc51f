package io.packit.pipeline.config;

import java.util.List;
import java.util.Objects;

/**
 * Per-target options of the dict form of {@code targets} (packit-config.md §1.6).
 *
 * @param distros            tests: Testing Farm distros to run for this build chroot (empty: default mapping)
 * @param additionalPackages Copr chroot option
 * @param additionalRepos    Copr chroot option
 * @param additionalModules  Copr chroot option, {@code "mod:stream,mod2:stream"}; empty when unset
 * @param withOpts           Copr chroot option
 * @param withoutOpts        Copr chroot option
 */
public record TargetOptions(
        List<String> distros,
        List<String> additionalPackages,
        List<String> additionalRepos,
        String additionalModules,
        List<String> withOpts,
        List<String> withoutOpts) {
    /** No options. */
    public static final TargetOptions NONE = new TargetOptions(List.of(), List.of(), List.of(), "", List.of(), List.of());

    public TargetOptions {
        distros = List.copyOf(distros);
        additionalPackages = List.copyOf(additionalPackages);
        additionalRepos = List.copyOf(additionalRepos);
        Objects.requireNonNull(additionalModules, "additionalModules");
        withOpts = List.copyOf(withOpts);
        withoutOpts = List.copyOf(withoutOpts);
    }

    /** Whether any Copr chroot option is set (distros excluded). */
    public boolean hasCoprOptions() {
        return !additionalPackages.isEmpty() || !additionalRepos.isEmpty() || !additionalModules.isEmpty()
                || !withOpts.isEmpty() || !withoutOpts.isEmpty();
    }
}
