package io.packit.pipeline.config;

import io.packit.pipeline.diag.SourcePosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code targets} value: the chroots (or aliases) as written, in order, each with its options.
 *
 * <p>{@link #chroots()} holds the targets resolved through the release table: concrete Copr chroots such as
 * {@code fedora-41-x86_64}, in a stable order, each with the options of the entry that produced it.
 *
 * @param written  the entries as written (aliases unresolved), in file order
 * @param chroots  resolved chroots, in a stable order
 * @param position where the {@code targets} value is (UNKNOWN when defaulted)
 */
public record Targets(Map<String, TargetOptions> written, Map<String, TargetOptions> chroots, SourcePosition position) {
    /** No targets at all. */
    public static final Targets NONE = new Targets(Map.of(), Map.of(), SourcePosition.UNKNOWN);

    public Targets {
        written = Collections.unmodifiableMap(new LinkedHashMap<>(written));
        chroots = Collections.unmodifiableMap(new LinkedHashMap<>(chroots));
        Objects.requireNonNull(position, "position");
    }

    /** Whether no target was given. */
    public boolean isEmpty() {
        return written.isEmpty();
    }

    /** The resolved chroot names, in order. */
    public List<String> chrootNames() {
        return List.copyOf(chroots.keySet());
    }

    /** The options for a resolved chroot ({@link TargetOptions#NONE} when it has none). */
    public TargetOptions optionsFor(String chroot) {
        return chroots.getOrDefault(chroot, TargetOptions.NONE);
    }
}
